import { classCounts, sortGrowth, type GrowthRow } from "./growth.ts";
import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { QueryError } from "./query-error.ts";
import { checkOptions, describeValue } from "./query-options.ts";

/**
 * Options of {@link GrowthTracker.update}.
 *
 * @example
 * ```ts
 * tracker.update(graph, { limit: 20 });
 * ```
 */
export interface GrowthTrackerUpdateOptions {
  /** How many rows, largest growth first (default 10; `Infinity` for all). */
  limit?: number;
  /** Count only nodes for which this returns true. */
  filter?: (node: HeapNode) => boolean;
}

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
  constructor(options: { peaks?: Iterable<readonly [string, number]> } = {}) {
    checkOptions("GrowthTracker", options, { peaks: "iterable" });
    for (const entry of options.peaks ?? []) {
      const [name, peak] = entry;
      if (typeof name !== "string" || typeof peak !== "number" || !(peak >= 0)) {
        throw new QueryError("INVALID_OPTIONS", `GrowthTracker: peaks must be [class name, count] pairs, got ${describeValue(entry)}`);
      }
      this.#peaks.set(name, peak);
    }
  }

  /**
   * Reports the classes whose count in `graph` is above their peak, largest increase first, and
   * raises their peaks. `previous` in each row is the old peak.
   */
  update(graph: HeapGraph, options: GrowthTrackerUpdateOptions = {}): GrowthRow[] {
    checkOptions("GrowthTracker.update", options, { limit: "limit", filter: "function" });
    const rows: GrowthRow[] = [];
    for (const [qualifiedName, { name, count, selfSize }] of classCounts(graph, options.filter)) {
      const peak = this.#peaks.get(qualifiedName) ?? 0;
      const lastSize = this.#sizes.get(qualifiedName) ?? 0;
      this.#sizes.set(qualifiedName, selfSize);
      if (count <= peak) continue;
      this.#peaks.set(qualifiedName, count);
      rows.push({ name, qualifiedName, count, previous: peak, delta: count - peak, selfSize, sizeDelta: selfSize - lastSize });
    }
    return sortGrowth(rows).slice(0, options.limit ?? 10);
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
