/**
 * A fresh snapshot of this process, indexed: what every live call starts from.
 *
 * @module
 */
import { buildGraph, type HeapGraph } from "@heapgraph/graph";
import { takeSnapshot } from "@heapgraph/snapshot";
import type { z } from "zod";
import { liveOptions, parseLiveOptions, SNAPSHOT_SHAPE } from "./live-options.ts";

/**
 * The schema of {@link LiveSnapshotOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("liveGraph", liveSnapshotOptions, { gc: true });
 * ```
 */
export const liveSnapshotOptions = liveOptions(SNAPSHOT_SHAPE);

/**
 * Options of {@link liveGraph}, and of every live call that takes a snapshot: `gc` (default
 * false) asks for a separate full garbage collection first.
 *
 * @example
 * ```ts
 * const options: LiveSnapshotOptions = { gc: true };
 * await liveGraph(options);
 * ```
 */
export type LiveSnapshotOptions = z.input<typeof liveSnapshotOptions>;

/**
 * Takes a heap snapshot of this process now and indexes it: the graph every live call
 * (`showGrowth`, `showBackrefs`, ...) queries. Use it to ask the graph package's questions about
 * the running process, e.g. `queries.largestRetainers(await liveGraph())`.
 *
 * The graph is a copy, not a view: it does not change as the process runs, and while you hold it
 * it is itself part of the heap (mostly typed arrays; its strings count as `(string)` in later
 * snapshots). Node, Deno (with `--allow-sys` for `gc: true`) and Bun.
 *
 * @example
 * ```ts
 * import { liveGraph, queries } from "heapgraph";
 * const graph = await liveGraph();
 * console.log(graph.nodeCount, "objects;", queries.largestRetainers(graph, { limit: 3 }));
 * ```
 */
export async function liveGraph(options: LiveSnapshotOptions = {}): Promise<HeapGraph> {
  const { gc = false } = parseLiveOptions("liveGraph", liveSnapshotOptions, options);
  return buildGraph(await takeSnapshot({ gc }));
}
