import type { TypeStatsRow } from "@heapgraph/graph";
import { formatCount } from "../text/format-count.ts";
import { formatSize } from "../text/format-size.ts";
import { classColumn, makeTable } from "./make-table.ts";
import type { Table } from "./table.ts";
import { classTableOptions, parseTableInput, type ClassTableOptions } from "./table-options.ts";

/**
 * objgraph's `show_most_common_types` as a {@link Table}: class, count, self size, retained size,
 * in the rows' order. The rows are what `typestats` and `mostCommonTypes` of `@heapgraph/graph`
 * return.
 *
 * @throws {RenderError} `INVALID_OPTIONS` when `rows` is not an array or an option is bad.
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
export function mostCommonTypesTable(rows: readonly TypeStatsRow[], rawOptions: ClassTableOptions = {}): Table {
  const options = parseTableInput("mostCommonTypesTable", rows, rawOptions, classTableOptions);
  return makeTable(rows, options, "Most common types", [
    classColumn(options.qualifiedNames),
    { header: "Count", align: "right", cell: (r) => formatCount(r.count) },
    { header: "Self size", align: "right", cell: (r) => formatSize(r.selfSize) },
    { header: "Retained size", align: "right", cell: (r) => formatSize(r.retainedSize) },
  ]);
}
