import type { LeakCluster } from "@heapgraph/graph";
import { z } from "zod";
import { traceLine } from "../text/chain-text.ts";
import { formatCount } from "../text/format-count.ts";
import { formatSize } from "../text/format-size.ts";
import { makeTable } from "./make-table.ts";
import type { Table } from "./table.ts";
import { parseTableInput, tableOptions } from "./table-options.ts";

const leaksTableOptions = tableOptions.extend({
  /** Show `@id` after each class in the trace (default false). */
  ids: z.boolean().optional(),
});

/**
 * Options of {@link leaksTable}: `limit`, `title`, `ids`.
 *
 * @example
 * ```ts
 * const options: LeaksTableOptions = { limit: 5, ids: true };
 * ```
 */
export type LeaksTableOptions = z.input<typeof leaksTableOptions>;

/**
 * memlab-style leak clusters (what `findLeaks` of `@heapgraph/graph` returns) as a
 * {@link Table}: rank, leaked objects, retained size, leaked classes, and the representative's
 * whole retainer trace on one line (see `formatTrace`). The leak report's table;
 * {@link leakClustersTable} is the narrow one for terminals.
 *
 * @throws {RenderError} `INVALID_OPTIONS` when `rows` is not an array or an option is bad.
 *
 * @example
 * ```ts
 * console.log(tableToText(leaksTable(findLeaks(baseline, target, final))));
 * ```
 */
export function leaksTable(rows: readonly LeakCluster[], rawOptions: LeaksTableOptions = {}): Table {
  const options = parseTableInput("leaksTable", rows, rawOptions, leaksTableOptions);
  return makeTable(rows, options, "Leaks", [
    { header: "#", align: "right", cell: (_, i) => String(i + 1) },
    { header: "Objects", align: "right", cell: (r) => formatCount(r.count) },
    { header: "Retained size", align: "right", cell: (r) => formatSize(r.retainedSize) },
    { header: "Leaked", align: "left", cell: (r) => r.classes.map((c) => `${c.name} ×${formatCount(c.count)}`).join(", ") },
    { header: "Retainer trace", align: "left", cell: (r) => traceLine(r.trace, options.ids === true) },
  ]);
}
