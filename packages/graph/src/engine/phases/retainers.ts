import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "../build-options.ts";
import type { Retainers } from "../graph-index-types.ts";
import { PhaseProgress } from "../progress.ts";

/**
 * Builds the reverse edges of a snapshot by counting sort: one pass counts each node's
 * retainers, a prefix sum places them, a second pass fills them in. A node's retainers come
 * in the order of their holders' ordinals, then edge order.
 *
 * @example
 * ```ts
 * const { firstRetainer, retainerNode, retainerEdge } = buildRetainers(snapshot);
 * for (let r = firstRetainer[o]; r < firstRetainer[o + 1]; r++) {
 *   console.log(retainerNode[r], "holds", o, "through edge", retainerEdge[r]);
 * }
 * ```
 */
export function buildRetainers(snapshot: HeapSnapshot, onProgress?: (progress: GraphProgress) => void): Retainers {
  const { nodeCount, edgeCount, firstEdge, edgeTarget } = snapshot;
  const progress = new PhaseProgress(onProgress, "retainers", nodeCount);
  const firstRetainer = new Uint32Array(nodeCount + 1);
  const retainerEdge = new Uint32Array(edgeCount);
  const retainerNode = new Uint32Array(edgeCount);
  // firstRetainer[t] first counts t's retainers, then (prefix sum) marks the end of t's range, and is
  // walked down while edges are placed from the last one back, ending at the start of the range.
  for (let e = 0; e < edgeCount; e++) firstRetainer[edgeTarget[e]]++;
  for (let o = 1; o <= nodeCount; o++) firstRetainer[o] += firstRetainer[o - 1];
  for (let o = nodeCount - 1, done = 0; o >= 0; o--, done++) {
    if (done >= progress.next) progress.report(done);
    for (let e = firstEdge[o + 1] - 1, start = firstEdge[o]; e >= start; e--) {
      const at = --firstRetainer[edgeTarget[e]];
      retainerEdge[at] = e;
      retainerNode[at] = o;
    }
  }
  progress.done();
  return { firstRetainer, retainerEdge, retainerNode };
}
