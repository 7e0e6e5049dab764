/**
 * Advance widths of the printable ASCII characters (space to `~`) in 1/2048 em: for each, the
 * widest of the sans-serif fonts a drawing's `font-family="Helvetica,sans-Serif"` ends up in on
 * common systems — Helvetica and Arial (and their metric twins Liberation Sans, Nimbus Sans,
 * Arimo), DejaVu Sans (Linux's usual default), Verdana, and Open Sans (close to Noto Sans). The
 * numbers are the font tables Graphviz-WASM estimates text with; `test/text-width.test.ts`
 * measures them again through Graphviz.
 */
const WIDEST: readonly number[] = [
  720, 821, 942, 1716, 1303, 2204, 1597, 563, 930, 930, 1302, 1716, 745, 930, 745, 930,
  1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 930, 930, 1716, 1716, 1716, 1139,
  2079, 1401, 1405, 1479, 1578, 1366, 1251, 1593, 1540, 862, 1024, 1419, 1141, 1849, 1544, 1612,
  1366, 1612, 1479, 1400, 1262, 1499, 1401, 2025, 1403, 1366, 1403, 930, 930, 930, 1716, 1302,
  1302, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 705, 1212, 569, 1995, 1298, 1253,
  1300, 1300, 874, 1067, 807, 1298, 1212, 1676, 1212, 1212, 1076, 1303, 1128, 1303, 1716,
];

/** The same characters as Graphviz-WASM measures them for `fontname="Helvetica"` (its Arial table). */
const HELVETICA: readonly number[] = [
  569, 569, 727, 1139, 1139, 1821, 1366, 391, 682, 682, 797, 1196, 569, 682, 569, 569,
  1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 569, 569, 1196, 1196, 1196, 1139,
  2079, 1366, 1366, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1024, 1366, 1139, 1706, 1479, 1593,
  1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 569, 569, 569, 961, 1139,
  682, 1139, 1139, 1024, 1139, 1139, 569, 1139, 1139, 455, 455, 1024, 455, 1706, 1139, 1139,
  1139, 1139, 682, 1024, 569, 1139, 1024, 1479, 1024, 1024, 1024, 684, 532, 684, 1196,
];

const UNITS_PER_EM = 2048;
const FIRST = 0x20;
const LAST = 0x7e;
/**
 * Characters past ASCII in em: Latin, Greek and Cyrillic letters, CJK ideographs and the
 * ellipsis are at most 1 em in these fonts (Œ and Æ a little more); astral characters (emoji)
 * are drawn by an emoji font up to about 1.25 em.
 */
const BMP_EM = 1.1;
const ASTRAL_EM = 1.3;

/**
 * How wide `text` (one line, {@link printable} already) can be when drawn at `fontSize` points in
 * any of the fonts a drawing's sans-serif font family resolves to: an upper bound, in points.
 * Characters past ASCII count as 1.1 em (1.3 em past U+FFFF), control characters (which
 * `printable` has already escaped) as 1 em.
 *
 * @example
 * ```ts
 * textWidth("ModuleWrap @2001", 10); // 102.5 (Arial draws it 91.9 wide)
 * ```
 */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FIRST && c <= LAST) units += WIDEST[c - FIRST]!;
    else if (c < FIRST || c === 0x7f) units += UNITS_PER_EM;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      units += ASTRAL_EM * UNITS_PER_EM;
      i++;
    } else units += BMP_EM * UNITS_PER_EM;
  }
  return (units / UNITS_PER_EM) * fontSize;
}

/**
 * The width Graphviz-WASM gives `text` at `fontSize` points in `fontname="Helvetica"`, in points:
 * its hard-coded Arial widths for ASCII, and the width of a space for every UTF-8 byte past ASCII
 * (it has no metrics for those). Layouts reserve this much for labels heapgraph does not size.
 *
 * @example
 * ```ts
 * graphvizTextWidth("ModuleWrap @2001", 10); // 91.9
 * ```
 */
export function graphvizTextWidth(text: string, fontSize: number): number {
  const space = HELVETICA[0]!;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FIRST && c <= LAST) units += HELVETICA[c - FIRST]!;
    else if (c < 0x80) continue; // controls: Graphviz has no width for them (0)
    else if (c < 0x800) units += 2 * space;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      units += 4 * space;
      i++;
    } else units += 3 * space;
  }
  return (units / UNITS_PER_EM) * fontSize;
}
