import type { DominatorTree } from "../graph-index-types.ts";

/**
 * Turns immediate dominators into children lists by counting sort; each node's children are in
 * ordinal order. The root (its own dominator) is nobody's child.
 *
 * @example
 * ```ts
 * const { firstChild, children } = buildDominatorTree(graph.dominators(), graph.rootOrdinal);
 * for (let i = firstChild[o]; i < firstChild[o + 1]; i++) console.log(o, "dominates", children[i]);
 * ```
 */
export function buildDominatorTree(dominators: Uint32Array, rootOrdinal: number): DominatorTree {
  const nodeCount = dominators.length;
  const firstChild = new Uint32Array(nodeCount + 1);
  // Counts, then range ends (prefix sums), walked down while children are placed from the last one.
  for (let o = 0; o < nodeCount; o++) if (o !== rootOrdinal) firstChild[dominators[o]]++;
  for (let o = 1; o <= nodeCount; o++) firstChild[o] += firstChild[o - 1];
  const children = new Uint32Array(firstChild[nodeCount]);
  for (let o = nodeCount - 1; o >= 0; o--) if (o !== rootOrdinal) children[--firstChild[dominators[o]]] = o;
  return { firstChild, children };
}
