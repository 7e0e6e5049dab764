import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { RetainingEdges, Retainers, TypeCodes } from "../graph-index-types.ts";
import type { NeighbourWalker } from "../heap-graph-types.ts";

/**
 * The rules of one neighbour walk (see `graph.walker`): the direction, and what it may pass.
 *
 * @example
 * ```ts
 * const rules: WalkRules = { backwards: true, internals: false, weak: false };
 * ```
 */
export interface WalkRules {
  readonly backwards: boolean;
  readonly internals: boolean;
  readonly weak: boolean;
}

/**
 * A walker over the neighbours of a node — its holders (`backwards`, over `retainers`) or the
 * nodes it holds — that skips V8 plumbing (the neighbour) and `__proto__` links unless
 * `internals`, and edges that do not keep their target alive unless `weak`. Each walk is one
 * typed-array loop with the tests inline; `proto` is the string index of `__proto__` (-1 if none).
 *
 * @example
 * ```ts
 * const walk = neighbourWalker(snapshot, codes, graph.retainers(), graph.retainingEdges(), graph.plumbingMask(), proto, rules);
 * walk(o, (holder, e) => console.log(holder, e));
 * ```
 */
export function neighbourWalker(
  snapshot: HeapSnapshot,
  codes: TypeCodes,
  retainers: Retainers | null,
  retaining: RetainingEdges,
  plumbing: Uint8Array,
  proto: number,
  rules: WalkRules,
): NeighbourWalker {
  const { firstEdge, edgeTarget, edgeType, edgeNameOrIndex } = snapshot;
  const { edgeElement, edgeHidden } = codes;
  const { internals, weak } = rules;
  // The neighbour must not be plumbing, nor the edge a prototype link; the node itself may be.
  const shown = (e: number, neighbour: number) =>
    internals ||
    (plumbing[neighbour] === 0 && !(edgeNameOrIndex[e] === proto && edgeType[e] !== edgeElement && edgeType[e] !== edgeHidden));
  if (retainers) {
    const { firstRetainer, retainerEdge, retainerNode } = retainers;
    return (o, visit) => {
      for (let r = firstRetainer[o], end = firstRetainer[o + 1]; r < end; r++) {
        const holder = retainerNode[r], e = retainerEdge[r];
        if ((weak || retaining.retains(holder, e)) && shown(e, holder)) visit(holder, e);
      }
    };
  }
  return (o, visit) => {
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      const target = edgeTarget[e];
      if ((weak || retaining.retains(o, e)) && shown(e, target)) visit(target, e);
    }
  };
}
