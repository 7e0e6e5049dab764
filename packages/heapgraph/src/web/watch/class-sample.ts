/**
 * One sample of `heapgraph watch`: instance counts and shallow sizes per class, counted from a
 * snapshot without dominators.
 *
 * @module
 */
import { countsByQualifiedName, type HeapGraph } from "@heapgraph/graph";

/**
 * The counts of one snapshot: per class name, instances (of non-zero size, as DevTools counts
 * them) and their shallow size; engine internals and heapgraph's own objects left out, as the
 * other commands leave them out by default.
 *
 * @example
 * ```ts
 * const sample: ClassSample = { time: Date.now(), pauseMs: 40, nodeCount: 90_000, counts: new Map([["Item", { count: 3, selfSize: 96 }]]) };
 * ```
 */
export interface ClassSample {
  /** When the capture started (ms since the epoch). */
  readonly time: number;
  /** How long the capture took, from the request to the last byte (the target is paused for most of it). */
  readonly pauseMs: number;
  /** Nodes in the snapshot, everything included. */
  readonly nodeCount: number;
  /** Per class name: instances and shallow size. */
  readonly counts: ReadonlyMap<string, { readonly count: number; readonly selfSize: number }>;
}

/**
 * Counts `graph` by class name with the growth queries' counting (`countsByQualifiedName`: one
 * pass over the nodes, noise hidden; no distances, dominators or retained sizes). Same-named
 * classes from different scripts count as one (objgraph's `shortnames`).
 *
 * @example
 * ```ts
 * const sample = classSample(buildGraph(await session.capture({ gc: false })), { time: started, pauseMs: Date.now() - started });
 * console.log(sample.counts.get("Item")?.count);
 * ```
 */
export function classSample(graph: HeapGraph, when: { readonly time: number; readonly pauseMs: number }): ClassSample {
  const counts = new Map<string, { count: number; selfSize: number }>();
  for (const { name, count, selfSize } of countsByQualifiedName(graph, "watch").classes.values()) {
    if (count === 0) continue;
    const row = counts.get(name);
    if (row) {
      row.count += count;
      row.selfSize += selfSize;
    } else counts.set(name, { count, selfSize });
  }
  return { time: when.time, pauseMs: when.pauseMs, nodeCount: graph.nodeCount, counts };
}
