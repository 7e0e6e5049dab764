import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { cmp } from "../shared/compare-strings.ts";
import { nodePredicate, stableIdsOption } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { callPredicate } from "../shared/user-callbacks.ts";
import type { NewObjects, NewObjectsRow } from "./growth-rows.ts";
import { requireStableIds } from "./id-stability.ts";

/**
 * The schema of {@link newObjects}' options.
 *
 * @example
 * ```ts
 * newObjectsOptions.parse({ stableIds: true });
 * ```
 */
export const newObjectsOptions = z.strictObject({
  ...stableIdsOption,
  /** Keep only nodes (of `after`) for which this returns true. */
  filter: nodePredicate.optional(),
});

/**
 * Options of {@link newObjects}.
 *
 * @example
 * ```ts
 * newObjects(before, after, { filter: (n) => n.className !== "(string)" });
 * ```
 */
export type NewObjectsOptions = z.input<typeof newObjectsOptions>;

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
  const { stableIds, filter } = parseQueryOptions("newObjects", newObjectsOptions, options);
  requireStableIds("newObjects", [before, after], stableIds);
  const { id: nodeId } = after.nodeColumns();
  const old = after.idMatches(before);
  const sizes = after.selfSizes();
  const { classOf, names } = after.classes();
  const qualified = after.qualifiedClassNames();
  const groups = new Map<string, { name: string; count: number; selfSize: number; ids: number[] }>();
  let total = 0, totalSize = 0;
  for (let o = 0; o < after.nodeCount; o++) {
    if (sizes[o] === 0 || old[o] >= 0) continue;
    if (filter && !callPredicate("newObjects", "filter", filter, after.node(o))) continue;
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
