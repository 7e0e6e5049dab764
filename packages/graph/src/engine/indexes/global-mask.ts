import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";

/** Edges by which a native context holds its global object and global proxy. */
const GLOBAL_EDGE_NAMES = new Set(["global_object", "global_proxy_object", "extension"]);

/**
 * One byte per node: 1 for global objects — a native context's global object or global proxy
 * (Node's `global`, Deno's and Chrome's `Window`), a node the synthetic root reaches by a
 * `shortcut` edge, or Bun's `GlobalObject`. The engine computes it once per graph (`graph.globalMask()`).
 *
 * @example
 * ```ts
 * const globals = globalMask(snapshot, snapshotCodes(snapshot));
 * if (globals[o]) console.log("a global object");
 * ```
 */
export function globalMask(snapshot: HeapSnapshot, codes: TypeCodes): Uint8Array {
  const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget, rootOrdinal } = snapshot;
  const mask = new Uint8Array(nodeCount);
  for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
    if (edgeType[e] === codes.edgeShortcut && nodeType[edgeTarget[e]] !== codes.synthetic) mask[edgeTarget[e]] = 1;
  }
  // By name string index: 0 unknown, 1 other, 2 a native context, 3 "GlobalObject".
  const nameKind = new Uint8Array(strings.length);
  for (let o = 0; o < nodeCount; o++) {
    const t = nodeType[o];
    if (t === codes.string || t === codes.consString || t === codes.slicedString || t === codes.closure) continue;
    const n = nodeName[o];
    let kind = n < nameKind.length ? nameKind[n] : 1;
    if (kind === 0) {
      const name = strings[n] ?? "";
      kind = nameKind[n] = name.startsWith("system / NativeContext") ? 2 : name === "GlobalObject" ? 3 : 1;
    }
    if (kind === 3 && t === codes.object) mask[o] = 1;
    if (kind !== 2) continue;
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      if (edgeType[e] !== codes.edgeInternal) continue;
      const child = edgeTarget[e];
      if (GLOBAL_EDGE_NAMES.has(strings[edgeNameOrIndex[e]]) && (nodeType[child] === codes.object || nodeType[child] === codes.native)) {
        mask[child] = 1;
      }
    }
  }
  return mask;
}
