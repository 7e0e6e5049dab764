import type { HeapGraph } from "../../engine/index.ts";

/**
 * Whether a dominator-tree ancestor of a node (other than the root) is a leaked object, memoized
 * per node so a deep dominator chain (a promise chain) is climbed once, not once per object. A
 * cluster's retained size adds only leaked objects no other leaked object dominates, so each byte
 * counts once.
 *
 * @example
 * ```ts
 * const underLeak = leakedDominatorAncestors(final, inLeak);
 * const own = underLeak(o) ? 0 : final.retainedSizes()[o];
 * ```
 */
export function leakedDominatorAncestors(graph: HeapGraph, inLeak: Uint8Array): (o: number) => boolean {
  const dominators = graph.dominators();
  const root = graph.rootOrdinal;
  // 0 unknown, 1 no, 2 yes.
  const memo = new Uint8Array(graph.nodeCount);
  memo[root] = 1;
  return (o) => {
    const pending: number[] = [];
    let d = dominators[o];
    while (memo[d] === 0) {
      // A node that dominates itself (not reached from the root) has no ancestors.
      if (dominators[d] === d) {
        memo[d] = 1;
        break;
      }
      pending.push(d);
      d = dominators[d];
    }
    // `d` is known; its children's ancestors hold a leaked object when d's do or d is one.
    let answer = memo[d] === 2 || (d !== root && inLeak[d] === 1) ? 2 : 1;
    for (let i = pending.length - 1; i >= 0; i--) {
      const x = pending[i];
      memo[x] = answer;
      if (inLeak[x]) answer = 2;
    }
    // memo[x] says whether x's strict ancestors hold one; o's answer also counts its own dominator.
    const top = dominators[o];
    return top !== root && (inLeak[top] === 1 || memo[top] === 2);
  };
}
