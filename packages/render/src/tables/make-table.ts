import { countNoun } from "../text/count-noun.ts";
import type { Table, TableAlign } from "./table.ts";

/**
 * One column of a table builder: its header, its alignment, and how a row becomes its cell.
 *
 * @example
 * ```ts
 * const count: TableColumnSpec<TypeStatsRow> = { header: "Count", align: "right", cell: (r) => formatCount(r.count) };
 * ```
 */
export interface TableColumnSpec<Row> {
  readonly header: string;
  readonly align: TableAlign;
  /** The cell of `row`, the `index`-th row shown. */
  readonly cell: (row: Row, index: number) => string;
}

/**
 * What every table builder does with its checked options: the first `limit` rows (the rest
 * counted in the note "… and N more rows"), one cell per column, and the title (`defaultTitle`
 * unless `options.title` is given; `""` leaves it out).
 *
 * @example
 * ```ts
 * makeTable(rows, { limit: 2 }, "Sessions", [
 *   { header: "User", align: "left", cell: (r) => r.user },
 *   { header: "Open", align: "right", cell: (r) => formatCount(r.open) },
 * ]);
 * ```
 */
export function makeTable<Row>(
  rows: readonly Row[],
  options: { readonly limit?: number | undefined; readonly title?: string | undefined },
  defaultTitle: string,
  columns: readonly TableColumnSpec<Row>[],
): Table {
  const limit = options.limit ?? rows.length;
  const shown = rows.length > limit ? rows.slice(0, limit) : rows;
  const left = rows.length - shown.length;
  const title = options.title ?? defaultTitle;
  return {
    ...(title ? { title } : {}),
    columns: columns.map(({ header, align }) => ({ header, align })),
    rows: shown.map((row, i) => columns.map((c) => c.cell(row, i))),
    ...(left > 0 ? { note: `… and ${countNoun(left, "more row", "more rows")}` } : {}),
  };
}

/**
 * The Class column of the builders whose rows are classes: `qualifiedName` (where present) with
 * `qualifiedNames`, else `name`.
 *
 * @example
 * ```ts
 * makeTable(rows, options, "Growth", [classColumn(options.qualifiedNames), ...]);
 * ```
 */
export function classColumn(qualifiedNames: boolean | undefined): TableColumnSpec<{ readonly name: string; readonly qualifiedName: string }> {
  return { header: "Class", align: "left", cell: (r) => (qualifiedNames && r.qualifiedName) || r.name };
}
