import type { CompareRow } from "@heapgraph/graph";
import { formatCount } from "../text/format-count.ts";
import { formatSize } from "../text/format-size.ts";
import { classColumn, makeTable } from "./make-table.ts";
import type { Table } from "./table.ts";
import { classTableOptions, parseTableInput, type ClassTableOptions } from "./table-options.ts";

/**
 * DevTools' Comparison view as a {@link Table}: class, new, deleted, delta, allocated size,
 * freed size, size delta. The rows are what `compare` of `@heapgraph/graph` returns.
 *
 * @throws {RenderError} `INVALID_OPTIONS` when `rows` is not an array or an option is bad.
 *
 * @example
 * ```ts
 * console.log(tableToText(compareTable(compare(before, after), { limit: 10 })));
 * ```
 */
export function compareTable(rows: readonly CompareRow[], rawOptions: ClassTableOptions = {}): Table {
  const options = parseTableInput("compareTable", rows, rawOptions, classTableOptions);
  return makeTable(rows, options, "Comparison", [
    classColumn(options.qualifiedNames),
    { header: "New", align: "right", cell: (r) => formatCount(r.added) },
    { header: "Deleted", align: "right", cell: (r) => formatCount(r.removed) },
    { header: "Delta", align: "right", cell: (r) => formatCount(r.countDelta, true) },
    { header: "Alloc. size", align: "right", cell: (r) => formatSize(r.addedSize) },
    { header: "Freed size", align: "right", cell: (r) => formatSize(r.removedSize) },
    { header: "Size delta", align: "right", cell: (r) => formatSize(r.sizeDelta, { signed: true }) },
  ]);
}
