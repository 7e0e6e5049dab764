import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";

/**
 * The synthetic node under which Blink lists document DOM trees; DevTools counts it as a user root.
 *
 * @example
 * ```ts
 * const isDomTrees = snapshot.strings[snapshot.nodeName[o]] === DOCUMENT_DOM_TREES;
 * ```
 */
export const DOCUMENT_DOM_TREES = "(Document DOM trees)";

/**
 * Whether a node directly under the synthetic root is a *user root* in DevTools' sense: any
 * non-synthetic node (global objects, windows), or the `(Document DOM trees)` node. Distances
 * start from user roots; nodes only system roots reach get distances from `SYSTEM_DISTANCE`.
 *
 * @example
 * ```ts
 * for (let e = snap.firstEdge[root]; e < snap.firstEdge[root + 1]; e++) {
 *   if (isUserRoot(snap, codes, snap.edgeTarget[e])) console.log("user root", snap.edgeTarget[e]);
 * }
 * ```
 */
export function isUserRoot(snapshot: HeapSnapshot, codes: TypeCodes, ordinal: number): boolean {
  return snapshot.nodeType[ordinal] !== codes.synthetic || snapshot.strings[snapshot.nodeName[ordinal]] === DOCUMENT_DOM_TREES;
}

/**
 * One byte per node: 1 for the user roots directly under the synthetic root (see {@link isUserRoot}).
 *
 * @example
 * ```ts
 * const roots = userRootMask(snapshot, snapshotCodes(snapshot));
 * if (roots[o]) console.log("a user root");
 * ```
 */
export function userRootMask(snapshot: HeapSnapshot, codes: TypeCodes): Uint8Array {
  const { nodeCount, firstEdge, edgeTarget, rootOrdinal } = snapshot;
  const mask = new Uint8Array(nodeCount);
  for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
    if (isUserRoot(snapshot, codes, edgeTarget[e])) mask[edgeTarget[e]] = 1;
  }
  return mask;
}

/**
 * Whether any node directly under the synthetic root is a user root (false in "expose internals" snapshots).
 *
 * @example
 * ```ts
 * if (!hasUserRoots(snapshot, codes)) console.log("taken with exposed internals: raw sizes");
 * ```
 */
export function hasUserRoots(snapshot: HeapSnapshot, codes: TypeCodes): boolean {
  const root = snapshot.rootOrdinal;
  for (let e = snapshot.firstEdge[root], end = snapshot.firstEdge[root + 1]; e < end; e++) {
    if (isUserRoot(snapshot, codes, snapshot.edgeTarget[e])) return true;
  }
  return false;
}
