import type { Graphviz } from "@hpcc-js/wasm-graphviz";
import { z } from "zod";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { RenderError } from "../errors/render-error.ts";
import { loadGraphviz, messageOf } from "./load-graphviz.ts";
import { DEFAULT_LAYOUT_LIMITS, renderSvgOptions, type LayoutLimits, type RenderSvgOptions } from "./render-svg-options.ts";
import { svgForHtml } from "./svg-for-html.ts";

const dotText = z.string();

/**
 * Lays out DOT text (from {@link toDot}, or any DOT) with Graphviz compiled to WebAssembly and
 * returns SVG. Works the same on Node, Deno, Bun and in browsers: no `dot` binary, no processes.
 * The WebAssembly module is loaded once, on the first call, and reused.
 *
 * Graphs larger than the {@link LayoutLimits} are refused with `GRAPH_TOO_LARGE` instead of
 * freezing the process for minutes: draw less with `maxDepth`, `tooMany` or `filter`.
 *
 * @throws {RenderError} `INVALID_DOT` when Graphviz rejects the text (the module stays usable),
 * `GRAPH_TOO_LARGE`, `GRAPHVIZ_UNAVAILABLE`, `INVALID_OPTIONS`.
 *
 * @example
 * ```ts
 * import { refs } from "@heapgraph/graph";
 * import { renderSvg, toDot } from "@heapgraph/render";
 * const svg = await renderSvg(toDot(refs(graph, [y])), { inline: true });
 * document.body.insertAdjacentHTML("beforeend", svg);
 * ```
 */
export async function renderSvg(dot: string, rawOptions: RenderSvgOptions = {}): Promise<string> {
  const options = parseRenderOptions(renderSvgOptions, rawOptions, "renderSvg");
  parseRenderOptions(dotText, dot, "renderSvg: dot");
  const limits = layoutLimits(options.limits);
  const engine = options.engine ?? "dot";
  const gv = await loadGraphviz();
  if (limits) checkSize(gv, dot, limits);
  let svg: string;
  try {
    svg = gv.layout(dot, "svg", engine);
  } catch (error) {
    throw new RenderError("INVALID_DOT", `renderSvg: Graphviz rejected the DOT text (${messageOf(error)}): ${excerpt(dot)}`, { cause: error });
  }
  if (!svg.includes("<svg")) {
    throw new RenderError("INVALID_DOT", `renderSvg: Graphviz produced no SVG for ${excerpt(dot)}`);
  }
  return options.inline ? svgForHtml(svg) : svg;
}

function layoutLimits(limits: Partial<LayoutLimits> | false | undefined): LayoutLimits | null {
  if (limits === false) return null;
  if (limits === undefined) return DEFAULT_LAYOUT_LIMITS;
  return {
    maxNodes: limits.maxNodes ?? DEFAULT_LAYOUT_LIMITS.maxNodes,
    maxEdges: limits.maxEdges ?? DEFAULT_LAYOUT_LIMITS.maxEdges,
    maxExtraEdges: limits.maxExtraEdges ?? DEFAULT_LAYOUT_LIMITS.maxExtraEdges,
  };
}

function checkSize(gv: Graphviz, dot: string, limits: LayoutLimits): void {
  let nodes: number, edges: number;
  try {
    const graph = gv.read(dot);
    try {
      nodes = graph.nodeCount();
      edges = graph.edgeCount();
    } finally {
      graph.delete();
    }
  } catch (error) {
    throw new RenderError("INVALID_DOT", `renderSvg: Graphviz could not read the DOT text (${messageOf(error)}): ${excerpt(dot)}`, { cause: error });
  }
  const extra = edges - nodes;
  const over: string[] = [];
  if (nodes > limits.maxNodes) over.push(`${nodes} nodes (limit ${limits.maxNodes})`);
  if (edges > limits.maxEdges) over.push(`${edges} edges (limit ${limits.maxEdges})`);
  if (extra > limits.maxExtraEdges) over.push(`${extra} edges beyond one per node (limit ${limits.maxExtraEdges})`);
  if (over.length > 0) {
    throw new RenderError(
      "GRAPH_TOO_LARGE",
      `renderSvg: graph too large to lay out in reasonable time: ${over.join(", ")}. ` +
        "Draw less: lower maxDepth or tooMany, or pass a filter, in refs/backrefs; or raise renderSvg's limits.",
    );
  }
}

function excerpt(dot: string): string {
  const flat = dot.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat);
}
