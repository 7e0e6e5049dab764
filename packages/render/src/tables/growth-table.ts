import type { GrowthRow } from "@heapgraph/graph";
import { formatCount } from "../text/format-count.ts";
import { formatSize } from "../text/format-size.ts";
import { classColumn, makeTable } from "./make-table.ts";
import type { Table } from "./table.ts";
import { classTableOptions, parseTableInput, type ClassTableOptions } from "./table-options.ts";

/**
 * objgraph's `show_growth` as a {@link Table}: class, count, signed delta and signed size delta,
 * in the rows' order. The rows are what `growth` and `GrowthTracker` of `@heapgraph/graph` return.
 *
 * @throws {RenderError} `INVALID_OPTIONS` when `rows` is not an array or an option is bad.
 *
 * @example
 * ```ts
 * console.log(tableToText(growthTable(growth(before, after))));
 * // Growth
 * // Class    Count  Delta  Size delta
 * // ---------------------------------
 * // Session  1,042   +100     +6.4 kB
 * ```
 */
export function growthTable(rows: readonly GrowthRow[], rawOptions: ClassTableOptions = {}): Table {
  const options = parseTableInput("growthTable", rows, rawOptions, classTableOptions);
  return makeTable(rows, options, "Growth", [
    classColumn(options.qualifiedNames),
    { header: "Count", align: "right", cell: (r) => formatCount(r.count) },
    { header: "Delta", align: "right", cell: (r) => formatCount(r.delta, true) },
    { header: "Size delta", align: "right", cell: (r) => formatSize(r.sizeDelta, { signed: true }) },
  ]);
}
