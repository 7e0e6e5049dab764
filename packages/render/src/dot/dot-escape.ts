import { printable } from "../text/printable-text.ts";

/**
 * Escapes text for the inside of a double-quoted DOT string that Graphviz shows as text (a
 * label): `\` and `"` are escaped for DOT, and `&` becomes `&amp;` because Graphviz decodes
 * HTML entities in labels (`&lt;` would otherwise show as `<`). The text must already be
 * {@link printable} (no line breaks or control characters).
 *
 * @example
 * ```ts
 * escapeDotText('a "b" & c\\d'); // 'a \\"b\\" &amp; c\\\\d'
 * ```
 */
export function escapeDotText(text: string): string {
  return text.replace(/[\\"&]/g, (c) => (c === "&" ? "&amp;" : `\\${c}`));
}

/**
 * A DOT label from lines of text that are already {@link printable} (as `toDot` measures them):
 * each line escaped, joined with DOT's centred line break `\n`.
 *
 * @example
 * ```ts
 * dotLabel(["Foo @12", 'say "hi"']); // the DOT text "Foo @12\nsay \"hi\""
 * ```
 */
export function dotLabel(lines: readonly string[]): string {
  return `"${lines.map(escapeDotText).join("\\n")}"`;
}

/**
 * A DOT attribute value: strings quoted, made {@link printable} and escaped as labels are
 * (Graphviz's SVG writer keeps anything that looks like an entity, so `&` must be `&amp;` in
 * URLs and tooltips too for the SVG to carry the text unchanged). Numbers and booleans are
 * written as they are.
 *
 * @example
 * ```ts
 * dotValue("https://example.com/?a=1&b=2"); // "\"https://example.com/?a=1&amp;b=2\""
 * dotValue(0.25); // "0.25"
 * ```
 */
export function dotValue(value: string | number | boolean): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : `"${String(value)}"`;
  if (typeof value === "boolean") return value ? "true" : "false";
  return `"${escapeDotText(printable(value))}"`;
}

const DOT_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Whether `name` can be written as a bare DOT identifier (attribute names, node ids).
 *
 * @example
 * ```ts
 * isDotId("URL"); // true
 * isDotId("bad name"); // false
 * ```
 */
export function isDotId(name: string): boolean {
  return DOT_ID.test(name);
}
