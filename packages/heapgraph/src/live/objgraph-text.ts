/**
 * objgraph's plain-text output formats, kept exactly, so that what people know from
 * `show_most_common_types()`, `show_growth()` and `get_new_ids()` reads the same.
 *
 * @module
 */
import { printable } from "@heapgraph/render";

/**
 * `show_most_common_types` lines: the class name padded to the longest, a space, the count
 * (objgraph's `'%-*s %i'`).
 *
 * @example
 * ```ts
 * mostCommonTypesText([["Array", 12], ["MyBigFatObject", 2]]);
 * // "Array          12\nMyBigFatObject 2\n"
 * ```
 */
export function mostCommonTypesText(rows: readonly (readonly [name: string, count: number])[]): string {
  const names = rows.map(([name]) => label(name));
  const width = Math.max(0, ...names.map((n) => n.length));
  return rows.map(([, count], i) => `${names[i].padEnd(width)} ${count}\n`).join("");
}

/**
 * `show_growth` lines: the class name padded to the longest, the count in 9 columns, a space, the
 * signed increase in 9 columns (objgraph's `'%-*s%9d %+9d'`).
 *
 * @example
 * ```ts
 * growthText([["MyBigFatObject", 2, 2]]);
 * // "MyBigFatObject        2        +2\n"
 * ```
 */
export function growthText(rows: readonly (readonly [name: string, count: number, delta: number])[]): string {
  const names = rows.map(([name]) => label(name));
  const width = Math.max(0, ...names.map((n) => n.length));
  return rows.map(([, count, delta], i) => `${names[i].padEnd(width)}${String(count).padStart(9)} ${signed(delta).padStart(9)}\n`).join("");
}

/**
 * `get_new_ids` table: a rule of `=`, the header, a rule, one line per class (the name padded
 * to the longest, then old, current, new and delta in 13 columns each; objgraph's
 * `'%-*s%13d%13d%+13d%+13d'`), a rule. Empty when there are no rows.
 *
 * @example
 * ```ts
 * newIdsText([{ name: "Array", old: 324, current: 326, new: 3, delta: 2 }]);
 * ```
 */
export function newIdsText(rows: readonly { name: string; old: number; current: number; new: number; delta: number }[]): string {
  if (rows.length === 0) return "";
  const names = rows.map((r) => label(r.name));
  const width = Math.max(...names.map((n) => n.length));
  const rule = `${"=".repeat(width + 13 * 4)}\n`;
  const head = `${"Type".padEnd(width)}${["Old_ids", "Current_ids", "New_ids", "Count_Deltas"].map((h) => h.padStart(13)).join("")}\n`;
  const lines = rows.map(
    (r, i) => `${names[i].padEnd(width)}${String(r.old).padStart(13)}${String(r.current).padStart(13)}${signed(r.new).padStart(13)}${signed(r.delta).padStart(13)}\n`,
  );
  return `${rule}${head}${rule}${lines.join("")}${rule}`;
}

function signed(n: number): string {
  return `${n >= 0 ? "+" : ""}${n}`;
}

function label(name: string): string {
  return printable(name, 120);
}
