import { z } from "zod";
import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { cmp } from "../shared/compare-strings.ts";
import { nodePredicate, rowLimit } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { filterMask } from "../shared/node-arguments.ts";
import type { GrowthRow } from "./growth-rows.ts";

/**
 * The schema of {@link growth}'s options (and of `GrowthTracker.update`'s).
 *
 * @example
 * ```ts
 * growthOptions.parse({ limit: Infinity });
 * ```
 */
export const growthOptions = z.strictObject({
  /** How many rows, largest growth first (default 10; `Infinity` for all). */
  limit: rowLimit.optional(),
  /** Count only nodes for which this returns true (called on nodes of both graphs). */
  filter: nodePredicate.optional(),
});

/**
 * Options of {@link growth}.
 *
 * @example
 * ```ts
 * growth(before, after, { limit: Infinity, filter: (n) => n.type === "object" });
 * ```
 */
export type GrowthOptions = z.input<typeof growthOptions>;

/**
 * Per qualified class name: name, count and shallow size.
 *
 * @example
 * ```ts
 * const counts: QualifiedCounts = countsByQualifiedName(graph, "growth");
 * ```
 */
export type QualifiedCounts = Map<string, { name: string; count: number; selfSize: number }>;

/**
 * Instance counts and shallow sizes per class, keyed by qualified name (same-named classes from one
 * site merge), by DevTools' counting rules (nodes of size 0 are not counted). Needs no dominators:
 * the engine's {@link HeapGraph.classCounts}, or one pass over the nodes `filter` accepts.
 *
 * @example
 * ```ts
 * countsByQualifiedName(graph, "growth").get("MyBigFatObject")?.count;
 * ```
 */
export function countsByQualifiedName(graph: HeapGraph, query: string, filter?: (node: HeapNode) => boolean): QualifiedCounts {
  const { names, classOf } = graph.classes();
  const qualified = graph.qualifiedClassNames();
  let count: ArrayLike<number>, selfSize: ArrayLike<number>;
  if (filter) {
    const sizes = graph.selfSizes();
    const accepted = filterMask(graph, query, filter, null);
    const counted = new Uint32Array(names.length), summed = new Float64Array(names.length);
    for (let o = 0; o < graph.nodeCount; o++) {
      if (!accepted[o]) continue;
      counted[classOf[o]]++;
      summed[classOf[o]] += sizes[o];
    }
    count = counted;
    selfSize = summed;
  } else {
    ({ count, selfSize } = graph.classCounts());
  }
  const counts: QualifiedCounts = new Map();
  for (let c = 0; c < names.length; c++) {
    if (count[c] === 0) continue;
    const seen = counts.get(qualified[c]);
    if (seen) {
      seen.count += count[c];
      seen.selfSize += selfSize[c];
    } else {
      counts.set(qualified[c], { name: names[c], count: count[c], selfSize: selfSize[c] });
    }
  }
  return counts;
}

/**
 * Classes with more instances in `after` than in `before`, largest increase first — objgraph's
 * `growth` between two snapshots, with no hidden state (see `GrowthTracker` for objgraph's
 * peak-tracking `show_growth`). Classes are matched by qualified name, so two loads of the same
 * code are two classes. Works with any snapshots, Bun's included (no ids involved).
 *
 * @example
 * ```ts
 * growth(before, after); // [{ name: "MyBigFatObject", count: 2, previous: 0, delta: 2, ... }]
 * ```
 */
export function growth(before: HeapGraph, after: HeapGraph, options: GrowthOptions = {}): GrowthRow[] {
  const { limit = 10, filter } = parseQueryOptions("growth", growthOptions, options);
  const old = countsByQualifiedName(before, "growth", filter);
  const now = countsByQualifiedName(after, "growth", filter);
  const rows: GrowthRow[] = [];
  for (const [qualifiedName, { name, count, selfSize }] of now) {
    const previous = old.get(qualifiedName);
    const delta = count - (previous?.count ?? 0);
    if (delta <= 0) continue;
    rows.push({ name, qualifiedName, count, previous: previous?.count ?? 0, delta, selfSize, sizeDelta: selfSize - (previous?.selfSize ?? 0) });
  }
  return sortGrowth(rows).slice(0, limit);
}

/**
 * Largest delta first, then largest count, then by name.
 *
 * @example
 * ```ts
 * const rows = sortGrowth([...unsorted]);
 * ```
 */
export function sortGrowth(rows: GrowthRow[]): GrowthRow[] {
  return rows.sort((a, b) => b.delta - a.delta || b.count - a.count || cmp(a.qualifiedName, b.qualifiedName));
}
