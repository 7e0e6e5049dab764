import type { DominatorTree } from "../graph-index-types.ts";

/**
 * The first program objects below the root in the dominator tree, by retained size, largest
 * first: the tree is walked from the root through containers (see `containerMask`), and the
 * first non-container nodes met with a non-zero retained size are listed — what they dominate is
 * not. Eclipse MAT's "biggest objects". The engine computes it once per graph (`graph.topObjects()`).
 *
 * @example
 * ```ts
 * const [biggest] = topObjects(graph.dominatorTree(), graph.retainedSizes(), graph.containerMask(), graph.rootOrdinal);
 * ```
 */
export function topObjects(tree: DominatorTree, retained: Float64Array, containers: Uint8Array, rootOrdinal: number): number[] {
  const { firstChild, children } = tree;
  const out: number[] = [];
  const stack: number[] = [rootOrdinal];
  while (stack.length > 0) {
    const o = stack.pop()!;
    for (let i = firstChild[o], end = firstChild[o + 1]; i < end; i++) {
      const child = children[i];
      if (containers[child]) stack.push(child);
      else if (retained[child] > 0) out.push(child);
    }
  }
  return out.sort((a, b) => retained[b] - retained[a] || a - b);
}
