/**
 * Zod at the edges: one way to check a caller's options and say what is wrong.
 *
 * @module
 */
import type { z } from "zod";

/**
 * Renders a zod error as one line a person can act on: each problem with the path of the bad field
 * and the value found there.
 *
 * @example
 * ```ts
 * describeZodError(schema.safeParse({ limit: -3 }).error!, { limit: -3 });
 * // "limit: Too small: expected number to be >=1 (got -3)"
 * ```
 */
export function describeZodError(error: z.ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      const found = issue.code === "unrecognized_keys" ? "" : ` (got ${showValue(valueAt(input, issue.path))})`;
      return `${path ? `${path}: ` : ""}${issue.message}${found}`;
    })
    .join("; ");
}

/**
 * Parses `value` with `schema`; on failure throws what `toError(message, cause)` makes, where the
 * message starts with `where` and lists every problem. Each package passes its own typed error, so
 * callers see `QueryError INVALID_OPTIONS`, `RenderError INVALID_OPTIONS`, and so on.
 *
 * @example
 * ```ts
 * const options = parseOptions(countOptions, raw, "count", (message, cause) =>
 *   new QueryError("INVALID_OPTIONS", message, { cause }));
 * ```
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
  toError: (message: string, cause: z.ZodError) => Error,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw toError(`${where}: ${describeZodError(result.error, value)}`, result.error);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "function") return "a function";
  if (typeof value === "bigint") return `${value}n`;
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? `an array of ${value.length}` : "an object";
}
