/**
 * One sample of `heapgraph watch`: instance counts and shallow sizes per class, counted from a
 * snapshot without dominators.
 *
 * @module
 */
import { noiseFilter, SHOWN, type HeapGraph } from "@heapgraph/graph";

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
 * Counts `graph` by class name in one pass over its nodes: the engine's class index and
 * shallow sizes and the noise mask; no distances, dominators or retained sizes. Same-named
 * classes from different scripts count as one (objgraph's `shortnames`).
 *
 * @example
 * ```ts
 * const sample = classSample(buildGraph(await session.capture({ gc: false })), { time: started, pauseMs: Date.now() - started });
 * console.log(sample.counts.get("Item")?.count);
 * ```
 */
export function classSample(graph: HeapGraph, when: { readonly time: number; readonly pauseMs: number }): ClassSample {
  const { classOf, names } = graph.classes();
  const sizes = graph.selfSizes();
  const { mask } = noiseFilter(graph, {}, "watch");
  const count = new Uint32Array(names.length), selfSize = new Float64Array(names.length);
  for (let o = 0; o < graph.nodeCount; o++) {
    if (mask[o] !== SHOWN || sizes[o] === 0) continue;
    count[classOf[o]]++;
    selfSize[classOf[o]] += sizes[o];
  }
  const counts = new Map<string, { count: number; selfSize: number }>();
  for (let c = 0; c < names.length; c++) {
    if (count[c] === 0) continue;
    const row = counts.get(names[c]);
    if (row) {
      row.count += count[c];
      row.selfSize += selfSize[c];
    } else counts.set(names[c], { count: count[c], selfSize: selfSize[c] });
  }
  return { time: when.time, pauseMs: when.pauseMs, nodeCount: graph.nodeCount, counts };
}
