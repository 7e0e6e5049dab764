import type { ClassCounts, ClassIndex } from "../graph-index-types.ts";

/**
 * Per-class counts and shallow sizes by DevTools' rules (`buildAggregates`): a node of zero
 * shallow size is in `nodeCount` but not in `count` or `selfSize`. One pass, no dominators.
 *
 * @example
 * ```ts
 * const counts = countClasses(graph.classes(), graph.selfSizes());
 * console.log(counts.count[graph.classes().classOf[o]]);
 * ```
 */
export function countClasses(classes: ClassIndex, shallow: Float64Array): ClassCounts {
  const { classOf } = classes;
  const classCount = classes.names.length;
  const count = new Uint32Array(classCount);
  const nodeCount = new Uint32Array(classCount);
  const selfSize = new Float64Array(classCount);
  for (let o = 0; o < classOf.length; o++) {
    const c = classOf[o];
    nodeCount[c]++;
    const size = shallow[o];
    if (size === 0) continue;
    count[c]++;
    selfSize[c] += size;
  }
  return { count, nodeCount, selfSize };
}
