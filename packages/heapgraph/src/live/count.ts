/**
 * objgraph's `count(typename)` over the running process.
 *
 * @module
 */
import { count as countInGraph } from "@heapgraph/graph";
import type { z } from "zod";
import { countingGraph } from "./graph-of-nodes.ts";
import { LiveError } from "./live-error.ts";
import { describeValue, liveOptions, nodesOption, parseLiveOptions, SNAPSHOT_SHAPE } from "./live-options.ts";

/**
 * The schema of {@link LiveCountOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("count", liveCountOptions, { objects: roots });
 * ```
 */
export const liveCountOptions = liveOptions({
  ...SNAPSHOT_SHAPE,
  /** Count among these node handles (in their own graph) instead of a fresh snapshot (objgraph's `objects=`). */
  objects: nodesOption,
});

/**
 * Options of {@link count}: `objects` (node handles to count among, objgraph's `objects=`) and `gc`.
 *
 * @example
 * ```ts
 * const options: LiveCountOptions = { objects: await getLeakingObjects() };
 * await count("Item", options);
 * ```
 */
export type LiveCountOptions = z.input<typeof liveCountOptions>;

/**
 * How many instances of class `name` this process holds now (objgraph's `count`), from a fresh
 * heap snapshot. `name` is a class name as DevTools shows it (`"MyBigFatObject"`, `"Array"`,
 * `"(string)"`), or a qualified name (`"app.mjs:12:Item"`) for one definition site when several
 * classes share the name. Instances of size 0 are not counted, as in DevTools.
 *
 * The graph package's `count(graph, name)` answers the same for any snapshot; here it is
 * `queries.count`.
 *
 * @example
 * ```ts
 * import { count } from "heapgraph";
 * console.log(await count("MyBigFatObject")); // 2
 * ```
 */
export async function count(name: string, options: LiveCountOptions = {}): Promise<number> {
  checkName("count", name);
  const { objects, gc } = parseLiveOptions("count", liveCountOptions, options);
  const counting = await countingGraph("count", objects, { gc });
  if (!counting) return 0;
  return countInGraph(counting.graph, name, counting.nodes ? { nodes: counting.nodes } : {});
}

/**
 * Throws `INVALID_ARGUMENT` unless `name` is a non-empty string.
 *
 * @example
 * ```ts
 * checkName("byType", name);
 * ```
 */
export function checkName(call: string, name: unknown): void {
  if (typeof name !== "string" || name === "") {
    throw new LiveError("INVALID_ARGUMENT", `${call}: expected a class name, got ${describeValue(name)}`);
  }
}
