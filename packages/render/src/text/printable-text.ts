/**
 * The character that ends a cut string.
 *
 * @example
 * ```ts
 * printable("abcdef", 3).endsWith(ELLIPSIS); // true
 * ```
 */
export const ELLIPSIS = "\u2026";

/**
 * How one code point is shown: itself, or a JavaScript-style escape for characters that are
 * invisible, break lines, or are not allowed in XML (C0 and C1 controls, DEL, lone surrogates,
 * U+FFFE/U+FFFF, the Unicode line and paragraph separators).
 */
function shown(codePoint: number, raw: string, multiline: boolean): string {
  if (multiline && (codePoint === 0x0a || codePoint === 0x09)) return raw;
  switch (codePoint) {
    case 0x0a:
      return "\\n";
    case 0x0d:
      return "\\r";
    case 0x09:
      return "\\t";
  }
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) {
    return `\\x${codePoint.toString(16).padStart(2, "0")}`;
  }
  if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint === 0xfffe || codePoint === 0xffff || codePoint === 0x2028 || codePoint === 0x2029) {
    return `\\u${codePoint.toString(16).padStart(4, "0")}`;
  }
  return raw;
}

/**
 * Options of {@link printable}.
 *
 * @example
 * ```ts
 * printable("a\n\tb", Infinity, { multiline: true } satisfies PrintableOptions); // "a\n\tb" with a real line feed and tab
 * ```
 */
export interface PrintableOptions {
  /** Keep line feeds and tabs as they are (for preformatted text); `\r\n` still shows `\r`. */
  multiline?: boolean;
}

/**
 * `text` made safe to show on one line: control characters, lone surrogates and other
 * characters that XML or a single-line label cannot hold become visible escapes (`\n`, `\x00`,
 * `\ud800`), and text longer than `maxLength` code points is cut, ending with an ellipsis (`…`),
 * without splitting an escape or a surrogate pair. The result has at most `maxLength` code points.
 *
 * @example
 * ```ts
 * printable("line 1\nline 2"); // "line 1\\nline 2"
 * printable("a".repeat(50), 10); // "aaaaaaaaa…"
 * ```
 */
export function printable(text: string, maxLength: number = Number.POSITIVE_INFINITY, options: PrintableOptions = {}): string {
  const limit = Math.max(1, Math.floor(maxLength));
  let out = "";
  let length = 0;
  // Iterating a string by code point yields lone surrogates as single units.
  const tokens: string[] = [];
  for (const raw of text) tokens.push(shown(raw.codePointAt(0)!, raw, options.multiline === true));
  let total = 0;
  for (const t of tokens) total += codePointLength(t);
  if (total <= limit) return tokens.join("");
  for (const t of tokens) {
    const n = codePointLength(t);
    if (length + n > limit - 1) break;
    out += t;
    length += n;
  }
  return out + ELLIPSIS;
}

function codePointLength(s: string): number {
  // Tokens are one code point or an ASCII escape.
  return s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff) ? 1 : s.length;
}
