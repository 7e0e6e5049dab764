const UNITS = ["B", "kB", "MB", "GB", "TB", "PB"] as const;

/**
 * Options of {@link formatSize}.
 *
 * @example
 * ```ts
 * formatSize(2048, { signed: true } satisfies FormatSizeOptions); // "+2 kB"
 * ```
 */
export interface FormatSizeOptions {
  /** Prefix positive values with `+` (for deltas); zero stays `0 B`. */
  signed?: boolean;
}

/**
 * A byte count as people read it, with SI units as Chrome DevTools shows them (1 kB = 1000 B):
 * whole bytes below 1000 (`532 B`), then three significant digits at most (`1.2 kB`, `12.3 kB`,
 * `123 kB`, `3.4 MB`). Negative values get a `-`; with `signed`, positive ones a `+`.
 * This is the one size format of heapgraph's drawings, tables and reports.
 *
 * @example
 * ```ts
 * formatSize(532); // "532 B"
 * formatSize(1234); // "1.2 kB"
 * formatSize(3_400_000); // "3.4 MB"
 * formatSize(-2048, { signed: true }); // "-2 kB"
 * formatSize(2048, { signed: true }); // "+2 kB"
 * ```
 */
export function formatSize(bytes: number, options: FormatSizeOptions = {}): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const sign = bytes < 0 ? "-" : options.signed && bytes > 0 ? "+" : "";
  let value = Math.abs(bytes);
  let unit = 0;
  if (Math.round(value) < 1000) return `${sign}${Math.round(value)} B`;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  let text = value < 100 ? value.toFixed(1) : value.toFixed(0);
  // 999.96 kB rounds to "1000": show it as the next unit.
  if (Number(text) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
    text = value.toFixed(1);
  }
  if (text.endsWith(".0")) text = text.slice(0, -2);
  return `${sign}${text} ${UNITS[unit]}`;
}
