import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { cmp } from "../shared/compare-strings.ts";
import { noiseFilterShape, type HiddenSummary } from "../shared/noise-filter.ts";
import { nodePredicate, rowLimit } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { countsByQualifiedName, hiddenGrowth } from "./growth-counts.ts";
import type { GrowthRow, GrowthRows } from "./growth-rows.ts";

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
  /** Noise hiding (`all`) and class, type and user filters (see `noiseFilterShape`). */
  ...noiseFilterShape,
});

/**
 * Options of {@link growth}.
 *
 * @example
 * ```ts
 * growth(before, after, { limit: Infinity, filter: (n) => n.type === "object" });
 * growth(before, after, { all: true }); // engine internals and heapgraph's own objects too
 * ```
 */
export type GrowthOptions = z.input<typeof growthOptions>;

/**
 * Classes with more instances in `after` than in `before`, largest increase first — objgraph's
 * `growth` between two snapshots, with no hidden state (see `GrowthTracker` for objgraph's
 * peak-tracking `show_growth`). Classes are matched by qualified name, so two loads of the same
 * code are two classes. Works with any snapshots, Bun's included (no ids involved).
 *
 * Noise is hidden by default: heapgraph's own objects and its dependencies', the snapshot
 * machinery and engine internals (`(compiled code)`, `(string)`, `(number)`, `(system)`, ...; see
 * `noiseFilter`). The rows carry what was hidden (`rows.hidden`); `{ all: true }` shows
 * everything, `classes`, `types` and `user` narrow (a class or type filter naming an engine
 * internal, such as `(string)`, shows it).
 *
 * @example
 * ```ts
 * const rows = growth(before, after); // [{ name: "MyBigFatObject", count: 2, previous: 0, delta: 2, ... }]
 * console.log(rows.hidden.classes, "classes hidden");
 * ```
 */
export function growth(before: HeapGraph, after: HeapGraph, options: GrowthOptions = {}): GrowthRows {
  const { limit = 10, ...counting } = parseQueryOptions("growth", growthOptions, options);
  const old = countsByQualifiedName(before, "growth", counting);
  const now = countsByQualifiedName(after, "growth", counting);
  const rows: GrowthRow[] = [];
  for (const [qualifiedName, { name, count, selfSize }] of now.classes) {
    const previous = old.classes.get(qualifiedName);
    const delta = count - (previous?.count ?? 0);
    if (delta <= 0) continue;
    rows.push({ name, qualifiedName, count, previous: previous?.count ?? 0, delta, selfSize, sizeDelta: selfSize - (previous?.selfSize ?? 0) });
  }
  const hidden = hiddenGrowth(old, now, new Set(rows.map((r) => r.qualifiedName)));
  return withHidden(sortGrowth(rows).slice(0, limit), hidden);
}

/**
 * Rows with what was hidden attached (`rows.hidden`), as `growth`, `compare` and `GrowthTracker.update` return them.
 *
 * @example
 * ```ts
 * const rows = withHidden(sortGrowth(found), hidden);
 * ```
 */
export function withHidden<R>(rows: R[], hidden: HiddenSummary): R[] & { readonly hidden: HiddenSummary } {
  return Object.assign(rows, { hidden });
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
