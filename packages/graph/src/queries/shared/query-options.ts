import type { z } from "zod";
import { parseGraphOptions } from "../../engine/index.ts";
import { QueryError } from "./query-error.ts";

/**
 * The queries' one way to check what a caller passed, before any work: parses a query's options
 * with its zod schema (absent options are `{}`) and returns them parsed. Unknown keys (typos such
 * as `max_depth`) and values of the wrong kind throw a {@link QueryError} `INVALID_OPTIONS` whose
 * message names the query, the option and the value. The engine's `parseGraphOptions` does the
 * work, with the queries' error type.
 *
 * @example
 * ```ts
 * const { maxDepth = 3 } = parseQueryOptions("refs", subgraphOptions, options);
 * ```
 */
export function parseQueryOptions<S extends z.ZodType>(query: string, schema: S, options: unknown): z.output<S> {
  return parseGraphOptions(schema, options === undefined ? {} : options, query, QueryError);
}

/**
 * Checks one positional argument of a query (a class name, an id, a predicate) with its schema,
 * the same way: a {@link QueryError} `INVALID_OPTIONS` naming the query, the argument and the value.
 *
 * @example
 * ```ts
 * const name = checkQueryArgument("count", "name", className, value); // "count: name: Too small: ... (got \"\")"
 * ```
 */
export function checkQueryArgument<S extends z.ZodType>(query: string, argument: string, schema: S, value: unknown): z.output<S> {
  return parseGraphOptions(schema, value, `${query}: ${argument}`, QueryError);
}
