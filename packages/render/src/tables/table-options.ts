import { z } from "zod";
import { parseRenderOptions } from "../errors/parse-render-options.ts";

/**
 * The options every table builder takes.
 *
 * @example
 * ```ts
 * const growthTableOptions = tableOptions.extend({ qualifiedNames: z.boolean().optional() });
 * ```
 */
export const tableOptions = z.strictObject({
  /** Show at most this many rows (default all); the rest are counted in the table's note. */
  limit: z.number().int().nonnegative().optional(),
  /** A title above the table (each builder has a default; `""` for none). */
  title: z.string().optional(),
});

/**
 * Options every table builder takes.
 *
 * @example
 * ```ts
 * const options: TableOptions = { limit: 10, title: "Top ten" };
 * ```
 */
export type TableOptions = z.input<typeof tableOptions>;

/**
 * The options of the builders whose rows are classes: {@link tableOptions} and `qualifiedNames`.
 *
 * @example
 * ```ts
 * classTableOptions.parse({ qualifiedNames: true });
 * ```
 */
export const classTableOptions = tableOptions.extend({
  /** Show `qualifiedName` (`script:line:Name`) instead of `name` (objgraph's `shortnames=False`). */
  qualifiedNames: z.boolean().optional(),
});

/**
 * Options of the builders whose rows are classes (`mostCommonTypesTable`, `growthTable`,
 * `compareTable`).
 *
 * @example
 * ```ts
 * const options: ClassTableOptions = { limit: 10, qualifiedNames: true };
 * ```
 */
export type ClassTableOptions = z.input<typeof classTableOptions>;

const rowsSchema = z.array(z.unknown());

/**
 * Checks a table builder's rows (an array) and options at the edge, and returns the options.
 *
 * @throws {RenderError} `INVALID_OPTIONS` naming the builder and the bad value.
 *
 * @example
 * ```ts
 * const options = parseTableInput("growthTable", rows, raw, classTableOptions);
 * ```
 */
export function parseTableInput<S extends z.ZodType>(fn: string, rows: unknown, options: unknown, schema: S): z.output<S> {
  parseRenderOptions(rowsSchema, rows, `${fn}: rows`);
  return parseRenderOptions(schema, options, fn);
}
