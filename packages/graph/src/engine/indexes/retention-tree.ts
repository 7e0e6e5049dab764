import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { RetainingEdges, RetentionTree, TypeCodes } from "../graph-index-types.ts";
import type { EphemeronPairTable } from "../phases/ephemeron-edges.ts";
import { isUserRoot } from "./user-roots.ts";

/** How `retentionTree`'s `expand` treats edges into plumbing. */
const DEFER = 0; // skip them, and note them for round 3 (rounds 1 and 2)
const SKIP = 1; // skip them (the root in round 2: round 3 rescans it first)
const ONLY = 2; // follow only them (the root in round 3)
const ALL = 3; // follow them like any other edge (round 3)
/** Bits of `retentionTree`'s per-node `state`. */
const PLUMBING = 1;
const VISITED = 2;
const NOTED = 4; // a non-internal edge to it is noted for round 3

/**
 * Builds the {@link RetentionTree} of a snapshot by breadth-first search over retaining edges
 * (see `retainingEdges`: no weak edges, no WeakRef targets, no job-scoped holds). The engine does
 * it once per graph (`graph.retentionTree()`), with its own rules, plumbing mask and WeakMap-pair table.
 *
 * The search prefers paths people can read, in three rounds: first from the user roots (global
 * objects, windows) as DevTools' distances do, then from the synthetic root (handles, stack,
 * module records), both without passing through V8 plumbing (maps, feedback, code); a last round
 * lets plumbing carry the search to whatever only plumbing holds. A WeakMap value is reached
 * once both its key and its table are, like DevTools' distances.
 *
 * @example
 * ```ts
 * const { parent, parentEdge } = retentionTree(snapshot, codes, rules, plumbing, ephemeronPairTable(snapshot.strings));
 * for (let o = ordinal; parent[o] >= 0; o = parent[o]) console.log(parentEdge[o]);
 * ```
 */
export function retentionTree(
  snapshot: HeapSnapshot,
  codes: TypeCodes,
  rules: RetainingEdges,
  plumbing: Uint8Array,
  ephemerons: EphemeronPairTable,
): RetentionTree {

  const { nodeCount, nodeId, firstEdge, edgeType, edgeNameOrIndex, edgeTarget, rootOrdinal } = snapshot;
  const { holderKind } = rules;
  const { edgeWeak, edgeInternal } = codes;
  const { pairOfName, tableId } = ephemerons;
  const parent = new Int32Array(nodeCount).fill(-1);
  const parentEdge = new Int32Array(nodeCount).fill(-1);
  // Per node: PLUMBING (from the plumbing mask), VISITED and NOTED bits; one byte read per edge.
  const state = plumbing.slice();
  const pairEdge = new Map<number, number>();
  // First edge met per WeakMap pair (edge index + 1; 0 = none yet), and its holder.
  const pendingEdge = new Int32Array(ephemerons.pairCount);
  const pendingHolder = new Int32Array(ephemerons.pairCount);
  const queue = new Uint32Array(nodeCount);
  let length = 0;
  // Retaining edges into plumbing met in rounds 1 and 2 (holder, edge, target; the edge as ~edge
  // when it is internal), in the order round 3 rescans them: the same order as rescanning every
  // reached node's edges, without the rescan.
  let deferred = new Int32Array(Math.max(1 << 16, nodeCount));
  let deferredLength = 0;

  const visit = (child: number, holder: number, e: number) => {
    state[child] |= VISITED;
    parent[child] = holder;
    parentEdge[child] = e;
    queue[length++] = child;
  };

  /** Takes retaining edge `e` of `o` to the unvisited `child`: visits it, or waits for the other half of its WeakMap pair. */
  const take = (o: number, e: number, child: number) => {
    const pair = pairOfName[edgeNameOrIndex[e]];
    if (pair < 0) {
      visit(child, o, e);
      return;
    }
    const first = pendingEdge[pair];
    if (first === 0) {
      pendingEdge[pair] = e + 1;
      pendingHolder[pair] = o;
      return;
    }
    // Both halves are reachable: the key is the holder that is not the table.
    const firstEdge = first - 1, firstHolder = pendingHolder[pair];
    if (nodeId[o] === tableId[pair]) {
      visit(child, firstHolder, firstEdge);
      pairEdge.set(child, e);
    } else {
      visit(child, o, e);
      pairEdge.set(child, firstEdge);
    }
  };

  /** Follows the retaining edges of `o` (see `retainingEdges`), treating edges into plumbing as `mode` says. */
  const expand = (o: number, mode: number) => {
    const kind = holderKind[o];
    if (kind === 1) return; // the keep-during-job list: none of its edges retains
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      const t = edgeType[e];
      if (t === edgeWeak) continue;
      const child = edgeTarget[e];
      const s = state[child];
      const intoPlumbing = (s & PLUMBING) !== 0;
      // A WeakRef's internal edge to a non-plumbing node is its target.
      if (kind === 2 && t === edgeInternal && !intoPlumbing) continue;
      if (intoPlumbing) {
        if (mode === DEFER) {
          // Round 3 would find the target visited (by then, at the latest by the edge noted
          // first): nothing to note.
          if ((s & (VISITED | NOTED)) !== 0) continue;
          // Round 3 surely visits the target at this edge (unless visited before): a WeakMap
          // value (internal edge) may wait for its other half, so only other edges count.
          if (t !== edgeInternal) state[child] = s | NOTED;
          if (deferredLength + 3 > deferred.length) {
            const grown = new Int32Array(deferred.length * 2);
            grown.set(deferred);
            deferred = grown;
          }
          deferred[deferredLength++] = o;
          deferred[deferredLength++] = t === edgeInternal ? ~e : e;
          deferred[deferredLength++] = child;
          continue;
        }
        if (mode === SKIP) continue;
      } else if (mode === ONLY) {
        continue;
      }
      if ((s & VISITED) !== 0) continue;
      if (t === edgeInternal) take(o, e, child);
      else visit(child, o, e);
    }
  };

  const bfs = (head: number, mode: number) => {
    while (head < length) expand(queue[head++], mode);
  };

  // Round 1: from the user roots.
  state[rootOrdinal] |= VISITED;
  for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
    const child = edgeTarget[e];
    if ((state[child] & VISITED) !== 0 || !isUserRoot(snapshot, codes, child)) continue;
    visit(child, rootOrdinal, e);
  }
  bfs(0, DEFER);
  // Round 2: from the synthetic root (GC roots, embedder roots).
  const second = length;
  expand(rootOrdinal, SKIP);
  bfs(second, DEFER);
  // Round 3: what only plumbing leads to. Revisit every reached node's edges into plumbing: the
  // root's, then the ones noted in rounds 1 and 2.
  const reached = length;
  expand(rootOrdinal, ONLY);
  for (let i = 0; i < deferredLength; i += 3) {
    const o = deferred[i], e = deferred[i + 1], child = deferred[i + 2];
    if ((state[child] & VISITED) !== 0) continue;
    if (e < 0) take(o, ~e, child);
    else visit(child, o, e);
  }
  bfs(reached, ALL);
  return { parent, parentEdge, pairEdge };
}
