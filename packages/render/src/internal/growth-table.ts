import { formatSize } from "./format-size.ts";
import { formatCount, limitRows, makeTable, type Table, type TableColumn, type TableOptions } from "./table.ts";
import { checkTableInput } from "./table-options.ts";

/**
 * One row of {@link growthTable}: objgraph's `growth` triple (class, count now, increase), plus
 * the change in total shallow size when known. `growth` and `GrowthTracker` of
 * `@heapgraph/graph` return rows of this shape.
 */
export interface GrowthTableRow {
  readonly name: string;
  readonly qualifiedName?: string;
  /** Instances now. */
  readonly count: number;
  /** Increase in instances (objgraph: over the peak seen before). */
  readonly delta: number;
  /** Change of the class's total shallow size, in bytes (a column appears when any row has it). */
  readonly sizeDelta?: number;
}

/** Options of {@link growthTable}. */
export interface GrowthTableOptions extends TableOptions {
  /** Show `qualifiedName` (where present) instead of `name`. */
  qualifiedNames?: boolean;
}

/**
 * objgraph's `show_growth` as a {@link Table}: class, count, signed delta (and signed size
 * delta when the rows have it), in the rows' order.
 *
 * @example
 * ```ts
 * console.log(tableToText(growthTable(growth(before, after)), { header: false }));
 * // Session     1,042      +100    +6.4 kB
 * ```
 */
export function growthTable(rows: readonly GrowthTableRow[], options: GrowthTableOptions = {}): Table {
  checkTableInput("growthTable", rows, options, { qualifiedNames: "boolean" });
  const shown = limitRows(rows, options.limit);
  const sizes = rows.some((r) => typeof r.sizeDelta === "number");
  const columns: TableColumn[] = [
    { header: "Class", align: "left" },
    { header: "Count", align: "right" },
    { header: "Delta", align: "right" },
  ];
  if (sizes) columns.push({ header: "Size delta", align: "right" });
  return makeTable(
    options.title ?? "Growth",
    columns,
    shown.rows.map((r) => {
      const cells = [(options.qualifiedNames && r.qualifiedName) || r.name, formatCount(r.count), formatCount(r.delta, true)];
      if (sizes) cells.push(typeof r.sizeDelta === "number" ? formatSize(r.sizeDelta, { signed: true }) : "");
      return cells;
    }),
    shown.note,
  );
}
