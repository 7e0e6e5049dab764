import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { ScriptLocation } from "../graph-index-types.ts";

/**
 * Finds a node's entry in the snapshot's `locations` section by binary search. When a node has
 * several entries the last one counts, as in DevTools.
 *
 * @example
 * ```ts
 * const index = new LocationIndex(snapshot);
 * const at = index.find(ordinal);
 * if (at >= 0) console.log(snapshot.locations!.line[at]);
 * ```
 */
export class LocationIndex {
  readonly #snapshot: HeapSnapshot;
  /** Location entries sorted by node ordinal, then file order. */
  readonly #sorted: Uint32Array;

  constructor(snapshot: HeapSnapshot) {
    this.#snapshot = snapshot;
    const locations = snapshot.locations;
    const count = locations?.count ?? 0;
    const sorted = new Uint32Array(count);
    for (let i = 0; i < count; i++) sorted[i] = i;
    if (locations) {
      const ordinal = locations.objectOrdinal;
      let inOrder = true;
      for (let i = 1; i < count && inOrder; i++) inOrder = ordinal[i - 1] <= ordinal[i];
      if (!inOrder) {
        const order = Array.from(sorted).sort((a, b) => ordinal[a] - ordinal[b] || a - b);
        sorted.set(order);
      }
    }
    this.#sorted = sorted;
  }

  /** How many location entries there are. */
  get count(): number {
    return this.#sorted.length;
  }

  /** The entry (index into the `locations` columns) of a node, or -1. */
  find(ordinal: number): number {
    const locations = this.#snapshot.locations;
    if (!locations) return -1;
    const objectOrdinal = locations.objectOrdinal, sorted = this.#sorted;
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (objectOrdinal[sorted[mid]] <= ordinal) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && objectOrdinal[sorted[lo - 1]] === ordinal ? sorted[lo - 1] : -1;
  }

  /** The location of a node, or null. */
  location(ordinal: number): ScriptLocation | null {
    const at = this.find(ordinal);
    if (at < 0) return null;
    const l = this.#snapshot.locations!;
    return { scriptId: l.scriptId[at], line: l.line[at], column: l.column[at] };
  }
}
