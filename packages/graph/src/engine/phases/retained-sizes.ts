import type { GraphProgress } from "../build-options.ts";
import { PhaseProgress } from "../progress.ts";
import type { DominatorResult } from "./dominators.ts";

/**
 * Retained sizes from the dominator tree: each node's shallow size plus the retained sizes of
 * the nodes it immediately dominates, summed bottom-up in reverse DFS order (as DevTools does).
 *
 * @example
 * ```ts
 * const retained = retainedSizes(dominatorResult, shallow);
 * console.log("the whole heap:", retained[snapshot.rootOrdinal]);
 * ```
 */
export function retainedSizes(
  result: DominatorResult,
  shallow: Float64Array,
  onProgress?: (progress: GraphProgress) => void,
): Float64Array {
  const { dominators, order } = result;
  const nodeCount = dominators.length;
  const progress = new PhaseProgress(onProgress, "retained sizes", nodeCount);
  const retained = shallow.slice();
  for (let i = nodeCount; i > 1; i--) {
    if (nodeCount - i >= progress.next) progress.report(nodeCount - i);
    const o = order[i] - 1;
    retained[dominators[o]] += retained[o];
  }
  progress.done();
  return retained;
}
