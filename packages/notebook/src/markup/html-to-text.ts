const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * A plain-text reading of an HTML fragment, for the `text/plain` part of a bundle when only
 * HTML was given: tags dropped, rows and blocks on their own lines, cells separated by two
 * spaces, entities decoded. `<svg>`, `<script>` and `<style>` contents are left out.
 *
 * @example
 * ```ts
 * htmlToText("<p>3 &lt; 4</p><table><tr><td>Foo</td><td>3</td></tr></table>"); // "3 < 4\nFoo  3"
 * ```
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(svg|script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\/(td|th)\s*>/gi, "  ")
    .replace(/<(br|hr)\b[^>]*>|<\/(p|div|tr|li|h[1-6]|table|thead|tbody|pre|caption|figure|figcaption|section|ul|ol)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .filter((line) => line.trim() !== "")
    .join("\n");
}
