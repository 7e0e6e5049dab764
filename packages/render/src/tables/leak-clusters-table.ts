import type { LeakCluster } from "@heapgraph/graph";
import { holdingEdge } from "../text/chain-text.ts";
import { formatCount } from "../text/format-count.ts";
import { formatSize } from "../text/format-size.ts";
import { printable } from "../text/printable-text.ts";
import { makeTable } from "./make-table.ts";
import type { Table } from "./table.ts";
import { parseTableInput, tableOptions, type TableOptions } from "./table-options.ts";

/**
 * Leak clusters (what `findLeaks` of `@heapgraph/graph` returns) as a table narrow enough for a
 * terminal: rank, objects, retained size, the first leaked classes, and what holds the
 * representative (the last link of its trace). At most `limit` clusters (default 10), the rest
 * counted in the note. What `heapgraph leaks` prints; `leaksTable` has the whole traces.
 *
 * @throws {RenderError} `INVALID_OPTIONS` when `clusters` is not an array or an option is bad.
 *
 * @example
 * ```ts
 * console.log(tableToText(leakClustersTable(findLeaks(baseline, target, final))));
 * // Leak clusters: 2, largest first
 * //  #  Objects  Retained size  Leaked       Held by
 * // ------------------------------------------------------
 * //  1      100         640 kB  Session ×99  Map -WeakMap value (key @301)->
 * ```
 */
export function leakClustersTable(clusters: readonly LeakCluster[], rawOptions: TableOptions = {}): Table {
  const options = parseTableInput("leakClustersTable", clusters, rawOptions, tableOptions);
  const limit = options.limit ?? 10;
  const showing = clusters.length > limit ? ` (showing ${formatCount(limit)})` : "";
  return makeTable(clusters, { ...options, limit }, `Leak clusters: ${formatCount(clusters.length)}${showing}, largest first`, [
    { header: "#", align: "right", cell: (_, i) => String(i + 1) },
    { header: "Objects", align: "right", cell: (c) => formatCount(c.count) },
    { header: "Retained size", align: "right", cell: (c) => formatSize(c.retainedSize) },
    { header: "Leaked", align: "left", cell: (c) => printable(c.classes.slice(0, 3).map((k) => `${k.name} ×${formatCount(k.count)}`).join(", ") + (c.classes.length > 3 ? ", …" : ""), 60) },
    { header: "Held by", align: "left", cell: heldBy },
  ]);
}

/**
 * The cluster's growing holder (`Array createDebug.instances`), or else the holder of its
 * representative and the edge it holds it by: `Map[3]`, `App.sessions`, `Ctx -WeakMap key (table @9)->`.
 */
function heldBy(cluster: LeakCluster): string {
  if (cluster.holder) return printable(`${cluster.holder.className} ${cluster.holder.label}`, 60);
  const trace = cluster.trace;
  if (trace.length < 2) return "";
  const holder = trace.at(-2)!;
  const label = holdingEdge(trace.at(-1)!, holder);
  return printable(`${holder.className}${label.startsWith(".") || label.startsWith("[") ? label : ` -${label}->`}`, 60);
}
