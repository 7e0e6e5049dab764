/**
 * The snapshot package's one way to check what a caller passed: a zod schema through
 * `parseOptions`, failing with {@link SnapshotOptionsError} (`INVALID_OPTIONS`).
 *
 * @module
 */
import type { z } from "zod";
import { parseOptions } from "./parse-options.ts";
import { SnapshotOptionsError } from "./snapshot-options-error.ts";

/**
 * Parses `value` with `schema`; on failure throws a {@link SnapshotOptionsError} whose message
 * starts with `where` (the function and the argument, e.g. `"takeSnapshot options"`) and
 * names every bad value. Used at the public edges only, never in a hot loop.
 *
 * @example
 * ```ts
 * const schema = z.strictObject({ gc: z.boolean().optional() });
 * const { gc = true } = parseSnapshotOptions(schema, options, "takeSnapshot options");
 * // throws SnapshotOptionsError: takeSnapshot options: gc: Invalid input: expected boolean, received string (got "yes")
 * ```
 */
export function parseSnapshotOptions<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  return parseOptions(schema, value, where, (message, cause) => new SnapshotOptionsError(message, { cause }));
}
