import type { Selection } from "@heapgraph/graph";
import { formatCount } from "../text/format-count.ts";
import { formatSize } from "../text/format-size.ts";
import { printable } from "../text/printable-text.ts";
import { makeTable } from "./make-table.ts";
import type { Table } from "./table.ts";

/**
 * The nodes of a selection (from `refs`, `backrefs` or `chainSelection` of `@heapgraph/graph`)
 * as a table: depth, class, `@id`, preview, sizes, and how many edges `tooMany` left out. What
 * `heapgraph refs` and `backrefs` print under the references, and what their HTML pages show
 * under the graph.
 *
 * @example
 * ```ts
 * console.log(tableToText(selectionTable(backrefs(graph, [leaked], { maxDepth: 3 }))));
 * // Objects
 * // Depth  Class    Id      Preview  Self size  Retained size  Not shown
 * // ...
 * ```
 */
export function selectionTable(selection: Selection): Table {
  return makeTable(selection.nodes, {}, "Objects", [
    { header: "Depth", align: "right", cell: (n) => String(n.depth) },
    { header: "Class", align: "left", cell: (n) => printable(n.className, 60) },
    { header: "Id", align: "left", cell: (n) => `@${n.id}` },
    { header: "Preview", align: "left", cell: (n) => (n.preview && n.preview !== n.className ? printable(n.preview, 50) : "") },
    { header: "Self size", align: "right", cell: (n) => formatSize(n.selfSize) },
    { header: "Retained size", align: "right", cell: (n) => formatSize(n.retainedSize) },
    { header: "Not shown", align: "right", cell: (n) => (n.truncated > 0 ? formatCount(n.truncated) : "") },
  ]);
}
