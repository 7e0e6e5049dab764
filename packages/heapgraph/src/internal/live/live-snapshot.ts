/**
 * A fresh snapshot of this process, indexed: what every live call starts from.
 *
 * @module
 */
import { buildGraph, type HeapGraph } from "@heapgraph/graph";
import { takeSnapshot } from "@heapgraph/snapshot";
import { checkLiveOptions } from "./live-options.ts";

/**
 * Options of {@link liveGraph}, and of every live call that takes a snapshot.
 *
 * @example
 * ```ts
 * await liveGraph({ gc: true });
 * ```
 */
export interface LiveSnapshotOptions {
  /**
   * Ask for a separate full garbage collection before the snapshot (default false). V8 and
   * JavaScriptCore already collect all garbage while they build a snapshot, so nothing
   * unreachable is ever in it; the extra collection also lets pending finalizers run, and on a
   * large heap costs seconds.
   */
  gc?: boolean;
}

/**
 * The option spec of {@link LiveSnapshotOptions}, for calls that extend it.
 *
 * @example
 * ```ts
 * checkLiveOptions("count", options, { ...SNAPSHOT_OPTIONS, objects: "iterable" });
 * ```
 */
export const SNAPSHOT_OPTIONS = { gc: "boolean" } as const;

/**
 * Takes a heap snapshot of this process now and indexes it: the graph every live call
 * (`showGrowth`, `showBackrefs`, ...) queries. Use it to ask the graph package's questions about
 * the running process, e.g. `largestRetainers(await liveGraph())`.
 *
 * The graph is a copy, not a view: it does not change as the process runs, and while you hold it
 * it is itself part of the heap (mostly typed arrays; its strings count as `(string)` in later
 * snapshots). Node, Deno (with `--allow-sys` for `gc: true`) and Bun.
 *
 * @example
 * ```ts
 * import { liveGraph, largestRetainers } from "heapgraph";
 * const graph = await liveGraph();
 * console.log(graph.nodeCount, "objects;", largestRetainers(graph, { limit: 3 }));
 * ```
 */
export async function liveGraph(options: LiveSnapshotOptions = {}): Promise<HeapGraph> {
  checkLiveOptions("liveGraph", options, SNAPSHOT_OPTIONS);
  return buildGraph(await takeSnapshot({ gc: options.gc ?? false }));
}
