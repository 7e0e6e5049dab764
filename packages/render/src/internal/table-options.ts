import { checkOptions, type OptionKind } from "./check-options.ts";
import { RenderError } from "./render-error.ts";

/**
 * Checks a table builder's rows and options at the edge (`limit` and `title` for every builder).
 *
 * @example
 * ```ts
 * checkTableInput("growthTable", rows, options, { qualifiedNames: "boolean" });
 * ```
 */
export function checkTableInput(fn: string, rows: unknown, options: unknown, extra: Readonly<Record<string, OptionKind>> = {}): void {
  if (!Array.isArray(rows)) throw new RenderError("INVALID_OPTIONS", `${fn}: rows must be an array, got ${rows === null ? "null" : typeof rows}`);
  checkOptions(fn, options, { limit: "count", title: "string", ...extra });
}
