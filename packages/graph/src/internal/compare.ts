import { cmp, qualifiedClassNames } from "./class-match.ts";
import type { HeapGraph } from "./heap-graph-types.ts";
import { requireStableIds, type StableIdsOption } from "./id-stability.ts";
import { checkOptions } from "./query-options.ts";
import { countedIds, hasId } from "./sorted-ids.ts";

/**
 * One class of DevTools' Comparison view (a row of {@link compare}). Plain data.
 *
 * @example
 * ```ts
 * const [row]: CompareRow[] = compare(before, after);
 * console.log(row.name, `+${row.added}`, `-${row.removed}`, row.sizeDelta);
 * ```
 */
export interface CompareRow {
  readonly name: string;
  readonly qualifiedName: string;
  /** Objects in `after` whose id `before` lacks ("# New"). */
  readonly added: number;
  /** Objects in `before` whose id `after` lacks ("# Deleted"). */
  readonly removed: number;
  /** `added - removed` ("# Delta"). */
  readonly countDelta: number;
  /** Shallow size of the added objects ("Alloc. Size"). */
  readonly addedSize: number;
  /** Shallow size of the removed objects ("Freed Size"). */
  readonly removedSize: number;
  /** `addedSize - removedSize` ("Size Delta"). */
  readonly sizeDelta: number;
}

/**
 * Options of {@link compare}.
 *
 * @example
 * ```ts
 * compare(before, after, { stableIds: true });
 * ```
 */
export type CompareOptions = StableIdsOption;

/**
 * DevTools' Comparison view: per class, how many objects were allocated (ids in `after` only) and
 * freed (ids in `before` only), with their sizes. Objects are matched by id and classes by
 * qualified name; an object whose class changed counts as freed from the old class and added to
 * the new. Nodes of size 0 are left out on both sides, as DevTools does, so the count deltas add
 * up to the change in `typestats` counts. Only classes with a change are listed,
 * largest size delta first.
 *
 * Needs stable ids: Bun snapshots throw a `QueryError` `IDS_NOT_STABLE` (use `growth` there).
 *
 * @example
 * ```ts
 * for (const row of compare(before, after).slice(0, 5)) console.log(row.name, row.added, row.removed, row.sizeDelta);
 * ```
 */
export function compare(before: HeapGraph, after: HeapGraph, options: CompareOptions = {}): CompareRow[] {
  checkOptions("compare", options, { stableIds: "boolean" });
  requireStableIds("compare", [before, after], options.stableIds);
  const rows = new Map<string, { name: string; added: number; removed: number; addedSize: number; removedSize: number }>();
  const row = (qualifiedName: string, name: string) => {
    let r = rows.get(qualifiedName);
    if (!r) rows.set(qualifiedName, (r = { name, added: 0, removed: 0, addedSize: 0, removedSize: 0 }));
    return r;
  };
  const afterIds = countedIds(after), beforeIds = countedIds(before);
  const afterSizes = after.selfSizes();
  const afterClasses = after.classes();
  const afterQualified = qualifiedClassNames(after);
  for (const [graph, otherIds, added] of [[after, beforeIds, true], [before, afterIds, false]] as const) {
    const { nodeId } = graph.snapshot;
    const sizes = graph.selfSizes();
    const { classOf, names } = graph.classes();
    const qualified = qualifiedClassNames(graph);
    for (let o = 0; o < graph.nodeCount; o++) {
      if (sizes[o] === 0) continue;
      const q = qualified[classOf[o]];
      const id = nodeId[o];
      if (hasId(otherIds, id)) {
        if (added) continue;
        // In both snapshots: counts only if its class changed (freed from the old, added to the new).
        const a = after.ordinalOfId(id);
        const c = afterClasses.classOf[a];
        if (afterQualified[c] === q) continue;
        const moved = row(afterQualified[c], afterClasses.names[c]);
        moved.added++;
        moved.addedSize += afterSizes[a];
      }
      const r = row(q, names[classOf[o]]);
      if (added) {
        r.added++;
        r.addedSize += sizes[o];
      } else {
        r.removed++;
        r.removedSize += sizes[o];
      }
    }
  }
  const out: CompareRow[] = [];
  for (const [qualifiedName, r] of rows) {
    out.push({
      name: r.name,
      qualifiedName,
      added: r.added,
      removed: r.removed,
      countDelta: r.added - r.removed,
      addedSize: r.addedSize,
      removedSize: r.removedSize,
      sizeDelta: r.addedSize - r.removedSize,
    });
  }
  return out.sort((a, b) => b.sizeDelta - a.sizeDelta || b.countDelta - a.countDelta || cmp(a.qualifiedName, b.qualifiedName));
}
