import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "../build-options.ts";
import type { TypeCodes } from "../graph-index-types.ts";
import { PhaseProgress } from "../progress.ts";

/**
 * Detachedness values, as in the snapshot's `detachedness` field: unknown, attached, detached.
 *
 * @example
 * ```ts
 * if (graph.detachedness()[o] === DETACHED) console.log("a detached DOM node");
 * ```
 */
export const DETACHEDNESS_UNKNOWN = 0;
/**
 * Attached: a document holds the node.
 *
 * @example
 * ```ts
 * const attached = graph.detachedness()[o] === ATTACHED;
 * ```
 */
export const ATTACHED = 1;
/**
 * Detached: a DOM node no document holds.
 *
 * @example
 * ```ts
 * const detached = graph.detachedness()[o] === DETACHED;
 * ```
 */
export const DETACHED = 2;

/**
 * Propagates the embedder's detachedness through native nodes, as DevTools does
 * (`propagateDOMState`): native nodes of unknown state that an attached native node reaches
 * become attached; those left that a detached native node reaches become detached. Only
 * native nodes take on a state; JavaScript objects stop the propagation. Hidden and weak
 * edges do not propagate. DevTools also renames every detached native node to
 * `Detached <name>`, which its class names show (see `classes`).
 *
 * Snapshots without a `detachedness` field give all zeros.
 *
 * @example
 * ```ts
 * const state = propagateDetachedness(snapshot, snapshotCodes(snapshot));
 * const detachedDivs = [...state.keys()].filter((o) => state[o] === DETACHED);
 * ```
 */
export function propagateDetachedness(snapshot: HeapSnapshot, codes: TypeCodes, onProgress?: (progress: GraphProgress) => void): Uint8Array {
  const { nodeCount, nodeType, firstEdge, edgeType, edgeTarget, nodeDetachedness } = snapshot;
  const progress = new PhaseProgress(onProgress, "detachedness", nodeCount);
  if (!nodeDetachedness) {
    progress.done();
    return new Uint8Array(nodeCount);
  }
  const native = codes.native, hiddenEdge = codes.edgeHidden, weakEdge = codes.edgeWeak;
  const state = nodeDetachedness.slice();
  const visited = new Uint8Array(nodeCount);
  const stack = new Uint32Array(nodeCount);
  let top = 0;
  // Nodes that know their own state are settled; attached native ones start spreading.
  for (let o = 0; o < nodeCount; o++) {
    if (state[o] === DETACHEDNESS_UNKNOWN) continue;
    visited[o] = 1;
    if (nodeType[o] === native && state[o] === ATTACHED) stack[top++] = o;
  }
  let done = 0;
  const spread = (newState: number) => {
    while (top > 0) {
      const o = stack[--top];
      if (++done >= progress.next) progress.report(done);
      for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
        const t = edgeType[e];
        if (t === hiddenEdge || t === weakEdge) continue;
        const child = edgeTarget[e];
        if (visited[child]) continue;
        visited[child] = 1;
        if (nodeType[child] !== native) continue;
        state[child] = newState;
        stack[top++] = child;
      }
    }
  };
  spread(ATTACHED);
  for (let o = 0; o < nodeCount; o++) if (nodeType[o] === native && state[o] === DETACHED) stack[top++] = o;
  spread(DETACHED);
  progress.done();
  return state;
}
