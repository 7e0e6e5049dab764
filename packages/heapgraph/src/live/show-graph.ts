/**
 * Drawing a selection the way objgraph's `show_refs` does: inline in a notebook, else into a
 * file whose name is printed.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import type { HeapGraph, Selection, SelectionNode } from "@heapgraph/graph";
import { interactiveGraph, svgGraph, display } from "@heapgraph/notebook";
import { interactiveGraphData, renderSvg, toDot, toHtmlReport, type DotAttributes } from "@heapgraph/render";
import { z } from "zod";
import { writeFileAtomically } from "../files/write-file-atomically.ts";
import { LiveError } from "./live-error.ts";
import { callbackOption, flagOption, sinkOption } from "./live-options.ts";
import { printText, showsInline } from "./output.ts";

/**
 * How a live call draws its graph (options shared by `showRefs`, `showBackrefs` and
 * `showChain`), as a zod shape.
 *
 * @example
 * ```ts
 * const showChainOptions = liveOptions({ ...GRAPH_OUTPUT_SHAPE, backrefs: flagOption });
 * ```
 */
export const GRAPH_OUTPUT_SHAPE = {
  /**
   * Write the graph to this file instead of showing it inline, also in a notebook (as objgraph
   * does when given a filename): `.svg` (SVG), `.dot` (Graphviz DOT text) or `.html` (a
   * self-contained page), written atomically (the file appears only when complete). Outside a
   * notebook the default is a new `heapgraph-<call>-<random>.svg` in the OS temporary
   * directory. Either way the path is printed: `Graph written to <file> (N nodes)`.
   */
  filename: z.string({ error: "must be a file name" }).min(1, { error: "must be a file name" }).optional(),
  /** A title above the graph. */
  title: z.string({ error: "must be a string" }).optional(),
  /** More Graphviz attributes per node, e.g. `URL` or `tooltip` (objgraph's `extra_node_attrs`). */
  extraNodeAttrs: callbackOption<(node: SelectionNode) => DotAttributes | undefined | null>(),
  /** Where the "Graph written to" line goes (default: printed with `console.log`). */
  file: sinkOption,
  /**
   * Draw the interactive graph (pan, zoom, hover, click to expand a bounded neighbourhood; no
   * network) instead of the static one: inline in a notebook (the static SVG stays as the fallback
   * where scripts do not run), or in an `.html` file. Default false.
   */
  interactive: flagOption,
};

const graphOutputOptions = z.object(GRAPH_OUTPUT_SHAPE);

/**
 * How a live call draws its graph: `filename` (`.svg`, `.dot` or `.html`), `title`,
 * `extraNodeAttrs` and `file` (where the "Graph written to" line goes).
 *
 * @example
 * ```ts
 * const output: GraphOutputOptions = { filename: "backrefs.html", title: "Who holds it", extraNodeAttrs: (n) => ({ tooltip: n.preview }) };
 * await showBackrefs([leaked], output);
 * ```
 */
export type GraphOutputOptions = z.input<typeof graphOutputOptions>;

const FORMATS = [".svg", ".dot", ".html", ".htm"];

/**
 * Draws `selection`: in a Jupyter kernel with no `filename`, shows it inline (SVG inside HTML,
 * the form `nbconvert --to html` keeps); otherwise writes it to `filename` (or a new file in the
 * temporary directory) and prints `Graph written to <file> (N nodes)`. With `interactive` (and
 * the selection's `graph`), the inline output and `.html` files hold the interactive graph, the
 * SVG as its fallback.
 *
 * @throws {LiveError} `UNSUPPORTED_FILE` for another extension than `.svg`, `.dot`, `.html`.
 *
 * @example
 * ```ts
 * await showSelection("showRefs", refs(graph, nodes), { filename: "refs.svg" });
 * ```
 */
export async function showSelection(call: string, selection: Selection, options: GraphOutputOptions, graph?: HeapGraph): Promise<void> {
  const { filename, title, extraNodeAttrs, file } = options;
  const format = graphFormat(call, filename);
  const dot = toDot(selection, { ...(title !== undefined ? { title } : {}), ...(extraNodeAttrs ? { extraNodeAttrs } : {}) });
  const nodes = selection.nodes.length;
  const summary = `[${call}: ${nodes} node${nodes === 1 ? "" : "s"}${title ? `: ${title}` : ""}]`;
  const interactive = options.interactive === true && graph !== undefined ? interactiveGraphData(graph, selection, { ...(title !== undefined ? { title } : {}), chainToRoot: selection.kind === "backrefs" }) : undefined;
  if (filename === undefined && showsInline(file)) {
    const svg = await renderSvg(dot, { inline: true });
    display(interactive ? interactiveGraph(interactive, { svg, text: summary }) : svgGraph(svg, { ...(title !== undefined ? { title } : {}), text: summary }));
    return;
  }
  const path = filename ?? join(tmpdir(), `heapgraph-${call.replace(/[^A-Za-z]/g, "").toLowerCase()}-${randomBytes(4).toString("hex")}.svg`);
  let content: string;
  if (format === ".dot") content = dot;
  else {
    const svg = await renderSvg(dot, { inline: format !== ".svg" });
    content =
      format === ".svg"
        ? svg
        : toHtmlReport({ title: title ?? call, parts: [interactive ? { type: "interactive", data: interactive, svg } : { type: "graph", svg }] });
  }
  await writeFileAtomically(path, content);
  printText(`Graph written to ${path} (${nodes} node${nodes === 1 ? "" : "s"})`, file);
}

/**
 * The file format a graph `filename` asks for (`.svg` when none is given), checked before any
 * snapshot is taken.
 *
 * @throws {LiveError} `UNSUPPORTED_FILE` for another extension than `.svg`, `.dot`, `.html`.
 *
 * @example
 * ```ts
 * graphFormat("showRefs", "refs.dot"); // ".dot"
 * ```
 */
export function graphFormat(call: string, filename: string | undefined): string {
  const format = filename === undefined ? ".svg" : extname(filename).toLowerCase();
  if (!FORMATS.includes(format)) {
    throw new LiveError(
      "UNSUPPORTED_FILE",
      `${call}: cannot write ${JSON.stringify(filename)}: heapgraph draws .svg, .dot and .html files (no raster images)`,
    );
  }
  return format;
}
