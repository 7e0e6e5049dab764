// Drawings measured in a real browser: a page with SVG drawings inline and a script that, once
// Chromium has laid the page out, measures every node's text against its box (getBBox), the
// contrast of every node's text colour on its fill, the title's distance to the drawing's edges,
// and edge labels drawn over node boxes. The results come back through `--dump-dom`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { svgForHtml } from "../../src/index.ts";
import { runChromium } from "./headless-chromium.ts";

/** A drawing to measure: SVG text from `renderSvg`. */
export interface Drawing {
  readonly name: string;
  readonly svg: string;
}

/** A node's text line that reaches past its box (less than {@link TEXT_CLEARANCE} inside), in points. */
export interface Overflow {
  readonly node: string;
  readonly text: string;
  /** How far the text reaches past the box's inner edge, in points (> 0). */
  readonly by: number;
  readonly textBox: readonly number[];
  readonly shapeBox: readonly number[];
}

/** What the page measured of one drawing (lengths in points, the SVG's user units). */
export interface MeasuredDrawing {
  readonly name: string;
  readonly nodes: number;
  readonly texts: number;
  readonly overflows: readonly Overflow[];
  readonly lowContrast: readonly { readonly node: string; readonly text: string; readonly ratio: number; readonly fill: string; readonly colour: string }[];
  /** The title's distance to the drawing's left, right and top edges, when it has a title. */
  readonly title: { readonly text: string; readonly left: number; readonly right: number; readonly top: number } | null;
  readonly edgeLabelsOnNodes: readonly { readonly edge: string; readonly text: string; readonly node: string }[];
}

/** How far inside its box's border every text line must stay, in points. */
export const TEXT_CLEARANCE = 1;

// Plain JavaScript run by the page (not transpiled), so no TypeScript syntax in it.
const MEASURE = String.raw`
(() => {
  const CLEARANCE = ${TEXT_CLEARANCE};
  const round = (x) => Math.round(x * 100) / 100;
  const rect = (b) => [round(b.x), round(b.y), round(b.width), round(b.height)];
  const rgb = (c) => { const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(c); return m ? [+m[1], +m[2], +m[3]] : null; };
  const channel = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const contrast = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const titleOf = (g) => (g.querySelector("title") || {}).textContent || "?";
  // The box of a text's visible characters: labels may carry spaces on both sides (toDot pads
  // edge labels and titles so that Graphviz keeps room for them), which draw nothing.
  const ink = (text) => {
    const s = text.textContent, blank = /[\s\u00a0]/;
    let first = 0, last = s.length - 1;
    while (first <= last && blank.test(s[first])) first++;
    while (last >= first && blank.test(s[last])) last--;
    if (first > last) return text.getBBox();
    const a = text.getExtentOfChar(first), b = text.getExtentOfChar(last);
    const x = Math.min(a.x, b.x), right = Math.max(a.x + a.width, b.x + b.width);
    const y = Math.min(a.y, b.y), bottom = Math.max(a.y + a.height, b.y + b.height);
    return { x, y, width: right - x, height: bottom - y };
  };
  const out = [];
  try {
  for (const figure of document.querySelectorAll("figure[data-drawing]")) {
    const svg = figure.querySelector("svg");
    const drawing = { name: figure.dataset.drawing, nodes: 0, texts: 0, overflows: [], lowContrast: [], title: null, edgeLabelsOnNodes: [] };
    const boxes = [];
    for (const node of svg.querySelectorAll("g.node")) {
      drawing.nodes++;
      const id = titleOf(node);
      const shape = node.querySelector("polygon, ellipse, path, polyline, rect");
      const box = shape.getBBox();
      boxes.push([id, box]);
      const fill = rgb(getComputedStyle(shape).fill);
      for (const text of node.querySelectorAll("text")) {
        drawing.texts++;
        const t = text.getBBox();
        const by = Math.max(
          box.x + CLEARANCE - t.x,
          t.x + t.width - (box.x + box.width - CLEARANCE),
          box.y + CLEARANCE - t.y,
          t.y + t.height - (box.y + box.height - CLEARANCE),
        );
        if (by > 0) drawing.overflows.push({ node: id, text: text.textContent, by: round(by), textBox: rect(t), shapeBox: rect(box) });
        const colour = rgb(getComputedStyle(text).fill);
        if (fill && colour) {
          const ratio = contrast(fill, colour);
          if (ratio < 4.5) drawing.lowContrast.push({ node: id, text: text.textContent, ratio: round(ratio), fill: String(fill), colour: String(colour) });
        }
      }
    }
    // The title is text right in the graph's group, whose first polygon is the drawing's white background.
    const graph = svg.querySelector("g.graph");
    const titles = [...graph.children].filter((e) => e.tagName === "text");
    if (titles.length > 0) {
      const page = graph.querySelector("polygon").getBBox();
      const r = titles.map(ink);
      const left = Math.min(...r.map((b) => b.x)), right = Math.max(...r.map((b) => b.x + b.width)), top = Math.min(...r.map((b) => b.y));
      drawing.title = { text: titles.map((t) => t.textContent.trim()).join(" "), left: round(left - page.x), right: round(page.x + page.width - right), top: round(top - page.y) };
    }
    for (const edge of svg.querySelectorAll("g.edge")) {
      for (const text of edge.querySelectorAll("text")) {
        const t = ink(text);
        for (const [id, b] of boxes) {
          if (t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height) {
            drawing.edgeLabelsOnNodes.push({ edge: titleOf(edge), text: text.textContent, node: id });
          }
        }
      }
    }
    out.push(drawing);
  }
  } catch (error) {
    out.push({ error: String(error && error.stack || error) });
  }
  document.getElementById("measured").textContent = encodeURIComponent(JSON.stringify(out));
})();
`;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** The page: each drawing inline in a `<figure data-drawing>`, then the measuring script. */
export function drawingsPage(drawings: readonly Drawing[]): string {
  const figures = drawings.map((d) => `<figure data-drawing="${escapeHtml(d.name)}"><figcaption>${escapeHtml(d.name)}</figcaption>\n${svgForHtml(d.svg)}\n</figure>`);
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>drawings</title>
<style>body { margin: 16px; background: white; } figure { margin: 0 0 24px; } figcaption { font: 12px sans-serif; }</style>
</head><body>\n${figures.join("\n")}\n<pre id="measured" hidden></pre>\n<script>${MEASURE}</script>\n</body></html>\n`;
}

/**
 * Opens {@link drawingsPage} in headless Chromium and returns what it measured. With `screenshot`,
 * also writes a PNG of the page there (for a person to look at).
 */
export async function measureInChromium(drawings: readonly Drawing[], screenshot?: string): Promise<MeasuredDrawing[]> {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-drawings-"));
  try {
    const page = join(dir, "drawings.html");
    writeFileSync(page, drawingsPage(drawings));
    if (screenshot) await runChromium(dir, [`--screenshot=${screenshot}`, "--window-size=1400,6000"], pathToFileURL(page).href);
    const dom = await runChromium(dir, ["--dump-dom"], pathToFileURL(page).href);
    const found = /<pre id="measured"[^>]*>([^<]*)<\/pre>/.exec(dom);
    if (!found || found[1] === "") throw new Error(`the page's measuring script left no result; the page ends with: ${dom.slice(-500)}`);
    const measured = JSON.parse(decodeURIComponent(found[1]!)) as (MeasuredDrawing | { error: string })[];
    const failed = measured.find((m): m is { error: string } => "error" in m);
    if (failed) throw new Error(`the page's measuring script failed: ${failed.error}`);
    return measured as MeasuredDrawing[];
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
