import { z } from "zod";

const tableAlign = z.enum(["left", "right"]);

/**
 * How a column's cells line up: text to the left, numbers to the right.
 *
 * @example
 * ```ts
 * const align: TableAlign = "right";
 * ```
 */
export type TableAlign = z.infer<typeof tableAlign>;

const tableColumn = z
  .object({
    header: z.string(),
    align: tableAlign,
  })
  .readonly();

/**
 * One column of a {@link Table}.
 *
 * @example
 * ```ts
 * const column: TableColumn = { header: "Count", align: "right" };
 * ```
 */
export type TableColumn = z.infer<typeof tableColumn>;

/**
 * The shape of a {@link Table}, as `toHtmlReport` checks the tables it is given.
 *
 * @example
 * ```ts
 * tableSchema.safeParse({ columns: [], rows: [] }).success; // true
 * ```
 */
export const tableSchema = z
  .object({
    /** Shown above the table (a caption in HTML). */
    title: z.string().optional(),
    columns: z.array(tableColumn).readonly(),
    /** Cells, one array per row, as many as there are columns. */
    rows: z.array(z.array(z.string()).readonly()).readonly(),
    /** A line under the table, e.g. how many rows were left out. */
    note: z.string().optional(),
  })
  .readonly();

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
export type Table = z.infer<typeof tableSchema>;
