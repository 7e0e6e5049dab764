/**
 * A count and its noun, in the singular for one: `1 reference`, `2 references`, `12,282 objects`.
 *
 * @module
 */
import { formatCount } from "./format-count.ts";

/**
 * `n` with thousands separators and `singular` or `plural` (default: `singular` + "s") after it.
 *
 * @example
 * ```ts
 * countNoun(1, "reference"); // "1 reference"
 * countNoun(12282, "object"); // "12,282 objects"
 * countNoun(2, "backreference"); // "2 backreferences"
 * countNoun(3, "copy", "copies"); // "3 copies"
 * ```
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
