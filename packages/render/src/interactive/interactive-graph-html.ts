import { z } from "zod";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { escapeHtml } from "../text/html-escape.ts";
import { INTERACTIVE_GRAPH_SCRIPT } from "./interactive-graph-script.ts";
import { interactiveGraphDataSchema } from "./interactive-graph-schema.ts";
import { INTERACTIVE_GRAPH_ATTRIBUTE, type InteractiveGraphData } from "./interactive-graph-types.ts";
import { jsonScriptText } from "./json-script.ts";

/**
 * The schema of {@link interactiveGraphHtml}'s options.
 *
 * @example
 * ```ts
 * interactiveGraphHtmlOptions.parse({ script: "mount", height: 600 });
 * ```
 */
export const interactiveGraphHtmlOptions = z.strictObject({
  /**
   * How the widget's script comes: `inline` (default: the whole bundle, once per fragment, so the
   * fragment works alone — a notebook output, a file opened from disk), `mount` (the page already
   * loaded `INTERACTIVE_GRAPH_SCRIPT`; a one-line call mounts the fragment), or `none` (the page
   * calls `window.heapgraphGraph.mountAll()` itself, e.g. under a Content-Security-Policy without
   * inline scripts).
   */
  script: z.enum(["inline", "mount", "none"]).optional(),
  /**
   * Trusted HTML shown until the script runs and wherever scripts do not run (a notebook viewer
   * that strips scripts): the static drawing (`svgForHtml` of `renderSvg`'s output). The caller
   * escapes it; the widget replaces it when it mounts.
   */
  fallbackHtml: z.string().optional(),
  /** The drawing's height in CSS pixels (default 480). */
  height: z.number().int().min(120).max(4000).optional(),
  /** The container's element id (default: one derived from the data). Letters, digits, `-`, `_`. */
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/).optional(),
});

/**
 * Options of {@link interactiveGraphHtml}.
 *
 * @example
 * ```ts
 * const options: InteractiveGraphHtmlOptions = { fallbackHtml: svgForHtml(svg), height: 520 };
 * ```
 */
export type InteractiveGraphHtmlOptions = z.input<typeof interactiveGraphHtmlOptions>;

let fragments = 0;

/**
 * A self-contained HTML fragment that draws `data` as the interactive reference graph: a
 * container `<div data-heapgraph-graph>` (holding `fallbackHtml` until the widget mounts), the
 * data in a `<script type="application/json">` block escaped so that no string can break out of
 * it (`</script>`, `<!--`, U+2028/2029), and the bundled widget script inline (or a call to the
 * one the page loaded). No network: it works in a page opened from disk and in a published
 * notebook. Heap strings reach the DOM only through `textContent` and the drawing's labels.
 *
 * @throws {RenderError} `INVALID_OPTIONS` when `data` or the options have the wrong shape.
 *
 * @example
 * ```ts
 * const data = interactiveGraphData(graph, backrefs(graph, [leaked]));
 * const svg = await renderSvg(toDot(backrefs(graph, [leaked])), { inline: true });
 * const html = toHtmlReport({ title: "what holds it", parts: [{ type: "html", html: interactiveGraphHtml(data, { fallbackHtml: svg }) }] });
 * ```
 */
export function interactiveGraphHtml(data: InteractiveGraphData, rawOptions: InteractiveGraphHtmlOptions = {}): string {
  const options = parseRenderOptions(interactiveGraphHtmlOptions, rawOptions, "interactiveGraphHtml");
  const checked = parseRenderOptions(interactiveGraphDataSchema, data, "interactiveGraphHtml: data");
  const json = jsonScriptText(checked);
  const id = options.id ?? `heapgraph-graph-${hash(json)}-${++fragments}`;
  const height = options.height ?? 480;
  const script = options.script ?? "inline";
  const parts = [
    `<div class="heapgraph-interactive" id="${escapeHtml(id)}" ${INTERACTIVE_GRAPH_ATTRIBUTE}="${escapeHtml(id)}-data" style="position:relative;height:${height}px;border:1px solid #ccc;overflow:hidden">`,
    options.fallbackHtml !== undefined ? `<div class="heapgraph-interactive-fallback" style="overflow:auto;height:100%">${options.fallbackHtml}</div>` : "",
    "</div>",
    `<script type="application/json" id="${escapeHtml(id)}-data">${json}</script>`,
  ];
  if (script === "inline") parts.push(`<script>${INTERACTIVE_GRAPH_SCRIPT}</script>`);
  else if (script === "mount") parts.push("<script>window.heapgraphGraph&&window.heapgraphGraph.mountAll()</script>");
  return parts.join("\n");
}

/** FNV-1a of the text, in base 36: a short id that differs between different graphs. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
