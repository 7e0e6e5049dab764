const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and `'`.
 * Use it for every class name, property name and value preview put into HTML: heap strings
 * are program data and may contain markup.
 *
 * @example
 * ```ts
 * escapeHtml(`Map<string, "a&b">`); // "Map&lt;string, &quot;a&amp;b&quot;&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
