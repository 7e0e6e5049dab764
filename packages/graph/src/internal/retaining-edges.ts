import type { HeapGraph } from "./heap-graph-types.ts";
import { memoize } from "./graph-memo.ts";
import { plumbingMask } from "./plumbing.ts";
import { snapshotCodes, type SnapshotCodes } from "./snapshot-codes.ts";

/** The V8 root list that keeps WeakRef targets alive only until the current job ends. */
const KEEP_DURING_JOB = "weak_refs_keep_during_job";

/**
 * Which edges keep their target alive, for path and leak questions. An edge does not when it is:
 *
 * - `weak` (WeakRef targets, WeakMap keys, caches V8 may clear);
 * - held by V8's `weak_refs_keep_during_job` list, which holds WeakRef targets only until the job
 *   that created or dereferenced them ends — the object is in the file, but nothing will keep it;
 * - a WeakRef's target edge written as `internal` (Bun's V8-format output writes no weak edges):
 *   an `internal` edge from an object named `WeakRef` to a non-plumbing node.
 *
 * WeakMap values are strong edges here; the searches that need it treat the pair (key and
 * table) specially.
 *
 * @example
 * ```ts
 * const rules = retainingEdges(graph);
 * if (rules.retains(holder, e)) queue.push(graph.snapshot.edgeTarget[e]);
 * ```
 */
export interface RetainingEdges {
  readonly codes: SnapshotCodes;
  /** Whether edge `edgeIndex`, held by `holder`, keeps its target alive. */
  retains(holder: number, edgeIndex: number): boolean;
  /** Why an edge does not retain: `"weak"`, `"keep-during-job"`, `"weak-ref"`, or null when it does. */
  whyNot(holder: number, edgeIndex: number): "weak" | "keep-during-job" | "weak-ref" | null;
  /**
   * One byte per node, for hot loops that inline {@link RetainingEdges.retains}: 0 when the
   * holder's non-weak edges retain, 1 when none of its edges does (the keep-during-job list),
   * 2 for a WeakRef object (its `internal` edges to non-plumbing nodes do not retain).
   */
  readonly holderKind: Uint8Array;
}

/**
 * The {@link RetainingEdges} rules of a graph (computed once).
 *
 * @example
 * ```ts
 * const rules = retainingEdges(graph);
 * if (!rules.retains(holder, e)) console.log(rules.whyNot(holder, e));
 * ```
 */
export function retainingEdges(graph: HeapGraph): RetainingEdges {
  return memoize(graph, "retainingEdges", () => {
    const snapshot = graph.snapshot;
    const codes = snapshotCodes(snapshot);
    const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget } = snapshot;
    const plumbing = plumbingMask(graph);
    // Holders whose edges do not retain: 1 keep-during-job list, 2 WeakRef object.
    const special = new Uint8Array(nodeCount);
    // By name string index: 1 when the string is "WeakRef".
    const isWeakRef = new Uint8Array(strings.length);
    for (let i = 0; i < strings.length; i++) if (strings[i] === "WeakRef") isWeakRef[i] = 1;
    const { synthetic, object } = codes;
    for (let o = 0; o < nodeCount; o++) {
      const t = nodeType[o];
      if (t === synthetic) {
        for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
          if (edgeType[e] === codes.edgeInternal && strings[edgeNameOrIndex[e]] === KEEP_DURING_JOB) special[edgeTarget[e]] = 1;
        }
      } else if (t === object && special[o] === 0 && isWeakRef[nodeName[o]] === 1) {
        special[o] = 2;
      }
    }
    const whyNot = (holder: number, e: number): "weak" | "keep-during-job" | "weak-ref" | null => {
      const t = edgeType[e];
      if (t === codes.edgeWeak) return "weak";
      const s = special[holder];
      if (s === 0) return null;
      if (s === 1) return "keep-during-job";
      return t === codes.edgeInternal && plumbing[edgeTarget[e]] === 0 ? "weak-ref" : null;
    };
    return { codes, whyNot, retains: (holder: number, e: number) => whyNot(holder, e) === null, holderKind: special };
  });
}
