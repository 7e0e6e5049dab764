/** How a column's cells line up: text to the left, numbers to the right. */
export type TableAlign = "left" | "right";

/** One column of a {@link Table}. */
export interface TableColumn {
  readonly header: string;
  readonly align: TableAlign;
}

/**
 * A table ready to print: headers, alignment and cells already formatted as text (sizes
 * human-readable, deltas signed). The table builders (`mostCommonTypesTable`, `growthTable`, ...)
 * make one from query results; `tableToText`, `tableToMarkdown` and `tableToHtml` print it, and
 * `toHtmlReport` puts it in a page. Plain data: build your own for other results.
 *
 * @example
 * ```ts
 * const table: Table = {
 *   title: "Sessions",
 *   columns: [{ header: "User", align: "left" }, { header: "Open", align: "right" }],
 *   rows: [["ada", "3"], ["bob", "12"]],
 * };
 * console.log(tableToText(table));
 * ```
 */
export interface Table {
  /** Shown above the table (a caption in HTML). */
  readonly title?: string;
  readonly columns: readonly TableColumn[];
  /** Cells, one array per row, as many as there are columns. */
  readonly rows: readonly (readonly string[])[];
  /** A line under the table, e.g. how many rows were left out. */
  readonly note?: string;
}

/** Options every table builder takes. */
export interface TableOptions {
  /** Show at most this many rows (default all); the rest are counted in the table's note. */
  limit?: number;
  /** A title above the table (each builder has a default; `""` for none). */
  title?: string;
}

/**
 * Cuts rows to `limit` and says how many were left out.
 *
 * @example
 * ```ts
 * limitRows([1, 2, 3], 2); // { rows: [1, 2], note: "… and 1 more row" }
 * ```
 */
export function limitRows<T>(rows: readonly T[], limit: number | undefined): { rows: readonly T[]; note?: string } {
  if (limit === undefined || rows.length <= limit) return { rows };
  const left = rows.length - limit;
  return { rows: rows.slice(0, limit), note: `… and ${left} more row${left === 1 ? "" : "s"}` };
}

/**
 * Builds a table, leaving out an empty title or note.
 *
 * @example
 * ```ts
 * makeTable("", [{ header: "N", align: "right" }], [["1"]]); // { columns: [...], rows: [["1"]] }
 * ```
 */
export function makeTable(title: string, columns: readonly TableColumn[], rows: readonly (readonly string[])[], note?: string): Table {
  return { ...(title ? { title } : {}), columns, rows, ...(note ? { note } : {}) };
}

/**
 * A count with thousands separators (`12,345`), the same on every runtime and locale; with
 * `signed`, positive values get a `+` (for deltas).
 *
 * @example
 * ```ts
 * formatCount(12282); // "12,282"
 * formatCount(14, true); // "+14"
 * ```
 */
export function formatCount(n: number, signed = false): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? "-" : signed && n > 0 ? "+" : "";
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ",");
}
