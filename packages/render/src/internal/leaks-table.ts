import { edgeLabel } from "./edge-label.ts";
import { formatSize } from "./format-size.ts";
import { formatCount, limitRows, makeTable, type Table, type TableColumn, type TableOptions } from "./table.ts";
import { checkTableInput } from "./table-options.ts";

/** One node of a retainer trace. `ChainStep` of `@heapgraph/graph` has this shape. */
export interface LeakTraceStep {
  readonly className: string;
  /** Heap object id, shown as `@id` with the `ids` option. */
  readonly id?: number;
  /** How the previous step holds this one (`type` and `name` as in a selection edge); null for the first step. */
  readonly edge: { readonly type: string; readonly name: string } | null;
}

/**
 * One row of {@link leaksTable}: a cluster of leaked objects with alike retainer traces, as
 * memlab reports them. `findLeaks` of `@heapgraph/graph` returns rows of this shape.
 */
export interface LeakTableRow {
  /** Leaked objects in the cluster. */
  readonly count: number;
  /** What the cluster keeps alive, in bytes. */
  readonly retainedSize: number;
  /** The leaked objects' classes, most frequent first (a column appears when any row has them). */
  readonly classes?: readonly { readonly name: string; readonly count: number }[];
  /** The representative's retainer trace, root first, ending at the leaked object. */
  readonly trace: readonly LeakTraceStep[];
}

/** Options of {@link leaksTable}. */
export interface LeaksTableOptions extends TableOptions {
  /** Show `@id` after each class in the trace (default false). */
  ids?: boolean;
}

/**
 * A retainer trace on one line, root first: class names joined by their edge labels,
 * `(GC roots) -[5]-> global -.server-> Server -.cache-> Map`.
 *
 * @example
 * ```ts
 * formatTrace(cluster.trace); // "global -.app-> App -.sessions-> Map -[3]-> Session"
 * ```
 */
export function formatTrace(trace: readonly LeakTraceStep[], options: { ids?: boolean } = {}): string {
  let out = "";
  trace.forEach((step, i) => {
    const name = options.ids && step.id !== undefined ? `${step.className} @${step.id}` : step.className;
    if (i > 0) {
      const label = step.edge ? edgeLabel(step.edge.type, step.edge.name, trace[i - 1]!.id) : "?";
      out += ` -${label}-> `;
    }
    out += name;
  });
  return out;
}

/**
 * memlab-style leak clusters (from `findLeaks`) as a {@link Table}: rank, leaked objects,
 * retained size, leaked classes, and the representative retainer trace.
 *
 * @example
 * ```ts
 * console.log(tableToText(leaksTable(findLeaks(baseline, target, final))));
 * ```
 */
export function leaksTable(rows: readonly LeakTableRow[], options: LeaksTableOptions = {}): Table {
  checkTableInput("leaksTable", rows, options, { ids: "boolean" });
  const shown = limitRows(rows, options.limit);
  const classes = rows.some((r) => Array.isArray(r.classes));
  const columns: TableColumn[] = [
    { header: "#", align: "right" },
    { header: "Objects", align: "right" },
    { header: "Retained size", align: "right" },
  ];
  if (classes) columns.push({ header: "Leaked", align: "left" });
  columns.push({ header: "Retainer trace", align: "left" });
  return makeTable(
    options.title ?? "Leaks",
    columns,
    shown.rows.map((r, i) => {
      const cells = [String(i + 1), formatCount(r.count), formatSize(r.retainedSize)];
      if (classes) cells.push((r.classes ?? []).map((c) => `${c.name} ×${formatCount(c.count)}`).join(", "));
      cells.push(formatTrace(r.trace, options));
      return cells;
    }),
    shown.note,
  );
}
