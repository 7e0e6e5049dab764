import { parseOptions, type HeapgraphError } from "@heapgraph/snapshot/errors";
import type { z } from "zod";
import { GraphError } from "./graph-error.ts";

/**
 * An error class of this package that has an `INVALID_OPTIONS` code: {@link GraphError}, or the
 * queries' `QueryError`.
 *
 * @example
 * ```ts
 * const errorType: InvalidOptionsError = GraphError;
 * ```
 */
export type InvalidOptionsError = new (code: "INVALID_OPTIONS", message: string, options?: { cause?: unknown }) => HeapgraphError;

/**
 * The package's one way to check what a caller passed: parses `value` with a zod `schema` and
 * returns the parsed value, or throws `errorType`'s `INVALID_OPTIONS` (a {@link GraphError} unless
 * told otherwise) whose message starts with `where` and names each bad field and the value found.
 * For the public edges only, never in hot loops.
 *
 * @example
 * ```ts
 * const { onProgress } = parseGraphOptions(buildGraphOptions, options, "buildGraph");
 * parseGraphOptions(growthOptions, options, "growth", QueryError);
 * ```
 */
export function parseGraphOptions<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
  errorType: InvalidOptionsError = GraphError,
): z.output<S> {
  return parseOptions(schema, value, where, (message, cause) => new errorType("INVALID_OPTIONS", message, { cause }));
}
