import type { GraphProgress } from "../build-options.ts";
import type { ClassCounts, ClassIndex, ClassStats, DominatorTree } from "../graph-index-types.ts";
import { PhaseProgress } from "../progress.ts";

/**
 * Per-class totals as DevTools' Summary view computes them (`buildAggregates` and
 * `calculateClassesRetainedSize`): nodes of zero shallow size are not counted; a class's retained
 * size sums the retained sizes of its nodes that no other node of the same class dominates, so
 * nothing is counted twice. The dominator tree is walked with an explicit stack.
 *
 * @example
 * ```ts
 * const stats = calculateClassStats(classes, countClasses(classes, shallow), shallow, retained, tree, root);
 * for (let c = 0; c < classes.names.length; c++) console.log(classes.names[c], stats.count[c], stats.retainedSize[c]);
 * ```
 */
export function calculateClassStats(
  classes: ClassIndex,
  counts: ClassCounts,
  shallow: Float64Array,
  retained: Float64Array,
  tree: DominatorTree,
  rootOrdinal: number,
  onProgress?: (progress: GraphProgress) => void,
): ClassStats {
  const { classOf } = classes;
  const classCount = classes.names.length;
  const nodeCount = classOf.length;
  const progress = new PhaseProgress(onProgress, "class stats", nodeCount);
  const retainedSize = new Float64Array(classCount);
  // Depth-first over the dominator tree. A class is "open" while one of its counted nodes is on the
  // path from the root; nodes of an open class add nothing. ~o on the stack closes o's class.
  const { firstChild, children } = tree;
  const open = new Uint8Array(classCount);
  const stack = new Int32Array(2 * nodeCount + 1);
  let top = 0, visited = 0;
  stack[top++] = rootOrdinal;
  while (top > 0) {
    const entry = stack[--top];
    if (entry < 0) {
      open[classOf[~entry]] = 0;
      continue;
    }
    if (++visited >= progress.next) progress.report(visited);
    const o = entry, c = classOf[o];
    const from = firstChild[o], to = firstChild[o + 1];
    if (open[c] === 0 && shallow[o] !== 0) {
      retainedSize[c] += retained[o];
      if (from !== to) {
        open[c] = 1;
        stack[top++] = ~o;
      }
    }
    for (let i = from; i < to; i++) stack[top++] = children[i];
  }
  progress.done();
  return { ...counts, retainedSize };
}
