import { cmp, qualifiedClassNames } from "./class-match.ts";
import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { requireStableIds, type StableIdsOption } from "./id-stability.ts";
import { callPredicate, checkOptions } from "./query-options.ts";
import { hasId, sortedIds } from "./sorted-ids.ts";

/**
 * The new objects of one class (a row of {@link NewObjects}). Plain data.
 *
 * @example
 * ```ts
 * const [row]: readonly NewObjectsRow[] = newObjects(before, after).classes;
 * console.log(row.name, row.count, row.ids.slice(0, 3));
 * ```
 */
export interface NewObjectsRow {
  readonly name: string;
  readonly qualifiedName: string;
  /** How many objects of the class are new. */
  readonly count: number;
  /** Their total shallow size. */
  readonly selfSize: number;
  /** Their heap object ids (in `after`), ascending. */
  readonly ids: readonly number[];
}

/**
 * What {@link newObjects} returns. Plain data.
 *
 * @example
 * ```ts
 * const fresh: NewObjects = newObjects(before, after);
 * console.log(fresh.count, "new objects,", fresh.selfSize, "bytes");
 * ```
 */
export interface NewObjects {
  /** All new objects. */
  readonly count: number;
  readonly selfSize: number;
  /** Per class, most new objects first. */
  readonly classes: readonly NewObjectsRow[];
}

/**
 * Options of {@link newObjects}.
 *
 * @example
 * ```ts
 * newObjects(before, after, { filter: (n) => n.className !== "(string)" });
 * ```
 */
export interface NewObjectsOptions extends StableIdsOption {
  /** Keep only nodes (of `after`) for which this returns true. */
  filter?: (node: HeapNode) => boolean;
}

/**
 * The objects of `after` whose ids `before` did not have, grouped by class — objgraph's
 * `get_new_ids` for two snapshots of one process. Nodes of size 0 are left out.
 *
 * Needs ids that identify objects across snapshots: Node, Deno and Chrome snapshots of one
 * process have them. Bun renumbers every snapshot, so Bun snapshots throw a `QueryError`
 * `IDS_NOT_STABLE` rather than call everything new.
 *
 * @example
 * ```ts
 * const fresh = newObjects(before, after);
 * console.log(fresh.count, fresh.classes[0]?.name);
 * const nodes = nodesByIds(after, fresh.classes[0].ids);
 * ```
 */
export function newObjects(before: HeapGraph, after: HeapGraph, options: NewObjectsOptions = {}): NewObjects {
  checkOptions("newObjects", options, { stableIds: "boolean", filter: "function" });
  requireStableIds("newObjects", [before, after], options.stableIds);
  const old = sortedIds(before);
  const { nodeId } = after.snapshot;
  const sizes = after.selfSizes();
  const { classOf, names } = after.classes();
  const qualified = qualifiedClassNames(after);
  const groups = new Map<string, { name: string; count: number; selfSize: number; ids: number[] }>();
  let total = 0, totalSize = 0;
  for (let o = 0; o < after.nodeCount; o++) {
    if (sizes[o] === 0 || hasId(old, nodeId[o])) continue;
    if (options.filter && !callPredicate("newObjects", "filter", options.filter, after.node(o))) continue;
    const c = classOf[o];
    let group = groups.get(qualified[c]);
    if (!group) groups.set(qualified[c], (group = { name: names[c], count: 0, selfSize: 0, ids: [] }));
    group.count++;
    group.selfSize += sizes[o];
    group.ids.push(nodeId[o]);
    total++;
    totalSize += sizes[o];
  }
  const classes: NewObjectsRow[] = [...groups].map(([qualifiedName, g]) => ({
    name: g.name,
    qualifiedName,
    count: g.count,
    selfSize: g.selfSize,
    ids: g.ids.sort((a, b) => a - b),
  }));
  classes.sort((a, b) => b.count - a.count || b.selfSize - a.selfSize || cmp(a.qualifiedName, b.qualifiedName));
  return { count: total, selfSize: totalSize, classes };
}
