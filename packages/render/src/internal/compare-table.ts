import { formatSize } from "./format-size.ts";
import { formatCount, limitRows, makeTable, type Table, type TableOptions } from "./table.ts";
import { checkTableInput } from "./table-options.ts";

/**
 * One row of {@link compareTable}: Chrome DevTools' Comparison view for one class between two
 * snapshots of a process. `compare` of `@heapgraph/graph` returns rows of this shape.
 */
export interface CompareTableRow {
  readonly name: string;
  readonly qualifiedName?: string;
  /** Objects allocated in between ("# New"). */
  readonly added: number;
  /** Objects freed in between ("# Deleted"). */
  readonly removed: number;
  /** `added - removed` ("# Delta"). */
  readonly countDelta: number;
  /** Shallow size of the added objects, in bytes ("Alloc. Size"). */
  readonly addedSize: number;
  /** Shallow size of the removed objects, in bytes ("Freed Size"). */
  readonly removedSize: number;
  /** `addedSize - removedSize` ("Size Delta"). */
  readonly sizeDelta: number;
}

/** Options of {@link compareTable}. */
export interface CompareTableOptions extends TableOptions {
  /** Show `qualifiedName` (where present) instead of `name`. */
  qualifiedNames?: boolean;
}

/**
 * DevTools' Comparison view as a {@link Table}: class, new, deleted, delta, allocated size,
 * freed size, size delta.
 *
 * @example
 * ```ts
 * console.log(tableToText(compareTable(compare(before, after), { limit: 10 })));
 * ```
 */
export function compareTable(rows: readonly CompareTableRow[], options: CompareTableOptions = {}): Table {
  checkTableInput("compareTable", rows, options, { qualifiedNames: "boolean" });
  const shown = limitRows(rows, options.limit);
  return makeTable(
    options.title ?? "Comparison",
    [
      { header: "Class", align: "left" },
      { header: "New", align: "right" },
      { header: "Deleted", align: "right" },
      { header: "Delta", align: "right" },
      { header: "Alloc. size", align: "right" },
      { header: "Freed size", align: "right" },
      { header: "Size delta", align: "right" },
    ],
    shown.rows.map((r) => [
      (options.qualifiedNames && r.qualifiedName) || r.name,
      formatCount(r.added),
      formatCount(r.removed),
      formatCount(r.countDelta, true),
      formatSize(r.addedSize),
      formatSize(r.removedSize),
      formatSize(r.sizeDelta, { signed: true }),
    ]),
    shown.note,
  );
}
