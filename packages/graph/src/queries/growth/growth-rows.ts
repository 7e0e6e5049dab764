/**
 * What the growth queries return: plain data, safe for `--json`, and the row types `@heapgraph/render` draws.
 *
 * @module
 */
import type { HiddenSummary } from "../shared/noise-filter.ts";

/**
 * One row of `growth` or `GrowthTracker.update`: a class whose instance count went up. Plain data.
 *
 * @example
 * ```ts
 * for (const row of growth(before, after)) console.log(row.name, row.count, `+${row.delta}`);
 * ```
 */
export interface GrowthRow {
  /** Class name. */
  readonly name: string;
  /** Class name with its definition site (classes are matched across snapshots by it). */
  readonly qualifiedName: string;
  /** Instances now. */
  readonly count: number;
  /** Instances before (for a tracker: the highest count seen before). */
  readonly previous: number;
  /** `count - previous`, always positive. */
  readonly delta: number;
  /** Total shallow size now, in bytes. */
  readonly selfSize: number;
  /** Change of total shallow size since the snapshot compared with (for a tracker: since the last update). */
  readonly sizeDelta: number;
}

/**
 * What `growth` and `GrowthTracker.update` return: the rows, with what noise hiding left out
 * (`hidden`; an own property of the array, not an element, so `--json` writers add it themselves).
 *
 * @example
 * ```ts
 * const rows: GrowthRows = growth(before, after);
 * if (rows.hidden.classes > 0) console.log(`hid ${rows.hidden.classes} classes; { all: true } shows them`);
 * ```
 */
export type GrowthRows = GrowthRow[] & { readonly hidden: HiddenSummary };

/**
 * What `compare` returns: the rows, with what noise hiding left out (`hidden`, as {@link GrowthRows}).
 *
 * @example
 * ```ts
 * const rows: CompareRows = compare(before, after);
 * console.log(rows.length, "classes changed;", rows.hidden.objects, "noise objects added, hidden");
 * ```
 */
export type CompareRows = CompareRow[] & { readonly hidden: HiddenSummary };

/**
 * One class of DevTools' Comparison view (a row of `compare`). Plain data.
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
 * What `newObjects` returns. Plain data.
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
