import type { Graphviz } from "@hpcc-js/wasm-graphviz";
import { checkOptions } from "./check-options.ts";
import { RenderError } from "./render-error.ts";
import { svgForHtml } from "./svg-for-html.ts";

/** A Graphviz layout engine. `dot` (the default) is the one objgraph uses. */
export type LayoutEngine = "dot" | "neato" | "fdp" | "sfdp" | "circo" | "twopi" | "osage" | "patchwork";

/**
 * How large a graph {@link renderSvg} agrees to lay out. Graphviz's `dot` layout is fast on trees
 * but grows steeply with edges that close cycles or cross levels (its crossing minimisation), and
 * a WebAssembly call cannot be interrupted, so graphs past these limits are refused up front.
 * See the package README for the measurements behind the defaults.
 */
export interface LayoutLimits {
  /** Most nodes (more-references boxes included). */
  readonly maxNodes: number;
  /** Most edges. */
  readonly maxEdges: number;
  /** Most edges beyond one per node (`edges - nodes`): what makes `dot` slow. */
  readonly maxExtraEdges: number;
}

/**
 * The default {@link LayoutLimits}, measured as described in the README.
 *
 * @example
 * ```ts
 * await renderSvg(dot, { limits: { maxNodes: 2 * DEFAULT_LAYOUT_LIMITS.maxNodes } });
 * ```
 */
export const DEFAULT_LAYOUT_LIMITS: LayoutLimits = Object.freeze({ maxNodes: 2500, maxEdges: 3000, maxExtraEdges: 250 });

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** Graphviz layout engine (default `dot`). */
  engine?: LayoutEngine;
  /** Leave out the XML declaration and DOCTYPE, for SVG inside HTML (see {@link svgForHtml}). Default false. */
  inline?: boolean;
  /** Override some of {@link DEFAULT_LAYOUT_LIMITS}, or `false` to lay out whatever size. */
  limits?: Partial<LayoutLimits> | false;
}

let loading: Promise<Graphviz> | undefined;

/**
 * The Graphviz WebAssembly module, loaded on first use and shared by every later call (the same
 * promise each time). A failed load is not cached, so a later call tries again.
 *
 * @example
 * ```ts
 * const graphviz = await loadGraphviz();
 * graphviz.version(); // "16.1.0"
 * ```
 */
export function loadGraphviz(): Promise<Graphviz> {
  loading ??= import("@hpcc-js/wasm-graphviz")
    .then((m) => m.Graphviz.load())
    .catch((error: unknown) => {
      loading = undefined;
      throw new RenderError("GRAPHVIZ_UNAVAILABLE", `renderSvg: could not load @hpcc-js/wasm-graphviz: ${messageOf(error)}`, { cause: error });
    });
  return loading;
}

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
export async function renderSvg(dot: string, options: RenderSvgOptions = {}): Promise<string> {
  checkOptions("renderSvg", options, { engine: "engine", inline: "boolean", limits: "recordOrFalse" });
  if (typeof dot !== "string") throw new RenderError("INVALID_OPTIONS", `renderSvg: dot must be a string, got ${typeof dot}`);
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
  checkOptions("renderSvg limits", limits, { maxNodes: "positive", maxEdges: "positive", maxExtraEdges: "positive" });
  return { ...DEFAULT_LAYOUT_LIMITS, ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) };
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

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim();
}

function excerpt(dot: string): string {
  const flat = dot.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat);
}
