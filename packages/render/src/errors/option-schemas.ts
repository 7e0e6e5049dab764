import { z } from "zod";

/**
 * A number above zero, `Infinity` included (zod's `z.number()` refuses it): for limits where
 * `Infinity` means none.
 *
 * @example
 * ```ts
 * z.strictObject({ maxNodes: positiveOrInfinity.optional() }).parse({ maxNodes: Infinity });
 * ```
 */
export const positiveOrInfinity = z.union([z.number().positive(), z.literal(Number.POSITIVE_INFINITY)]);
