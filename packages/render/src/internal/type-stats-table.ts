import { formatSize } from "./format-size.ts";
import { formatCount, limitRows, makeTable, type Table, type TableOptions } from "./table.ts";
import { checkTableInput } from "./table-options.ts";

/**
 * One row of {@link mostCommonTypesTable}: a class, how many instances, and their sizes in bytes
 * (objgraph's `most_common_types` plus the size columns it never had). `typestats` and
 * `mostCommonTypes` of `@heapgraph/graph` return rows of this shape.
 */
export interface TypeStatsTableRow {
  /** Class name. */
  readonly name: string;
  /** Class name with its definition site, shown instead of `name` with `qualifiedNames`. */
  readonly qualifiedName?: string;
  readonly count: number;
  /** Sum of the instances' shallow sizes, in bytes. */
  readonly selfSize: number;
  /** What the class keeps alive, in bytes. */
  readonly retainedSize: number;
}

/** Options of {@link mostCommonTypesTable}. */
export interface TypeStatsTableOptions extends TableOptions {
  /** Show `qualifiedName` (where present) instead of `name` (objgraph's `shortnames=False`). */
  qualifiedNames?: boolean;
}

/**
 * objgraph's `show_most_common_types` as a {@link Table}: class, count, self size, retained size,
 * in the rows' order.
 *
 * @example
 * ```ts
 * console.log(tableToText(mostCommonTypesTable(mostCommonTypes(graph, { limit: 5 }))));
 * // Most common types
 * // Class     Count  Self size  Retained size
 * // ----------------------------------------
 * // (string)  8,959     412 kB         412 kB
 * ```
 */
export function mostCommonTypesTable(rows: readonly TypeStatsTableRow[], options: TypeStatsTableOptions = {}): Table {
  checkTableInput("mostCommonTypesTable", rows, options, { qualifiedNames: "boolean" });
  const shown = limitRows(rows, options.limit);
  return makeTable(
    options.title ?? "Most common types",
    [
      { header: "Class", align: "left" },
      { header: "Count", align: "right" },
      { header: "Self size", align: "right" },
      { header: "Retained size", align: "right" },
    ],
    shown.rows.map((r) => [
      (options.qualifiedNames && r.qualifiedName) || r.name,
      formatCount(r.count),
      formatSize(r.selfSize),
      formatSize(r.retainedSize),
    ]),
    shown.note,
  );
}
