import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { NonRetainingReason, RetainingEdges, TypeCodes } from "../graph-index-types.ts";

/** The V8 root list that keeps WeakRef targets alive only until the current job ends. */
const KEEP_DURING_JOB = "weak_refs_keep_during_job";

/**
 * Works out the {@link RetainingEdges} rules of a snapshot: which holders' edges do not retain
 * (V8's keep-during-job list, WeakRef objects). The engine does it once per graph
 * (`graph.retainingEdges()`); `plumbing` is the graph's plumbing mask.
 *
 * @example
 * ```ts
 * const rules = retainingEdges(snapshot, codes, plumbingMask(snapshot, codes));
 * if (!rules.retains(holder, e)) console.log(rules.whyNot(holder, e));
 * ```
 */
export function retainingEdges(snapshot: HeapSnapshot, codes: TypeCodes, plumbing: Uint8Array): RetainingEdges {
  const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget } = snapshot;
  // Holders whose edges do not retain: 1 keep-during-job list, 2 WeakRef object.
  const special = new Uint8Array(nodeCount);
  // By name string index: 1 when the string is "WeakRef".
  const isWeakRef = new Uint8Array(strings.length);
  for (let i = 0; i < strings.length; i++) if (strings[i] === "WeakRef") isWeakRef[i] = 1;
  const { synthetic, object, edgeInternal, edgeWeak } = codes;
  for (let o = 0; o < nodeCount; o++) {
    const t = nodeType[o];
    if (t === synthetic) {
      for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
        if (edgeType[e] === edgeInternal && strings[edgeNameOrIndex[e]] === KEEP_DURING_JOB) special[edgeTarget[e]] = 1;
      }
    } else if (t === object && special[o] === 0 && isWeakRef[nodeName[o]] === 1) {
      special[o] = 2;
    }
  }
  const whyNot = (holder: number, e: number): NonRetainingReason | null => {
    const t = edgeType[e];
    if (t === edgeWeak) return "weak";
    const s = special[holder];
    if (s === 0) return null;
    if (s === 1) return "keep-during-job";
    return t === edgeInternal && plumbing[edgeTarget[e]] === 0 ? "weak-ref" : null;
  };
  return { whyNot, retains: (holder: number, e: number) => whyNot(holder, e) === null, holderKind: special };
}
