/**
 * How a bad argument is named in an error message when no schema described it.
 *
 * @module
 */

/**
 * A short description of `value` for a message: its type and value for primitives, its
 * built-in tag for objects (so that a `Uint16Array` or a `Map` is told from a plain object).
 *
 * @example
 * ```ts
 * describeValue(42); // "a number (42)"
 * describeValue(new Uint16Array(2)); // "an object ([object Uint16Array])"
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") return `an object (${Object.prototype.toString.call(value)})`;
  if (typeof value === "function") return "a function";
  return `a ${typeof value} (${String(value).slice(0, 40)})`;
}
