import type { RetainerRow } from "@heapgraph/graph";
import { formatSize } from "../text/format-size.ts";
import { makeTable, type TableColumnSpec } from "./make-table.ts";
import type { Table } from "./table.ts";
import { parseTableInput, tableOptions, type TableOptions } from "./table-options.ts";

/**
 * The objects that keep the most memory alive (Eclipse MAT's "biggest objects", what
 * `largestRetainers` of `@heapgraph/graph` returns) as a {@link Table}: class, `@id`, preview
 * (when any row has one), self size, retained size, share of the heap.
 *
 * @throws {RenderError} `INVALID_OPTIONS` when `rows` is not an array or an option is bad.
 *
 * @example
 * ```ts
 * console.log(tableToText(largestRetainersTable(largestRetainers(graph, { limit: 10 }))));
 * ```
 */
export function largestRetainersTable(rows: readonly RetainerRow[], rawOptions: TableOptions = {}): Table {
  const options = parseTableInput("largestRetainersTable", rows, rawOptions, tableOptions);
  const previews = rows.some((r) => r.preview !== "");
  return makeTable(rows, options, "Largest retainers", [
    { header: "Class", align: "left", cell: (r) => r.className },
    { header: "Id", align: "left", cell: (r) => `@${r.id}` },
    ...(previews ? [{ header: "Preview", align: "left", cell: (r) => r.preview } satisfies TableColumnSpec<RetainerRow>] : []),
    { header: "Self size", align: "right", cell: (r) => formatSize(r.selfSize) },
    { header: "Retained size", align: "right", cell: (r) => formatSize(r.retainedSize) },
    { header: "Share", align: "right", cell: (r) => formatShare(r.share) },
  ]);
}

function formatShare(share: number): string {
  if (share > 0 && share < 0.0005) return "<0.1%";
  return `${(share * 100).toFixed(1)}%`;
}
