/**
 * A colour as 8-bit red, green and blue.
 *
 * @example
 * ```ts
 * const grey: Rgb = [77, 77, 77];
 * ```
 */
export type Rgb = readonly [number, number, number];

/**
 * WCAG's least contrast for normal text (level AA): every label is drawn at least this far
 * from its fill.
 *
 * @example
 * ```ts
 * contrastRatio([255, 255, 255], hsvToRgb(0, 0, 0.3)) >= MIN_CONTRAST; // true
 * ```
 */
export const MIN_CONTRAST = 4.5;

/**
 * The colour Graphviz draws for the HSV triple `h,s,v` (each 0–1): the usual conversion, with
 * channels truncated to 8 bits as Graphviz does.
 *
 * @example
 * ```ts
 * hsvToRgb(0, 0, 0.3); // [76, 76, 76]
 * hsvToRgb(0.3, 1, 1); // [51, 255, 0]
 * ```
 */
export function hsvToRgb(h: number, s: number, v: number): Rgb {
  const sector = (h * 6) % 6;
  const i = Math.floor(sector);
  const f = sector - i;
  const p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
  const [r, g, b] = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][i]!;
  return [Math.trunc(r! * 255), Math.trunc(g! * 255), Math.trunc(b! * 255)];
}

/**
 * The colour of `#rrggbb`.
 *
 * @example
 * ```ts
 * hexToRgb("#b00000"); // [176, 0, 0]
 * ```
 */
export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function channel(c: number): number {
  const x = c / 255;
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
}

/**
 * WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black and white).
 *
 * @example
 * ```ts
 * contrastRatio([255, 255, 255], [255, 0, 0]); // 4.0
 * ```
 */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = 0.2126 * channel(a[0]) + 0.7152 * channel(a[1]) + 0.0722 * channel(a[2]);
  const lb = 0.2126 * channel(b[0]) + 0.7152 * channel(b[1]) + 0.0722 * channel(b[2]);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
