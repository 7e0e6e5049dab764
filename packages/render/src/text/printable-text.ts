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
 * A label that ends with a script location keeps it: when the text ends with
 * `basename:line:column` (or `basename:line`, optionally in parentheses), the cut goes in the
 * middle instead. What stays, in this order of priority: the location with its file's last path
 * segment, whole; the text before the location's path (cut at its end if it must be); then as many
 * whole directories before the file as fit (`function (anonymous)() at …/pages/api.js:12:5`).
 * When even the location does not fit, the text is cut at its end as any other. This is the one
 * cut of labels in heapgraph: every table, drawing and chain text cuts through it.
 *
 * @example
 * ```ts
 * printable("line 1\nline 2"); // "line 1\\nline 2"
 * printable("a".repeat(50), 10); // "aaaaaaaaa…"
 * printable("function (anonymous)() at file:///srv/app/node_modules/pkg/pages/api.js:12:5", 45);
 * // "function (anonymous)() at …/pages/api.js:12:5"
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
  const kept = cutKeepingLocation(tokens, limit);
  if (kept !== null) return kept;
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

/** A location at the end of a label: `basename:line[:column]`, maybe in parentheses. The basename has no path separator or space. */
const TRAILING_LOCATION = /[^\s/\\]+:\d+(?::\d+)?\)?$/;

/**
 * `tokens` (one code point or one escape each) cut to `limit` code points in the middle, keeping a
 * trailing location whole (see {@link printable}); null when the text ends with no location or the
 * location alone does not fit.
 */
function cutKeepingLocation(tokens: readonly string[], limit: number): string | null {
  const text = tokens.join("");
  const match = TRAILING_LOCATION.exec(text);
  if (!match) return null;
  // Token index of each character offset where a token starts, to cut only between tokens.
  const tokenAt = new Map<number, number>();
  let offset = 0;
  tokens.forEach((t, k) => {
    tokenAt.set(offset, k);
    offset += t.length;
  });
  const tailToken = tokenAt.get(match.index);
  if (tailToken === undefined) return null;
  const tail = tokens.slice(tailToken);
  const tailLength = lengthOf(tail);
  if (tailLength + 1 > limit) return null;
  // The path before the basename: back to the last space (or the start).
  let wordToken = tailToken;
  while (wordToken > 0 && !/^\s$/.test(tokens[wordToken - 1])) wordToken--;
  const head = tokens.slice(0, wordToken);
  const path = tokens.slice(wordToken, tailToken);
  let room = limit - tailLength - 1;
  const headLength = lengthOf(head);
  if (headLength > room) return `${takeFront(head, room)}${ELLIPSIS}${tail.join("")}`;
  room -= headLength;
  // Whole directories from the end of the path, each starting at its separator.
  let from = path.length;
  let used = 0;
  for (let k = path.length - 1; k >= 0; k--) {
    used += codePointLength(path[k]);
    if (used > room) break;
    if (path[k] === "/" || path[k] === "\\") from = k;
  }
  return `${head.join("")}${ELLIPSIS}${path.slice(from).join("")}${tail.join("")}`;
}

function lengthOf(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) n += codePointLength(t);
  return n;
}

/** The first tokens of `tokens` that fit in `room` code points. */
function takeFront(tokens: readonly string[], room: number): string {
  let out = "";
  let length = 0;
  for (const t of tokens) {
    const n = codePointLength(t);
    if (length + n > room) break;
    out += t;
    length += n;
  }
  return out;
}
