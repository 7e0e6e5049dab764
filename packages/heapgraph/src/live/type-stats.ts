/**
 * objgraph's `typestats()` and `most_common_types()` over the running process: class name to
 * instance count, as objgraph returns them.
 *
 * @module
 */
import { typestats as typestatsInGraph, type HeapNode, type TypeStatsRow } from "@heapgraph/graph";
import type { z } from "zod";
import { countingGraph } from "./graph-of-nodes.ts";
import { callbackOption, flagOption, limitOption, liveOptions, nodesOption, parseLiveOptions, SNAPSHOT_SHAPE } from "./live-options.ts";

/**
 * The options of {@link typestats}, as a zod shape for the calls that extend them.
 *
 * @example
 * ```ts
 * const schema = liveOptions({ ...TYPE_STATS_SHAPE, limit: limitOption });
 * ```
 */
export const TYPE_STATS_SHAPE = {
  ...SNAPSHOT_SHAPE,
  /** Count only these node handles (e.g. `await getLeakingObjects()`), in their own graph, instead of a fresh snapshot (objgraph's `objects=`). */
  objects: nodesOption,
  /** Count only nodes for which this returns true. */
  filter: callbackOption<(node: HeapNode) => boolean>(),
  /** Class names alone, classes of one name lumped together (default true); false keys by definition site (`script:line:Name`). */
  shortnames: flagOption,
};

/**
 * The schema of {@link LiveTypeStatsOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("typestats", liveTypeStatsOptions, { shortnames: false });
 * ```
 */
export const liveTypeStatsOptions = liveOptions(TYPE_STATS_SHAPE);

/**
 * Options of {@link typestats}: `objects`, `filter`, `shortnames` (default true) and `gc`.
 *
 * @example
 * ```ts
 * const options: LiveTypeStatsOptions = { filter: (n) => n.type === "object" };
 * ```
 */
export type LiveTypeStatsOptions = z.input<typeof liveTypeStatsOptions>;

/**
 * The options of {@link mostCommonTypes}, as a zod shape for the calls that extend them.
 *
 * @example
 * ```ts
 * const schema = liveOptions({ ...MOST_COMMON_TYPES_SHAPE, file: sinkOption });
 * ```
 */
export const MOST_COMMON_TYPES_SHAPE = {
  ...TYPE_STATS_SHAPE,
  /** How many classes (default 10; `Infinity` for all). */
  limit: limitOption,
};

/**
 * The schema of {@link LiveMostCommonTypesOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("mostCommonTypes", liveMostCommonTypesOptions, { limit: 5 });
 * ```
 */
export const liveMostCommonTypesOptions = liveOptions(MOST_COMMON_TYPES_SHAPE);

/**
 * Options of {@link mostCommonTypes}: those of {@link typestats}, and `limit` (default 10).
 *
 * @example
 * ```ts
 * const options: LiveMostCommonTypesOptions = { limit: 20, shortnames: false };
 * ```
 */
export type LiveMostCommonTypesOptions = z.input<typeof liveMostCommonTypesOptions>;

/**
 * How many instances of each class this process holds now — objgraph's `typestats()`: class
 * name → count, from a fresh heap snapshot (or among `objects`). With `shortnames` (the
 * default) classes of one name defined in different places are lumped together, as objgraph
 * lumps classes of different modules; `shortnames: false` keys by qualified name
 * (`script:line:Name`). Instances of size 0 are not counted, as in DevTools. A `Map`, so that any
 * class name (`constructor`, `__proto__`) is a key like any other.
 *
 * For sizes as well as counts, ask the graph: `queries.typestats(await liveGraph())`.
 *
 * @example
 * ```ts
 * import { getLeakingObjects, typestats } from "heapgraph";
 * const stats = await typestats();
 * console.log(stats.get("MyBigFatObject")); // 2
 * await typestats({ objects: await getLeakingObjects() });
 * ```
 */
export async function typestats(options: LiveTypeStatsOptions = {}): Promise<Map<string, number>> {
  const parsed = parseLiveOptions("typestats", liveTypeStatsOptions, options);
  return lump(await typeStatsRows("typestats", parsed), parsed.shortnames ?? true);
}

/**
 * The `limit` classes with the most instances in this process now — objgraph's
 * `most_common_types()`: `[name, count]` pairs, most instances first (then by name), from
 * {@link typestats}.
 *
 * @example
 * ```ts
 * import { mostCommonTypes } from "heapgraph";
 * for (const [name, count] of await mostCommonTypes({ limit: 3 })) console.log(name, count);
 * // (compiled code) 131499 ...
 * ```
 */
export async function mostCommonTypes(options: LiveMostCommonTypesOptions = {}): Promise<[name: string, count: number][]> {
  const parsed = parseLiveOptions("mostCommonTypes", liveMostCommonTypesOptions, options);
  return mostCommon(lump(await typeStatsRows("mostCommonTypes", parsed), parsed.shortnames ?? true), parsed.limit ?? 10);
}

/**
 * The graph package's type statistics rows of the snapshot (or `objects`) a live call counts in,
 * with sizes; `[]` when `objects` is empty.
 *
 * @example
 * ```ts
 * const rows = await typeStatsRows("showMostCommonTypes", { filter });
 * ```
 */
export async function typeStatsRows(
  call: string,
  options: { objects?: Iterable<HeapNode> | undefined; filter?: ((node: HeapNode) => boolean) | undefined; gc?: boolean | undefined },
): Promise<TypeStatsRow[]> {
  const counting = await countingGraph(call, options.objects, { gc: options.gc });
  if (!counting) return [];
  return typestatsInGraph(counting.graph, {
    ...(counting.nodes ? { nodes: counting.nodes } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
  });
}

/**
 * Rows lumped by class name (`shortnames`) or kept apart by qualified name: name → count.
 *
 * @example
 * ```ts
 * lump(rows, true).get("Item"); // every Item, wherever defined
 * ```
 */
export function lump(rows: readonly TypeStatsRow[], shortnames: boolean): Map<string, number> {
  const stats = new Map<string, number>();
  for (const row of rows) {
    const key = shortnames ? row.name : row.qualifiedName;
    stats.set(key, (stats.get(key) ?? 0) + row.count);
  }
  return stats;
}

/**
 * The `limit` largest entries of a name → count map, most first, then by name.
 *
 * @example
 * ```ts
 * mostCommon(new Map([["a", 1], ["b", 3]]), 1); // [["b", 3]]
 * ```
 */
export function mostCommon(stats: ReadonlyMap<string, number>, limit: number): [name: string, count: number][] {
  return [...stats].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}
