import { printable } from "../text/printable-text.ts";
import type { Table } from "./table.ts";

/**
 * Text for a Markdown (CommonMark / GitHub) table cell: characters that would start emphasis,
 * code, links or a new cell are backslash-escaped, `& < >` become entities, control characters
 * visible escapes.
 *
 * @example
 * ```ts
 * escapeMarkdown("a|b <c> *d*"); // "a\\|b &lt;c&gt; \\*d\\*"
 * ```
 */
export function escapeMarkdown(text: string): string {
  return printable(text)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/**
 * A {@link Table} as a Markdown table (numbers right-aligned with `---:`), the title in bold
 * above it and the note in italics below. Any cell text shows as itself.
 *
 * @example
 * ```ts
 * tslab.display.markdown(tableToMarkdown(mostCommonTypesTable(mostCommonTypes(graph))));
 * ```
 */
export function tableToMarkdown(table: Table): string {
  const row = (cells: readonly string[]) => `| ${table.columns.map((_, i) => escapeMarkdown(cells[i] ?? "")).join(" | ")} |`;
  const out: string[] = [];
  if (table.title) out.push(`**${escapeMarkdown(table.title)}**`, "");
  out.push(row(table.columns.map((c) => c.header)));
  out.push(`| ${table.columns.map((c) => (c.align === "right" ? "---:" : ":---")).join(" | ")} |`);
  for (const cells of table.rows) out.push(row(cells));
  if (table.note) out.push("", `_${escapeMarkdown(table.note)}_`);
  return `${out.join("\n")}\n`;
}
