import { escapeHtml } from "../text/html-escape.ts";
import type { Table } from "./table.ts";

/**
 * A {@link Table} as one HTML `<table class="heapgraph-table">` element: the title as its
 * caption, numbers right-aligned with tabular figures (inline styles, so it reads well in a
 * notebook without a style sheet), the note in a footer row. Every text is escaped.
 *
 * @example
 * ```ts
 * tslab.display.html(tableToHtml(largestRetainersTable(largestRetainers(graph))));
 * ```
 */
export function tableToHtml(table: Table): string {
  const align = (i: number) => (table.columns[i]!.align === "right" ? ' style="text-align:right"' : ' style="text-align:left"');
  const out: string[] = ['<table class="heapgraph-table" style="border-collapse:collapse;font-variant-numeric:tabular-nums">'];
  if (table.title) out.push(`<caption style="text-align:left;font-weight:bold">${escapeHtml(table.title)}</caption>`);
  out.push(`<thead><tr>${table.columns.map((c, i) => `<th${align(i)}>${escapeHtml(c.header)}</th>`).join("")}</tr></thead>`);
  out.push("<tbody>");
  for (const cells of table.rows) {
    out.push(`<tr>${table.columns.map((_, i) => `<td${align(i)}>${escapeHtml(cells[i] ?? "")}</td>`).join("")}</tr>`);
  }
  out.push("</tbody>");
  if (table.note) out.push(`<tfoot><tr><td colspan="${table.columns.length}">${escapeHtml(table.note)}</td></tr></tfoot>`);
  out.push("</table>");
  return `${out.join("\n")}\n`;
}
