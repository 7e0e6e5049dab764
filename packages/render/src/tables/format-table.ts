import { z } from "zod";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { tableToHtml } from "./html-table.ts";
import { tableToMarkdown } from "./markdown-table.ts";
import type { Table } from "./table.ts";
import { tableToText } from "./text-table.ts";

const tableFormat = z.enum(["text", "markdown", "html"]);

/**
 * The three ways a table is printed.
 *
 * @example
 * ```ts
 * const format: TableFormat = process.stdout.isTTY ? "text" : "markdown";
 * ```
 */
export type TableFormat = z.infer<typeof tableFormat>;

/**
 * A {@link Table} in the given format: {@link tableToText}, {@link tableToMarkdown} or
 * {@link tableToHtml}.
 *
 * @throws {RenderError} `INVALID_OPTIONS` for another format.
 *
 * @example
 * ```ts
 * const table = mostCommonTypesTable(mostCommonTypes(graph));
 * process.stdout.write(formatTable(table, process.stdout.isTTY ? "text" : "markdown"));
 * ```
 */
export function formatTable(table: Table, format: TableFormat): string {
  switch (parseRenderOptions(tableFormat, format, "formatTable: format")) {
    case "text":
      return tableToText(table);
    case "markdown":
      return tableToMarkdown(table);
    case "html":
      return tableToHtml(table);
  }
}
