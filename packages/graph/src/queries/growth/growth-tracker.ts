import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { isIterable } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { countsByQualifiedName, hiddenGrowth, type QualifiedCounts } from "./growth-counts.ts";
import type { GrowthRow, GrowthRows } from "./growth-rows.ts";
import { growthOptions, sortGrowth, withHidden } from "./growth.ts";

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
 * Noise is hidden by default, as by `growth` (peaks are kept for the objects counted); the rows
 * carry what was hidden since the last update (`rows.hidden`). Give the same filter options to
 * every update of one tracker.
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
  /** The counts of the last update, for what noise hiding left out since. */
  #last: QualifiedCounts | undefined;

  /** Starts with no peaks, or with the `peaks` given (qualified class name → count). */
  constructor(options: GrowthTrackerOptions = {}) {
    const { peaks = [] } = parseQueryOptions("GrowthTracker", growthTrackerOptions, options);
    for (const [name, count] of peaks) this.#peaks.set(name, count);
  }

  /**
   * Reports the classes whose count in `graph` is above their peak, largest increase first, and
   * raises their peaks. `previous` in each row is the old peak; `rows.hidden` is the noise
   * hidden since the last update.
   */
  update(graph: HeapGraph, options: GrowthTrackerUpdateOptions = {}): GrowthRows {
    const { limit = 10, ...counting } = parseQueryOptions("GrowthTracker.update", growthOptions, options);
    const rows: GrowthRow[] = [];
    const now = countsByQualifiedName(graph, "GrowthTracker.update", counting);
    for (const [qualifiedName, { name, count, selfSize }] of now.classes) {
      const peak = this.#peaks.get(qualifiedName) ?? 0;
      const lastSize = this.#sizes.get(qualifiedName) ?? 0;
      this.#sizes.set(qualifiedName, selfSize);
      if (count <= peak) continue;
      this.#peaks.set(qualifiedName, count);
      rows.push({ name, qualifiedName, count, previous: peak, delta: count - peak, selfSize, sizeDelta: selfSize - lastSize });
    }
    const hidden = hiddenGrowth(this.#last, now, new Set(rows.map((r) => r.qualifiedName)));
    this.#last = now;
    return withHidden(sortGrowth(rows).slice(0, limit), hidden);
  }

  /** A copy of the peaks: qualified class name → highest count seen. */
  peaks(): Map<string, number> {
    return new Map(this.#peaks);
  }

  /** Forgets every peak: the next update reports everything again. */
  reset(): void {
    this.#peaks.clear();
    this.#sizes.clear();
    this.#last = undefined;
  }
}
