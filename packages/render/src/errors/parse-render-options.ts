import { parseOptions } from "@heapgraph/snapshot/errors";
import type { z } from "zod";
import { RenderError } from "./render-error.ts";

/**
 * The one way `@heapgraph/render` checks what a caller passes: `value` parsed with `schema`, or a
 * {@link RenderError} `INVALID_OPTIONS` whose message starts with `where` and names each bad field
 * and its value (the zod error as `cause`).
 *
 * @example
 * ```ts
 * const options = parseRenderOptions(toDotOptions, raw, "toDot");
 * // throws RenderError INVALID_OPTIONS "toDot: maxDepth: Too small: expected number to be >=0 (got -1)"
 * ```
 */
export function parseRenderOptions<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  return parseOptions(schema, value, where, (message, cause) => new RenderError("INVALID_OPTIONS", message, { cause }));
}
