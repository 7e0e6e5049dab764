import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";
import { DOCUMENT_DOM_TREES } from "../indexes/user-roots.ts";
import type { EphemeronPairTable } from "./ephemeron-edges.ts";

/**
 * Marks *page objects* as DevTools does (`markPageOwnedNodes`): everything reachable without
 * weak edges from the synthetic root's `shortcut` edges (global objects, windows) and from
 * `(Document DOM trees)`. Objects only the debugger, the console or other system roots hold are
 * not page objects.
 *
 * @example
 * ```ts
 * const page = markPageObjects(snapshot, snapshotCodes(snapshot));
 * console.log(page[globalOrdinal] === 1);
 * ```
 */
export function markPageObjects(snapshot: HeapSnapshot, codes: TypeCodes): Uint8Array {
  const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeTarget, rootOrdinal } = snapshot;
  const { edgeShortcut, edgeElement, edgeWeak, synthetic } = codes;
  const page = new Uint8Array(nodeCount);
  const rootStart = firstEdge[rootOrdinal], rootEnd = firstEdge[rootOrdinal + 1];
  const stack = new Uint32Array(nodeCount + (rootEnd - rootStart));
  let top = 0;
  for (let e = rootStart; e < rootEnd; e++) {
    const t = edgeType[e], child = edgeTarget[e];
    if (t === edgeElement) {
      if (nodeType[child] !== synthetic || strings[nodeName[child]] !== DOCUMENT_DOM_TREES) continue;
    } else if (t !== edgeShortcut) {
      continue;
    }
    stack[top++] = child;
    page[child] = 1;
  }
  while (top > 0) {
    const o = stack[--top];
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      const child = edgeTarget[e];
      if (page[child] || edgeType[e] === edgeWeak) continue;
      page[child] = 1;
      stack[top++] = child;
    }
  }
  return page;
}

/**
 * The edges that count for the dominator tree, one bit per edge (DevTools' `isEssentialEdge`),
 * and optionally how many of them point to each node (`perTarget`, length nodeCount + 1).
 * Left out: weak edges; self edges; the table-side edge of a WeakMap entry (the key-side edge
 * stands for the pair); `shortcut` edges except the root's; and edges from a non-page object to a
 * page object (so that what the debugger also holds keeps the page's dominators).
 *
 * @example
 * ```ts
 * const codes = snapshotCodes(snapshot);
 * const bits = essentialEdges(snapshot, codes, ephemeronPairTable(snapshot.strings), markPageObjects(snapshot, codes));
 * const counts = (bits[e >>> 3] & (1 << (e & 7))) !== 0;
 * ```
 */
export function essentialEdges(
  snapshot: HeapSnapshot,
  codes: TypeCodes,
  ephemerons: EphemeronPairTable,
  page: Uint8Array,
  perTarget?: Uint32Array,
): Uint8Array {
  const { nodeCount, edgeCount, nodeId, firstEdge, edgeType, edgeNameOrIndex, edgeTarget, rootOrdinal } = snapshot;
  const { edgeInternal, edgeWeak, edgeShortcut } = codes;
  const { pairOfName, tableId } = ephemerons;
  const bits = new Uint8Array((edgeCount + 7) >>> 3);
  for (let o = 0; o < nodeCount; o++) {
    const isRoot = o === rootOrdinal;
    const fromPage = page[o];
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      const t = edgeType[e];
      if (t === edgeInternal) {
        const pair = pairOfName[edgeNameOrIndex[e]];
        if (pair >= 0 && nodeId[o] === tableId[pair]) continue;
      }
      if (t === edgeWeak) continue;
      const child = edgeTarget[e];
      if (child === o) continue;
      if (!isRoot) {
        if (t === edgeShortcut) continue;
        if (fromPage === 0 && page[child] !== 0) continue;
      }
      bits[e >>> 3] |= 1 << (e & 7);
      if (perTarget) perTarget[child]++;
    }
  }
  return bits;
}
