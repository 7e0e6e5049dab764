/**
 * The JSON rows of `heapgraph explore`'s API: classes, objects and retainer edges, as the page
 * shows them (DevTools' Summary and Retainers conventions). Every string is a heap string: the
 * page puts them in the DOM as text only.
 *
 * @module
 */
import { NO_DISTANCE, type HeapGraph } from "@heapgraph/graph";
import { edgeLabel, printable } from "@heapgraph/render";

/**
 * One class of the Summary table.
 *
 * @example
 * ```ts
 * const row: ClassRow = { index: 3, name: "Foo", qualifiedName: "app.js:1:Foo", count: 2, selfSize: 64, retainedSize: 128, distance: 3 };
 * ```
 */
export interface ClassRow {
  /** The class's index in the graph (`classes().names`): the handle the page asks instances by. */
  readonly index: number;
  readonly name: string;
  readonly qualifiedName: string;
  /** Objects of the class with a non-zero size (DevTools' Count). */
  readonly count: number;
  readonly selfSize: number;
  readonly retainedSize: number;
  /** Smallest distance from the roots, or null when unreachable. */
  readonly distance: number | null;
}

/**
 * One heap object as the page lists it.
 *
 * @example
 * ```ts
 * const row: ObjectRow = { id: 42, className: "Foo", type: "object", preview: "", selfSize: 32, retainedSize: 32, distance: 4, detached: false };
 * ```
 */
export interface ObjectRow {
  readonly id: number;
  readonly className: string;
  readonly type: string;
  /** A short description (string contents, array length, function and place), at most 200 characters. */
  readonly preview: string;
  readonly selfSize: number;
  readonly retainedSize: number;
  readonly distance: number | null;
  readonly detached: boolean;
}

/**
 * A retainer of an object: the edge and the object holding it.
 *
 * @example
 * ```ts
 * const row: RetainerRow = { edge: ".cache", edgeType: "property", retains: true, holder: objectRow(graph, 7) };
 * ```
 */
export interface RetainerEdgeRow {
  /** The edge's label (`.prop`, `[3]`, a variable name), as heapgraph prints edges. */
  readonly edge: string;
  readonly edgeType: string;
  /** Whether the edge keeps the object alive (false: weak, WeakRef target, job-scoped). */
  readonly retains: boolean;
  readonly holder: ObjectRow;
}

/**
 * Every class of `graph` with at least one counted object, largest retained size first
 * (DevTools' Summary view).
 *
 * @example
 * ```ts
 * const rows = classRows(graph); // [{ index, name: "(string)", count: 1234, ... }, ...]
 * ```
 */
export function classRows(graph: HeapGraph): ClassRow[] {
  const { names } = graph.classes();
  const qualified = graph.qualifiedClassNames();
  const stats = graph.classStats(), distance = graph.classDistances();
  const rows: ClassRow[] = [];
  for (let c = 0; c < names.length; c++) {
    if (stats.count[c] === 0) continue;
    rows.push({
      index: c,
      name: names[c]!,
      qualifiedName: qualified[c]!,
      count: stats.count[c]!,
      selfSize: stats.selfSize[c]!,
      retainedSize: stats.retainedSize[c]!,
      distance: distanceOrNull(distance[c]!),
    });
  }
  return rows.sort((a, b) => b.retainedSize - a.retainedSize || a.name.localeCompare(b.name));
}

/**
 * The object at `ordinal` as a row.
 *
 * @example
 * ```ts
 * objectRow(graph, graph.ordinalOfId(42)).className; // "Foo"
 * ```
 */
export function objectRow(graph: HeapGraph, ordinal: number): ObjectRow {
  return {
    id: graph.nodeColumns().id[ordinal]!,
    className: graph.className(ordinal),
    type: graph.nodeTypeName(ordinal),
    preview: printable(graph.describe(ordinal), 200),
    selfSize: graph.selfSizes()[ordinal]!,
    retainedSize: graph.retainedSizes()[ordinal]!,
    distance: distanceOrNull(graph.distances()[ordinal]!),
    detached: graph.isDetached(ordinal),
  };
}

/**
 * The counted objects of class `classIndex` (non-zero size, as DevTools counts), largest retained
 * size first, from `offset`, at most `limit` of them, and how many there are in all.
 *
 * @example
 * ```ts
 * const { total, objects } = classObjects(graph, row.index, 0, 50);
 * ```
 */
export function classObjects(graph: HeapGraph, classIndex: number, offset: number, limit: number): { total: number; objects: ObjectRow[] } {
  const ordinals = classOrdinals(graph, classIndex);
  return { total: ordinals.length, objects: ordinals.slice(offset, offset + limit).map((o) => objectRow(graph, o)) };
}

/** The last class listed per graph, sorted: paging through a class scans the nodes once. */
const lastClass = new WeakMap<HeapGraph, { classIndex: number; ordinals: readonly number[] }>();

function classOrdinals(graph: HeapGraph, classIndex: number): readonly number[] {
  const cached = lastClass.get(graph);
  if (cached?.classIndex === classIndex) return cached.ordinals;
  const { classOf } = graph.classes();
  const selfSizes = graph.selfSizes();
  const retained = graph.retainedSizes();
  const ordinals: number[] = [];
  for (let o = 0; o < graph.nodeCount; o++) if (classOf[o] === classIndex && selfSizes[o]! > 0) ordinals.push(o);
  ordinals.sort((a, b) => retained[b]! - retained[a]! || a - b);
  lastClass.set(graph, { classIndex, ordinals });
  return ordinals;
}

/**
 * The retainers of the object at `ordinal`, one level (the page expands a row to ask for the
 * next): retaining edges before the others, then by the holder's distance from the roots
 * (DevTools' order), at most `limit`, and how many there are in all.
 *
 * @example
 * ```ts
 * const { total, retainers } = retainerRows(graph, graph.ordinalOfId(42), 100);
 * ```
 */
export function retainerRows(graph: HeapGraph, ordinal: number, limit: number): { total: number; retainers: RetainerEdgeRow[] } {
  const retaining = graph.retainingEdges();
  const distances = graph.distances();
  const ids = graph.nodeColumns().id;
  const found: { holder: number; edge: number; retains: boolean }[] = [];
  graph.forEachRetainer(ordinal, (holder, edge) => found.push({ holder, edge, retains: retaining.retains(holder, edge) }));
  const rank = (o: number) => (distances[o]! < 0 ? Number.MAX_SAFE_INTEGER : distances[o]!);
  found.sort((a, b) => Number(b.retains) - Number(a.retains) || rank(a.holder) - rank(b.holder) || a.holder - b.holder);
  return {
    total: found.length,
    retainers: found.slice(0, limit).map(({ holder, edge, retains }) => ({
      edge: printable(edgeLabel(graph.edgeTypeName(edge), graph.edgeName(edge), ids[holder]), 120),
      edgeType: graph.edgeTypeName(edge),
      retains,
      holder: objectRow(graph, holder),
    })),
  };
}

function distanceOrNull(distance: number): number | null {
  return distance === NO_DISTANCE || distance < 0 ? null : distance;
}
