/**
 * The HTML shell of a local page: its scripts and styles from `/assets/` with the CSP nonce, its
 * data as inert JSON, and the token where its scripts can find it.
 *
 * @module
 */
import { escapeHtml } from "@heapgraph/render";

/** Options of {@link pageHtml}. */
export interface PageHtmlOptions {
  /** The page title (escaped here). */
  readonly title: string;
  /** This response's CSP nonce: `c.get("secureHeadersNonce")`. */
  readonly nonce: string;
  /** The server's token: `c.get("token")`. */
  readonly token: string;
  /** Asset names to load as scripts, in order (`["graph.js", "explore.js"]`). */
  readonly scripts?: readonly string[];
  /** Asset names to load as style sheets (`["explore.css"]`). */
  readonly styles?: readonly string[];
  /** The body's HTML — already safe: escape every heap string with `escapeHtml`. */
  readonly body?: string;
  /** Data for the scripts, embedded as JSON (`<script type="application/json" id="heapgraph-data">`), safe for any strings. */
  readonly data?: unknown;
}

/**
 * A complete HTML page for the local server. The token is in `<meta name="heapgraph-token">`:
 * page scripts read it (`document.querySelector('meta[name="heapgraph-token"]').content`) and send
 * it as the `X-Heapgraph-Token` header on API calls. Embedded data is JSON with `<`, `>`, `&`,
 * U+2028 and U+2029 written as `\u` escapes, so no heap string can end the script element.
 *
 * @example
 * ```ts
 * app.get("/", (c) => c.html(pageHtml({
 *   title: "heapgraph explore", nonce: c.get("secureHeadersNonce"), token: c.get("token"),
 *   scripts: ["explore.js"], styles: ["explore.css"], data: { files: ["a.heapsnapshot"] },
 * })));
 * ```
 */
export function pageHtml(options: PageHtmlOptions): string {
  const nonce = escapeHtml(options.nonce);
  const token = encodeURIComponent(options.token);
  const asset = (name: string) => `/assets/${encodeURIComponent(name)}?token=${token}`;
  const styles = (options.styles ?? []).map((name) => `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(asset(name))}">`);
  const scripts = (options.scripts ?? []).map((name) => `<script nonce="${nonce}" src="${escapeHtml(asset(name))}"></script>`);
  const data =
    options.data === undefined ? "" : `<script type="application/json" id="heapgraph-data" nonce="${nonce}">${safeJson(options.data)}</script>\n`;
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="heapgraph-token" content="${escapeHtml(options.token)}">\n` +
    // No favicon request (it would carry no token): an empty data: icon.
    `<link rel="icon" href="data:,">\n` +
    `<title>${escapeHtml(options.title)}</title>\n${styles.join("\n")}\n</head>\n<body>\n` +
    `${options.body ?? ""}\n${data}${scripts.join("\n")}\n</body>\n</html>\n`
  );
}

/**
 * `JSON.stringify(value)` safe inside an HTML `<script>` element.
 *
 * @example
 * ```ts
 * safeJson({ name: "</script>" }); // '{"name":"\\u003c/script\\u003e"}'
 * ```
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
