/**
 * A value made of plain data and typed arrays (a parsed snapshot, an engine index) split into
 * a JSON descriptor and typed-array sections, and put back together: typed arrays become
 * sections, long string lists become {@link encodeStringList} sections, maps and objects keep
 * their entries in order, everything else stays JSON. Generic on purpose, so that a column
 * added to the snapshot model or an index travels without a change here.
 *
 * Decoding is lazy where it pays: an object comes back with each entry decoded (and its sections
 * read) when the entry is first used, so that a command that needs `classes.names` does not read
 * `classes.classOf`.
 *
 * @module
 */
import type { ImageArray, ImageSection } from "@heapgraph/snapshot";
import { GraphError } from "../graph-error.ts";
import type { SectionLookup } from "./section-lookup.ts";
import { decodeStringList, encodeStringList } from "./string-list.ts";

/**
 * How one value is stored: `a` a typed array (section name and kind), `s` a string list
 * (section prefix), `n` a long number list (Float64 section), `M` a long number-to-number map
 * (two Float64 sections), `m` another map, `o` an object,
 * `j` plain JSON.
 *
 * @example
 * ```ts
 * const d: ValueDescriptor = { t: "a", s: "snapshot.nodeId", k: "Uint32Array" };
 * ```
 */
export type ValueDescriptor =
  | { readonly t: "a"; readonly s: string; readonly k: string }
  | { readonly t: "s"; readonly s: string }
  | { readonly t: "n"; readonly s: string }
  | { readonly t: "M"; readonly s: string }
  | { readonly t: "m"; readonly e: readonly (readonly [unknown, ValueDescriptor])[] }
  | { readonly t: "o"; readonly e: Readonly<Record<string, ValueDescriptor>> }
  | { readonly t: "j"; readonly v: unknown };

const ARRAY_KINDS: Record<string, new (length: number) => ImageArray> = {
  Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array,
};
/** Lists at least this long go to sections rather than into the JSON. */
const LONG_LIST = 256;

/**
 * Splits `value` into a descriptor and sections (pushed to `sections`), section names starting
 * with `name`. Throws `GraphError` `INVALID_IMAGE` for what cannot be stored (functions, class
 * instances other than typed arrays and maps).
 *
 * @example
 * ```ts
 * const sections: ImageSection[] = [];
 * const descriptor = encodeValue("graph.retainers", graph.retainers(), sections);
 * ```
 */
export function encodeValue(name: string, value: unknown, sections: ImageSection[]): ValueDescriptor {
  if (ArrayBuffer.isView(value)) {
    const kind = Object.keys(ARRAY_KINDS).find((k) => value instanceof ARRAY_KINDS[k]) ?? value.constructor.name;
    if (!(kind in ARRAY_KINDS)) throw new GraphError("INVALID_IMAGE", `graphImage: ${name} is a ${kind}, which an image cannot hold`);
    sections.push({ name, data: value as ImageArray });
    return { t: "a", s: name, k: kind };
  }
  if (Array.isArray(value) && value.length >= LONG_LIST) {
    if (value.every((v) => typeof v === "string")) {
      sections.push(...encodeStringList(name, value as string[]));
      return { t: "s", s: name };
    }
    if (value.every((v) => typeof v === "number")) {
      sections.push({ name, data: Float64Array.from(value as number[]) });
      return { t: "n", s: name };
    }
  }
  if (value instanceof Map && value.size >= LONG_LIST && [...value].every(([k, v]) => typeof k === "number" && typeof v === "number")) {
    sections.push({ name: `${name}.keys`, data: Float64Array.from(value.keys()) }, { name: `${name}.values`, data: Float64Array.from(value.values()) });
    return { t: "M", s: name };
  }
  if (value instanceof Map) {
    const entries: (readonly [unknown, ValueDescriptor])[] = [];
    let k = 0;
    for (const [key, item] of value) entries.push([key, encodeValue(`${name}.${k++}`, item, sections)]);
    return { t: "m", e: entries };
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new GraphError("INVALID_IMAGE", `graphImage: ${name} is a ${proto?.constructor?.name ?? "class instance"}, which an image cannot hold`);
    }
    const entries: Record<string, ValueDescriptor> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      entries[key] = encodeValue(`${name}.${key}`, item, sections);
    }
    return { t: "o", e: entries };
  }
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    throw new GraphError("INVALID_IMAGE", `graphImage: ${name} is a ${typeof value}, which an image cannot hold`);
  }
  return { t: "j", v: value };
}

