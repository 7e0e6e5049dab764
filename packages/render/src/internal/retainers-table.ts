import { formatSize } from "./format-size.ts";
import { formatCount, limitRows, makeTable, type Table, type TableColumn, type TableOptions } from "./table.ts";
import { checkTableInput } from "./table-options.ts";

/**
 * One row of {@link largestRetainersTable}: an object and what it keeps alive. `largestRetainers`
 * of `@heapgraph/graph` returns rows of this shape.
 */
export interface RetainerTableRow {
  /** Heap object id. */
  readonly id: number;
  readonly className: string;
  /** A short description (a column appears when any row has one). */
  readonly preview?: string;
  readonly selfSize: number;
  /** What collecting the object would free, in bytes. */
  readonly retainedSize: number;
  /** `retainedSize` as a fraction of the heap, 0..1 (a column appears when any row has it). */
  readonly share?: number;
}

/** Options of {@link largestRetainersTable}. */
export type RetainersTableOptions = TableOptions;

/**
 * The objects that keep the most memory alive (Eclipse MAT's "biggest objects") as a
 * {@link Table}: class, `@id`, preview, self size, retained size, share of the heap.
 *
 * @example
 * ```ts
 * console.log(tableToText(largestRetainersTable(largestRetainers(graph, { limit: 10 }))));
 * ```
 */
export function largestRetainersTable(rows: readonly RetainerTableRow[], options: RetainersTableOptions = {}): Table {
  checkTableInput("largestRetainersTable", rows, options);
  const shown = limitRows(rows, options.limit);
  const previews = rows.some((r) => typeof r.preview === "string" && r.preview !== "");
  const shares = rows.some((r) => typeof r.share === "number");
  const columns: TableColumn[] = [
    { header: "Class", align: "left" },
    { header: "Id", align: "left" },
  ];
  if (previews) columns.push({ header: "Preview", align: "left" });
  columns.push({ header: "Self size", align: "right" }, { header: "Retained size", align: "right" });
  if (shares) columns.push({ header: "Share", align: "right" });
  return makeTable(
    options.title ?? "Largest retainers",
    columns,
    shown.rows.map((r) => {
      const cells = [r.className, `@${r.id}`];
      if (previews) cells.push(r.preview ?? "");
      cells.push(formatSize(r.selfSize), formatSize(r.retainedSize));
      if (shares) cells.push(typeof r.share === "number" ? formatShare(r.share) : "");
      return cells;
    }),
    shown.note,
  );
}

function formatShare(share: number): string {
  if (share > 0 && share < 0.0005) return "<0.1%";
  return `${(share * 100).toFixed(1)}%`;
}
