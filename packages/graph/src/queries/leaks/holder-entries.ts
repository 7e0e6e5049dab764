import type { HeapGraph } from "../../engine/index.ts";

/**
 * What kind of collection a growing holder is, which names the unit its entries are counted in.
 *
 * @example
 * ```ts
 * const kind: HolderKind = "array"; // counted in elements
 * ```
 */
export type HolderKind = "array" | "map" | "set" | "object" | "closure" | "scope" | "root" | "listeners";

/** Blink's list of one event type's listeners on an EventTarget (Window, a DOM node): a vector of RegisteredEventListener. */
const LISTENER_LIST = /^blink::BasicHeapVector<.*\bblink::RegisteredEventListener\b/;
const REGISTERED_LISTENER = "blink::RegisteredEventListener";

/** Entries of a hash table per stride: V8's OrderedHashMap stores key, value, chain; OrderedHashSet key, chain. */
const TABLE_STRIDE: Record<string, number> = { Map: 3, Set: 2 };
const NUMERIC = /^\d+$/;

/**
 * The kind of collection node `o` is, and how many entries it has: an array's elements (element
 * edges; numbers stored unboxed in the array are not heap nodes and are not counted), a Map's or
 * Set's entries (from the slots its hash table references), an object's properties, a closure's or
 * a scope's variables, a root's references, a Blink listener list's listeners (Chromium: the
 * `RegisteredEventListener`s in the list's backing store). Weak edges, `__proto__` and V8's
 * internal fields are never entries.
 *
 * @example
 * ```ts
 * const { kind, entries } = holderEntries(graph, ordinal);
 * console.log(`${entries} ${unitOf(kind)}`); // "4200 elements"
 * ```
 */
export function holderEntries(graph: HeapGraph, o: number): { kind: HolderKind; entries: number } {
  const codes = graph.typeCodes();
  const { type, name, strings } = graph.nodeColumns();
  const className = graph.className(o);
  if (LISTENER_LIST.test(className)) return { kind: "listeners", entries: registeredListeners(graph, o) };
  const stride = TABLE_STRIDE[className];
  if (stride !== undefined && type[o] === codes.object) {
    let table = -1;
    graph.forEachEdge(o, (target, e) => {
      if (table < 0 && graph.edgeName(e) === "table") table = target;
    });
    const kind = className === "Map" ? "map" : "set";
    if (table >= 0) return { kind, entries: tableEntries(graph, table, stride) };
    // No hash table (JavaScriptCore, synthetic snapshots): the collection's own references.
    return { kind, entries: ownReferences(graph, o) };
  }
  const rawName = strings[name[o]] ?? "";
  const kind: HolderKind =
    type[o] === codes.synthetic ? "root"
    : type[o] === codes.closure ? "closure"
    : rawName.startsWith("system / Context") ? "scope"
    : className === "Array" ? "array"
    : "object";
  const counted = COUNTED_EDGES[kind];
  if (!counted) return { kind, entries: ownReferences(graph, o) };
  let entries = 0;
  graph.forEachEdge(o, (_target, e) => {
    if (counted.has(graph.edgeTypeName(e))) entries++;
  });
  return { kind, entries };
}

/** The edge types that are entries, for the kinds that count one or a few types. */
const COUNTED_EDGES: Partial<Record<HolderKind, ReadonlySet<string>>> = {
  array: new Set(["element"]),
  scope: new Set(["context"]),
  root: new Set(["element", "property", "internal", "hidden", "shortcut", "context"]),
};

/** Property, element and variable edges, `__proto__` aside. */
function ownReferences(graph: HeapGraph, o: number): number {
  let n = 0;
  graph.forEachEdge(o, (_target, e) => {
    const t = graph.edgeTypeName(e);
    if ((t === "property" || t === "element" || t === "context") && graph.edgeName(e) !== "__proto__") n++;
  });
  return n;
}

/**
 * The unit a holder kind's entries are counted in.
 *
 * @example
 * ```ts
 * unitOf("map"); // "entries"
 * ```
 */
export function unitOf(kind: HolderKind): string {
  switch (kind) {
    case "array": return "elements";
    case "map": case "set": return "entries";
    case "object": return "properties";
    case "closure": case "scope": return "variables";
    case "root": return "references";
    case "listeners": return "listeners";
  }
}

/** The listeners a Blink listener list holds, directly or through its backing store. */
function registeredListeners(graph: HeapGraph, list: number): number {
  let n = 0;
  const visit = (o: number, depth: number): void =>
    graph.forEachEdge(o, (target, e) => {
      if (graph.edgeTypeName(e) === "weak") return;
      const className = graph.className(target);
      if (className === REGISTERED_LISTENER) n++;
      else if (depth === 0 && className.startsWith("blink::HeapVectorBacking<")) visit(target, 1);
    });
  visit(list, 0);
  return n;
}

/** Distinct entries whose slots a hash table references: slot index over the stride, from the first slot seen. */
function tableEntries(graph: HeapGraph, table: number, stride: number): number {
  const slots: number[] = [];
  graph.forEachEdge(table, (_target, e) => {
    const name = graph.edgeName(e);
    if (graph.edgeTypeName(e) !== "weak" && NUMERIC.test(name)) slots.push(Number(name));
  });
  let first = Infinity;
  for (const s of slots) if (s < first) first = s;
  return new Set(slots.map((s) => Math.floor((s - first) / stride))).size;
}
