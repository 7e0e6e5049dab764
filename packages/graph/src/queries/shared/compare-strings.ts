/**
 * Plain string order (UTF-16 code units), for stable sorting of rows.
 *
 * @example
 * ```ts
 * ["b", "a"].sort(cmp); // ["a", "b"]
 * ```
 */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
