/**
 * The state objgraph's `get_new_ids()` keeps between calls (its hidden `_state`), as a class of
 * its own: the heap ids seen last time, and the counts per class.
 *
 * @module
 */
import type { HeapGraph } from "@heapgraph/graph";

/**
 * One class in a {@link NewIdsTracker} update: objgraph's `get_new_ids` columns.
 *
 * @example
 * ```ts
 * const row: NewIdsRow = { name: "Array", old: 324, current: 326, new: 3, delta: 2 };
 * ```
 */
export interface NewIdsRow {
  /** The class name (classes of one name lumped together), or with `shortnames: false` its qualified name (`script:line:Name`). */
  readonly name: string;
  /** Instances at the previous update. */
  readonly old: number;
  /** Instances now. */
  readonly current: number;
  /** Instances now whose heap ids the previous update did not see. */
  readonly new: number;
  /** `current - old`. */
  readonly delta: number;
}

/**
 * What {@link NewIdsTracker.update} sorts by, largest first: objgraph's `sortby`.
 *
 * @example
 * ```ts
 * const sortBy: NewIdsSortBy = "new";
 * ```
 */
export type NewIdsSortBy = "old" | "current" | "new" | "deltas";

const EMPTY = new Float64Array(0);

/**
 * Which objects are new since the last look, per class: each {@link update} takes a graph,
 * compares its heap ids with those of the previous update, and remembers the new ones (objgraph's
 * `get_new_ids` state, in the open). Objects of size 0 are not counted, as in DevTools. The ids
 * seen are kept in one typed array, so the tracker adds almost nothing to the heap it watches.
 *
 * Heap ids must identify objects across the snapshots (Node, Deno, Chrome); Bun renumbers every
 * snapshot, so there everything would look new.
 *
 * @example
 * ```ts
 * const tracker = new NewIdsTracker();
 * tracker.update(before);
 * const rows = tracker.update(after, { sortBy: "new" });
 * console.log(rows[0].name, tracker.newIds().get(rows[0].name));
 * ```
 */
export class NewIdsTracker {
  #ids: Float64Array = EMPTY;
  #counts = new Map<string, number>();
  #newIds = new Map<string, number[]>();
  #shortnames = true;

  /**
   * Counts the objects of `graph` per class, finds those whose ids the previous update did not
   * see, remembers this graph's ids for the next update, and returns a row per class that had
   * instances now or last time, sorted by `sortBy` (default `"deltas"`; largest first, then by
   * name, as objgraph). Classes are named by their short names unless `shortnames` is false;
   * when not given, the choice of the previous update holds (objgraph's `shortnames=None`). The
   * first update finds every object new.
   */
  update(graph: HeapGraph, options: { sortBy?: NewIdsSortBy; shortnames?: boolean } = {}): NewIdsRow[] {
    const shortnames = (this.#shortnames = options.shortnames ?? this.#shortnames);
    const { classOf } = graph.classes();
    const names = shortnames ? graph.classes().names : graph.qualifiedClassNames();
    const sizes = graph.selfSizes();
    const nodeId = graph.nodeColumns().id;
    const labels = new Map<string, number>();
    const labelOf = new Uint32Array(names.length);
    for (let c = 0; c < names.length; c++) {
      let label = labels.get(names[c]);
      if (label === undefined) labels.set(names[c], (label = labels.size));
      labelOf[c] = label;
    }
    const current = new Uint32Array(labels.size);
    const fresh: number[][] = Array.from({ length: labels.size }, () => []);
    const ids = new Float64Array(graph.nodeCount);
    const old = this.#ids;
    let seen = 0;
    for (let o = 0; o < graph.nodeCount; o++) {
      if (sizes[o] === 0) continue;
      const label = labelOf[classOf[o]];
      const id = nodeId[o];
      current[label]++;
      ids[seen++] = id;
      if (!sortedHas(old, id)) fresh[label].push(id);
    }
    const rows: NewIdsRow[] = [];
    const counts = new Map<string, number>();
    const newIds = new Map<string, number[]>();
    for (const [name, label] of labels) {
      if (current[label] === 0 && !this.#counts.has(name)) continue;
      rows.push(row(name, this.#counts.get(name) ?? 0, current[label], fresh[label].length));
      if (current[label] > 0) counts.set(name, current[label]);
      newIds.set(name, fresh[label].sort((a, b) => a - b));
    }
    for (const [name, count] of this.#counts) {
      if (!labels.has(name)) rows.push(row(name, count, 0, 0));
    }
    this.#ids = ids.subarray(0, seen).sort();
    this.#counts = counts;
    this.#newIds = newIds;
    return sortRows(rows, options.sortBy ?? "deltas");
  }

  /**
   * The new ids per class found by the last {@link update} (empty arrays for classes with none
   * new), ascending: what objgraph's `get_new_ids(skip_update=True)` returns.
   */
  newIds(): Map<string, number[]> {
    return new Map([...this.#newIds].map(([name, ids]) => [name, [...ids]]));
  }

  /** Forgets everything: the next update finds every object new, as the first one did. */
  reset(): void {
    this.#shortnames = true;
    this.#ids = EMPTY;
    this.#counts = new Map();
    this.#newIds = new Map();
  }
}

function row(name: string, old: number, current: number, fresh: number): NewIdsRow {
  return { name, old, current, new: fresh, delta: current - old };
}

const SORT_KEYS: Record<NewIdsSortBy, (r: NewIdsRow) => number> = {
  old: (r) => r.old,
  current: (r) => r.current,
  new: (r) => r.new,
  deltas: (r) => r.delta,
};

/** objgraph's order: the column, largest first, then the name, last first. */
function sortRows(rows: NewIdsRow[], sortBy: NewIdsSortBy): NewIdsRow[] {
  const key = SORT_KEYS[sortBy];
  return rows.sort((a, b) => key(b) - key(a) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Whether the ascending `ids` hold `id` (binary search). */
function sortedHas(ids: Float64Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid];
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
