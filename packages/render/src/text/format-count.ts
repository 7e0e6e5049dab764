/**
 * A count with thousands separators (`12,345`), the same on every runtime and locale; with
 * `signed`, positive values get a `+` (for deltas).
 *
 * @example
 * ```ts
 * formatCount(12282); // "12,282"
 * formatCount(14, true); // "+14"
 * ```
 */
export function formatCount(n: number, signed = false): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? "-" : signed && n > 0 ? "+" : "";
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ",");
}
