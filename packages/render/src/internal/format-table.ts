import { tableToHtml } from "./html-table.ts";
import { tableToMarkdown } from "./markdown-table.ts";
import { RenderError } from "./render-error.ts";
import type { Table } from "./table.ts";
import { tableToText } from "./text-table.ts";

/** The three ways a table is printed. */
export type TableFormat = "text" | "markdown" | "html";

/**
 * A {@link Table} in the given format: {@link tableToText}, {@link tableToMarkdown} or
 * {@link tableToHtml}.
 *
 * @example
 * ```ts
 * const table = mostCommonTypesTable(mostCommonTypes(graph));
 * process.stdout.write(formatTable(table, process.stdout.isTTY ? "text" : "markdown"));
 * ```
 */
export function formatTable(table: Table, format: TableFormat): string {
  switch (format) {
    case "text":
      return tableToText(table);
    case "markdown":
      return tableToMarkdown(table);
    case "html":
      return tableToHtml(table);
    default:
      throw new RenderError("INVALID_OPTIONS", `formatTable: format must be "text", "markdown" or "html", got ${JSON.stringify(format)}`);
  }
}
