import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { isIterable } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import type { GrowthRow } from "./growth-rows.ts";
import { countsByQualifiedName, growthOptions, sortGrowth } from "./growth.ts";

/** One peak: a qualified class name and the highest count seen. */
const peak = z.tuple([z.string(), z.number().min(0)], { error: "expected a [class name, count] pair" });

/**
 * The schema of {@link GrowthTracker}'s constructor options: `peaks` may be any iterable of
 * `[qualified class name, count]` pairs (a `Map`, an array of pairs).
 *
 * @example
 * ```ts
 * growthTrackerOptions.parse({ peaks: new Map([["Item", 3]]) });
 * ```
 */
export const growthTrackerOptions = z.strictObject({
  /** The peaks to start with: qualified class name → count. */
  peaks: z
    .custom<Iterable<readonly [string, number]>>(isIterable, { error: "expected an array (or other iterable) of [class name, count] pairs" })
    .transform((pairs) => [...pairs])
    .pipe(z.array(peak))
    .optional(),
});

/**
 * Options of the {@link GrowthTracker} constructor.
 *
 * @example
 * ```ts
 * const options: GrowthTrackerOptions = { peaks: tracker.peaks() };
 * ```
 */
export type GrowthTrackerOptions = z.input<typeof growthTrackerOptions>;

/**
 * Options of {@link GrowthTracker.update}.
 *
 * @example
 * ```ts
 * tracker.update(graph, { limit: 20 });
 * ```
 */
export type GrowthTrackerUpdateOptions = z.input<typeof growthOptions>;

/**
 * objgraph's `show_growth` with its state in the open: the tracker remembers, per class, the
 * highest instance count seen so far (its *peak*), and each {@link update} reports only the
 * classes now above their peak, by how much, then raises those peaks. The first update reports
 * every class (all peaks start at 0). A class that shrinks and grows back is reported again only
 * once it passes its old peak.
 *
 * Classes are keyed by qualified name (`script:line:name`, or the name), so one tracker can
 * follow snapshots of one process over time, from any runtime.
 *
 * @example
 * ```ts
 * const tracker = new GrowthTracker();
 * tracker.update(graph1);            // everything, as objgraph's first show_growth()
 * const grew = tracker.update(graph2); // [{ name: "MyBigFatObject", delta: 2, ... }]
 * ```
 */
export class GrowthTracker {
  readonly #peaks = new Map<string, number>();
  readonly #sizes = new Map<string, number>();

  /** Starts with no peaks, or with the `peaks` given (qualified class name → count). */
  constructor(options: GrowthTrackerOptions = {}) {
    const { peaks = [] } = parseQueryOptions("GrowthTracker", growthTrackerOptions, options);
    for (const [name, count] of peaks) this.#peaks.set(name, count);
  }

  /**
   * Reports the classes whose count in `graph` is above their peak, largest increase first, and
   * raises their peaks. `previous` in each row is the old peak.
   */
  update(graph: HeapGraph, options: GrowthTrackerUpdateOptions = {}): GrowthRow[] {
    const { limit = 10, filter } = parseQueryOptions("GrowthTracker.update", growthOptions, options);
    const rows: GrowthRow[] = [];
    for (const [qualifiedName, { name, count, selfSize }] of countsByQualifiedName(graph, "GrowthTracker.update", filter)) {
      const peak = this.#peaks.get(qualifiedName) ?? 0;
      const lastSize = this.#sizes.get(qualifiedName) ?? 0;
      this.#sizes.set(qualifiedName, selfSize);
      if (count <= peak) continue;
      this.#peaks.set(qualifiedName, count);
      rows.push({ name, qualifiedName, count, previous: peak, delta: count - peak, selfSize, sizeDelta: selfSize - lastSize });
    }
    return sortGrowth(rows).slice(0, limit);
  }

  /** A copy of the peaks: qualified class name → highest count seen. */
  peaks(): Map<string, number> {
    return new Map(this.#peaks);
  }

  /** Forgets every peak: the next update reports everything again. */
  reset(): void {
    this.#peaks.clear();
    this.#sizes.clear();
  }
}
