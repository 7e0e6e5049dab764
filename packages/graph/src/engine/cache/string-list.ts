/**
 * String lists (the snapshot's string table, class names) as typed-array sections: the strings
 * concatenated in blocks, each block UTF-8 (or UTF-16 code units when it holds a lone surrogate,
 * which UTF-8 cannot carry), plus each string's end offset in its block. Decoding is one
 * `TextDecoder` call per block and one `slice` per string.
 *
 * @module
 */
import type { ImageSection } from "@heapgraph/snapshot";
import type { SectionLookup } from "./section-lookup.ts";
import { GraphError } from "../graph-error.ts";

// Every runtime heapgraph supports has the WHATWG encoders; the package compiles without DOM or Node types.
declare const TextEncoder: { new (): { encode(text: string): Uint8Array } };
declare const TextDecoder: { new (label: string): { decode(bytes: Uint8Array): string } };

/** UTF-16 code units per block: small enough that a block with a lone surrogate decodes slowly only locally. */
const BLOCK_UNITS = 1 << 20;
const UTF8 = 0, UTF16 = 1;

/**
 * Encodes `list` as three sections named `${name}.bytes`, `${name}.ends` and `${name}.blocks`;
 * returns the sections and the list's length.
 *
 * @example
 * ```ts
 * const sections = encodeStringList("snapshot.strings", snapshot.strings);
 * const byName = new Map(sections.map((s) => [s.name, s.data]));
 * decodeStringList("snapshot.strings", (n) => byName.get(n)); // equal to snapshot.strings
 * ```
 */
export function encodeStringList(name: string, list: readonly string[]): ImageSection[] {
  const ends = new Uint32Array(list.length);
  const blocks: number[] = [];
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let bytes = 0;
  for (let first = 0; first < list.length || (first === 0 && blocks.length === 0); ) {
    let units = 0, i = first;
    // At least one string per block, whatever its length.
    while (i < list.length && (i === first || units + list[i].length <= BLOCK_UNITS)) {
      units += list[i].length;
      ends[i] = units;
      i++;
    }
    const text = list.slice(first, i).join("");
    let encoded: Uint8Array, kind: number;
    if (isWellFormed(text)) {
      encoded = encoder.encode(text);
      kind = UTF8;
    } else {
      if (bytes % 2) parts.push(new Uint8Array(1)), bytes++;
      const codes = new Uint16Array(text.length);
      for (let k = 0; k < text.length; k++) codes[k] = text.charCodeAt(k);
      encoded = new Uint8Array(codes.buffer);
      kind = UTF16;
    }
    parts.push(encoded);
    blocks.push(first, bytes, bytes + encoded.length, kind);
    bytes += encoded.length;
    first = i;
    if (i === list.length) break;
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const part of parts) all.set(part, at), (at += part.length);
  return [
    { name: `${name}.bytes`, data: all },
    { name: `${name}.ends`, data: ends },
    { name: `${name}.blocks`, data: new Float64Array(blocks) },
  ];
}

/**
 * Decodes the list {@link encodeStringList} encoded under `name` from `sections` (by name).
 * Throws `GraphError` `INVALID_IMAGE` when a section is missing or inconsistent.
 *
 * @example
 * ```ts
 * const strings = decodeStringList("snapshot.strings", (n) => sectionsByName.get(n));
 * ```
 */
export function decodeStringList(name: string, sections: SectionLookup): string[] {
  const bytes = sections(`${name}.bytes`), ends = sections(`${name}.ends`), blocks = sections(`${name}.blocks`);
  if (!(bytes instanceof Uint8Array) || !(ends instanceof Uint32Array) || !(blocks instanceof Float64Array) || blocks.length % 4) {
    throw new GraphError("INVALID_IMAGE", `graphFromImage: the string list ${JSON.stringify(name)} is missing or malformed`);
  }
  const out: string[] = new Array(ends.length);
  const utf8 = new TextDecoder("utf-8");
  for (let b = 0; b < blocks.length; b += 4) {
    const first = blocks[b], start = blocks[b + 1], end = blocks[b + 2], kind = blocks[b + 3];
    const last = b + 4 < blocks.length ? blocks[b + 4] : ends.length;
    if (!(first <= last && last <= ends.length && start <= end && end <= bytes.length)) {
      throw new GraphError("INVALID_IMAGE", `graphFromImage: block ${b / 4} of the string list ${JSON.stringify(name)} is out of range`);
    }
    const text = kind === UTF8 ? utf8.decode(bytes.subarray(start, end)) : fromCodeUnits(bytes, start, end);
    let from = 0;
    for (let i = first; i < last; i++) {
      const to = ends[i];
      out[i] = text.slice(from, to);
      from = to;
    }
    if (from !== text.length) throw new GraphError("INVALID_IMAGE", `graphFromImage: the string list ${JSON.stringify(name)} does not match its offsets`);
  }
  return out;
}

function fromCodeUnits(bytes: Uint8Array, start: number, end: number): string {
  const codes = new Uint16Array(bytes.buffer, bytes.byteOffset + start, (end - start) / 2);
  let text = "";
  for (let k = 0; k < codes.length; k += 8192) text += String.fromCharCode.apply(null, codes.subarray(k, k + 8192) as unknown as number[]);
  return text;
}

/** `String.prototype.isWellFormed`, with a fallback for runtimes without it. */
function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (native) return native.call(text);
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