/**
 * Puts a value back together from its descriptor and the sections (typed arrays are the
 * sections themselves, not copies). Objects come back as {@link decodeObjectLazily} makes them.
 * Throws `GraphError` `INVALID_IMAGE` when a section is missing or of another kind than the
 * descriptor says (for an object's entry: when the entry is first used).
 *
 * @example
 * ```ts
 * const retainers = decodeValue(descriptor, (name) => sectionsByName.get(name)) as Retainers;
 * ```
 */
export function decodeValue(descriptor: ValueDescriptor, sections: SectionLookup): unknown {
  switch (descriptor?.t) {
    case "a": {
      const data = sections(descriptor.s);
      const kind = ARRAY_KINDS[descriptor.k];
      if (!data || !kind || !(data instanceof kind)) {
        throw new GraphError("INVALID_IMAGE", `graphFromImage: section ${JSON.stringify(descriptor.s)} is missing or not a ${descriptor.k}`);
      }
      return data;
    }
    case "s":
      return decodeStringList(descriptor.s, sections);
    case "n": {
      const data = sections(descriptor.s);
      if (!(data instanceof Float64Array)) throw new GraphError("INVALID_IMAGE", `graphFromImage: section ${JSON.stringify(descriptor.s)} is missing`);
      return Array.from(data);
    }
    case "M": {
      const keys = sections(`${descriptor.s}.keys`), values = sections(`${descriptor.s}.values`);
      if (!(keys instanceof Float64Array) || !(values instanceof Float64Array) || keys.length !== values.length) {
        throw new GraphError("INVALID_IMAGE", `graphFromImage: the number map ${JSON.stringify(descriptor.s)} is missing or malformed`);
      }
      const map = new Map<number, number>();
      for (let i = 0; i < keys.length; i++) map.set(keys[i], values[i]);
      return map;
    }
    case "m":
      return new Map(descriptor.e.map(([key, item]) => [key, decodeValue(item, sections)]));
    case "o":
      return decodeObjectLazily(descriptor, sections);
    case "j":
      return descriptor.v;
    default:
      throw new GraphError("INVALID_IMAGE", `graphFromImage: unknown value descriptor ${JSON.stringify(descriptor)?.slice(0, 80)}`);
  }
}

/**
 * An object (`o` descriptor) whose entries are decoded when first read: each entry is a getter
 * that decodes it (reading its sections), calls `check(key, value)` (which may throw), and
 * replaces itself by the plain value. Keys, their order and `in` are there from the start, so the
 * object looks like the one encoded (`Object.keys`, spreading and `Object.entries` work; the
 * last two decode everything). Throws `GraphError` `INVALID_IMAGE` for another descriptor.
 *
 * @example
 * ```ts
 * const classes = decodeObjectLazily(descriptor, sections) as ClassIndex;
 * classes.names; // reads the names' sections only
 * ```
 */
export function decodeObjectLazily(descriptor: ValueDescriptor, sections: SectionLookup, check?: (key: string, value: unknown) => void): Record<string, unknown> {
  if (descriptor?.t !== "o") throw new GraphError("INVALID_IMAGE", `graphFromImage: expected an object, found ${JSON.stringify(descriptor)?.slice(0, 80)}`);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(descriptor.e)) {
    if (item?.t === "j") {
      check?.(key, item.v);
      out[key] = item.v;
      continue;
    }
    Object.defineProperty(out, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = decodeValue(item, sections);
        check?.(key, value);
        Object.defineProperty(out, key, { value, writable: true, configurable: true, enumerable: true });
        return value;
      },
      set(value: unknown) {
        Object.defineProperty(out, key, { value, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  return out;
}
