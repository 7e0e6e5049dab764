import { z } from "zod";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { printable } from "../text/printable-text.ts";
import type { Table } from "./table.ts";

const textTableOptions = z.strictObject({
  /** Print the title, the header row and its rule (default true); false gives objgraph's bare rows. */
  header: z.boolean().optional(),
});

/**
 * Options of {@link tableToText}.
 *
 * @example
 * ```ts
 * const bare: TextTableOptions = { header: false };
 * ```
 */
export type TextTableOptions = z.input<typeof textTableOptions>;

/** objgraph prints counts `%9d`: numeric columns are at least this wide. */
const MIN_NUMBER_WIDTH = 9;

function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * A {@link Table} as aligned plain text: text columns padded to their widest cell, numbers
 * right-aligned, no trailing spaces. With the header (the default): the title, the header row and
 * a rule, columns two spaces apart. Without it, objgraph's bare `show_growth` layout: numbers at
 * least 9 wide (`%9d`), one space apart.
 *
 * @example
 * ```ts
 * console.log(tableToText(growthTable(growth(before, after))));
 * // Growth
 * // Class    Count  Delta  Size delta
 * // ---------------------------------
 * // Session  1,042   +100     +6.4 kB
 * ```
 */
export function tableToText(table: Table, options: TextTableOptions = {}): string {
  const header = parseRenderOptions(textTableOptions, options, "tableToText").header ?? true;
  const cells = table.rows.map((row) => table.columns.map((_, i) => printable(row[i] ?? "")));
  const heads = table.columns.map((c) => printable(c.header));
  const gap = header ? "  " : " ";
  const widths = table.columns.map((column, i) => {
    let w = column.align === "right" && !header ? MIN_NUMBER_WIDTH : 0;
    if (header) w = Math.max(w, width(heads[i]!));
    for (const row of cells) w = Math.max(w, width(row[i]!));
    return w;
  });
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const pad = " ".repeat(Math.max(0, widths[i]! - width(cell)));
        return table.columns[i]!.align === "right" ? pad + cell : cell + pad;
      })
      .join(gap)
      .trimEnd();
  const out: string[] = [];
  if (header) {
    if (table.title) out.push(printable(table.title));
    out.push(line(heads));
    out.push("-".repeat(widths.reduce((a, b) => a + b, 0) + gap.length * Math.max(0, widths.length - 1)));
  }
  for (const row of cells) out.push(line(row));
  if (table.note) out.push(printable(table.note));
  return `${out.join("\n")}\n`;
}
