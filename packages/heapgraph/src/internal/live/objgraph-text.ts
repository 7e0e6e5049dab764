/**
 * objgraph's plain-text output formats, kept exactly, so that what people know from
 * `show_most_common_types()` and `show_growth()` reads the same.
 *
 * @module
 */
import type { GrowthRow, TypeStatsRow } from "@heapgraph/graph";
import { printable } from "@heapgraph/render";

/**
 * `show_most_common_types` lines: the class name padded to the longest, a space, the count
 * (objgraph's `'%-*s %i'`). `shortnames: false` shows qualified names (`script:line:Name`).
 *
 * @example
 * ```ts
 * mostCommonTypesText([{ name: "Array", count: 12, ... }, { name: "MyBigFatObject", count: 2, ... }], true);
 * // "Array          12\nMyBigFatObject 2\n"
 * ```
 */
export function mostCommonTypesText(rows: readonly TypeStatsRow[], shortnames: boolean): string {
  const names = rows.map((r) => label(r, shortnames));
  const width = Math.max(0, ...names.map((n) => n.length));
  return rows.map((r, i) => `${names[i].padEnd(width)} ${r.count}\n`).join("");
}

/**
 * `show_growth` lines: the class name padded to the longest, the count in 9 columns, a space, the
 * signed increase in 9 columns (objgraph's `'%-*s%9d %+9d'`).
 *
 * @example
 * ```ts
 * growthText([{ name: "MyBigFatObject", count: 2, delta: 2, ... }], true);
 * // "MyBigFatObject        2        +2\n"
 * ```
 */
export function growthText(rows: readonly GrowthRow[], shortnames: boolean): string {
  const names = rows.map((r) => label(r, shortnames));
  const width = Math.max(0, ...names.map((n) => n.length));
  return rows
    .map((r, i) => `${names[i].padEnd(width)}${String(r.count).padStart(9)} ${`${r.delta >= 0 ? "+" : ""}${r.delta}`.padStart(9)}\n`)
    .join("");
}

function label(row: { name: string; qualifiedName: string }, shortnames: boolean): string {
  return printable(shortnames ? row.name : row.qualifiedName, 120);
}
