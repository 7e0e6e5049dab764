import type { ClassIndex } from "../graph-index-types.ts";

/**
 * The smallest distance from the roots of each class's counted nodes, as DevTools' Summary view
 * shows it (`buildAggregates`: nodes of zero shallow size are left out, and an unreachable node's
 * `NO_DISTANCE`, which is negative, wins the minimum as it does there); 0 for a class with no
 * counted node. Apart from `classStats` so that a summary, which prints no
 * distance, needs no distances phase.
 *
 * @example
 * ```ts
 * const distance = classDistances(graph.classes(), graph.selfSizes(), graph.distances());
 * console.log(graph.classes().names[0], distance[0]);
 * ```
 */
export function classDistances(classes: ClassIndex, shallow: Float64Array, distances: Int32Array): Int32Array {
  const { classOf } = classes;
  const distance = new Int32Array(classes.names.length);
  const seen = new Uint8Array(classes.names.length);
  for (let o = 0; o < classOf.length; o++) {
    if (shallow[o] === 0) continue;
    const c = classOf[o], d = distances[o];
    if (seen[c] === 0 || d < distance[c]) distance[c] = d;
    seen[c] = 1;
  }
  return distance;
}
