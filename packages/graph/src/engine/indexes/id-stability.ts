import type { HeapSnapshot } from "@heapgraph/snapshot";

/**
 * Whether a snapshot's heap object ids can identify objects across snapshots of one process.
 * False for JavaScriptCore-format snapshots and for Bun's V8-format output, which numbers the
 * nodes of each snapshot consecutively in node order — 1, 2, 3, ... in the first snapshot, and
 * from where the previous one stopped in the next (root 1 and `(GC roots)` 2 each time). V8 never
 * does: heap objects get odd ids, `(GC roots)` id 3. The engine decides once per graph
 * (`graph.idsAreStable()`).
 *
 * @example
 * ```ts
 * if (!stableIds(snapshot)) console.log("taken by Bun: compare classes, not objects");
 * ```
 */
export function stableIds(snapshot: HeapSnapshot): boolean {
  if (snapshot.format === "jsc") return false;
  const ids = snapshot.nodeId;
  if (ids.length < 4) return true;
  for (let o = 3; o < ids.length; o++) if (ids[o] !== ids[o - 1] + 1) return true;
  return false;
}
