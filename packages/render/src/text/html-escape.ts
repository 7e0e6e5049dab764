import { printable } from "./printable-text.ts";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text made safe for HTML element content and quoted attribute values: `& < > " '` become
 * entities, and control characters visible escapes (see {@link printable}), so that any string
 * shows as itself. With `multiline`, line feeds and tabs are kept (for `<pre>`).
 *
 * @example
 * ```ts
 * escapeHtml('<b class="x">Tom & Jerry</b>'); // "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/b&gt;"
 * ```
 */
export function escapeHtml(text: string, options: { multiline?: boolean } = {}): string {
  return printable(text, Number.POSITIVE_INFINITY, options).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
