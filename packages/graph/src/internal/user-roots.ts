import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { SnapshotCodes } from "./snapshot-codes.ts";

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
 * start from user roots; nodes only system roots reach get distances from {@link SYSTEM_DISTANCE}.
 *
 * @example
 * ```ts
 * for (let e = snap.firstEdge[root]; e < snap.firstEdge[root + 1]; e++) {
 *   if (isUserRoot(snap, codes, snap.edgeTarget[e])) console.log("user root", snap.edgeTarget[e]);
 * }
 * ```
 */
export function isUserRoot(snapshot: HeapSnapshot, codes: SnapshotCodes, ordinal: number): boolean {
  return snapshot.nodeType[ordinal] !== codes.synthetic || snapshot.strings[snapshot.nodeName[ordinal]] === DOCUMENT_DOM_TREES;
}

/**
 * Whether any node directly under the synthetic root is a user root (false in "expose internals" snapshots).
 *
 * @example
 * ```ts
 * if (!hasUserRoots(snapshot, codes)) console.log("taken with exposed internals: raw sizes");
 * ```
 */
export function hasUserRoots(snapshot: HeapSnapshot, codes: SnapshotCodes): boolean {
  const root = snapshot.rootOrdinal;
  for (let e = snapshot.firstEdge[root], end = snapshot.firstEdge[root + 1]; e < end; e++) {
    if (isUserRoot(snapshot, codes, snapshot.edgeTarget[e])) return true;
  }
  return false;
}
