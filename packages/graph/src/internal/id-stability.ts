import type { HeapGraph } from "./heap-graph-types.ts";
import { memoize } from "./graph-memo.ts";
import { QueryError } from "./query-error.ts";

/**
 * Options shared by the queries that match objects across snapshots by id.
 *
 * @example
 * ```ts
 * newObjects(before, after, { stableIds: true }); // you know the ids are stable
 * ```
 */
export interface StableIdsOption {
  /**
   * Whether heap object ids are stable across the snapshots given. By default heapgraph decides:
   * V8's ids are (Node, Deno, Chrome: same process, same id); Bun's V8-format output numbers
   * the nodes of every snapshot afresh, and JavaScriptCore-format snapshots have no V8 ids.
   * `true` skips the check; `false` refuses.
   */
  stableIds?: boolean;
}

/**
 * Whether a snapshot's heap object ids can identify objects across snapshots of one process.
 * False for JavaScriptCore-format snapshots and for Bun's V8-format output, which numbers the
 * nodes of each snapshot consecutively in node order — 1, 2, 3, ... in the first snapshot, and
 * from where the previous one stopped in the next (root 1 and `(GC roots)` 2 each time). V8 never
 * does: heap objects get odd ids, `(GC roots)` id 3.
 *
 * @example
 * ```ts
 * if (!idsAreStable(graph)) console.log("taken by Bun: compare classes, not objects");
 * ```
 */
export function idsAreStable(graph: HeapGraph): boolean {
  return memoize(graph, "idsAreStable", () => {
    if (graph.snapshot.format === "jsc") return false;
    const ids = graph.snapshot.nodeId;
    if (ids.length < 4) return true;
    for (let o = 3; o < ids.length; o++) if (ids[o] !== ids[o - 1] + 1) return true;
    return false;
  });
}

/**
 * Throws a {@link QueryError} `IDS_NOT_STABLE` unless ids are stable across `graphs` (or the
 * caller said they are with `stableIds: true`).
 *
 * @example
 * ```ts
 * requireStableIds("newObjects", [before, after], options.stableIds);
 * ```
 */
export function requireStableIds(query: string, graphs: readonly HeapGraph[], stableIds: boolean | undefined): void {
  if (stableIds === true) return;
  if (stableIds === false) {
    throw new QueryError("IDS_NOT_STABLE", `${query}: stableIds is false, and this question needs ids that identify objects across snapshots`);
  }
  const unstable = graphs.findIndex((g) => !idsAreStable(g));
  if (unstable < 0) return;
  const which = graphs.length === 1 ? "the snapshot" : `snapshot ${unstable + 1} of ${graphs.length}`;
  throw new QueryError(
    "IDS_NOT_STABLE",
    `${query}: ${which} numbers its objects consecutively afresh (Bun's V8-format snapshots do), so ids do not ` +
      `identify objects across snapshots and ${query} would give wrong answers. Compare classes instead (growth, typestats), ` +
      `or pass { stableIds: true } if you know the ids are stable.`,
  );
}
