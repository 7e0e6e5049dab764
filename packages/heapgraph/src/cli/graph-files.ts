/**
 * `--dot FILE`, `--svg FILE` and `--html FILE`: a selection (refs, backrefs, a chain) drawn
 * in objgraph's style and written atomically.
 *
 * @module
 */
import type { HeapGraph, Selection } from "@heapgraph/graph";
import { countNoun, DEFAULT_LAYOUT_LIMITS, formatCount, interactiveGraphData, RenderError, renderSvg, selectionReportHtml, toDot } from "@heapgraph/render";
import { CliError } from "./cli-error.ts";
import type { CommandContext, OptionSpecs } from "./command.ts";
import { interactiveFlag, outputFileFlag } from "./flags.ts";
import { writeOutputFile } from "./output.ts";

/**
 * The drawing options shared by `chain`, `refs` and `backrefs`.
 *
 * @example
 * ```ts
 * const options = { ...TARGET_OPTIONS, ...GRAPH_FILE_OPTIONS };
 * ```
 */
export const GRAPH_FILE_OPTIONS = {
  dot: outputFileFlag("dot", "write the graph as Graphviz DOT text (.dot or .gv)"),
  svg: outputFileFlag("svg", "write the graph as SVG (Graphviz, built in; .svg)"),
  html: outputFileFlag("html", "write a self-contained HTML page with the graph and its nodes (.html)"),
  interactive: interactiveFlag(),
} satisfies OptionSpecs;

/**
 * Where to write the drawing, by format.
 *
 * @example
 * ```ts
 * const files: GraphFiles = { svg: "chain.svg", html: "chain.html" };
 * ```
 */
export interface GraphFiles {
  readonly dot?: string;
  readonly svg?: string;
  readonly html?: string;
}

/**
 * The `--dot`, `--svg` and `--html` paths given on the command line.
 *
 * @example
 * ```ts
 * const files = graphFiles(args.values); // { svg: "refs.svg" }
 * ```
 */
export function graphFiles(values: GraphFiles): GraphFiles {
  const out: { dot?: string; svg?: string; html?: string } = {};
  for (const format of ["dot", "svg", "html"] as const) {
    const path = values[format];
    if (path !== undefined) out[format] = path;
  }
  return out;
}

/**
 * Draws `selection` into the files asked for and returns them (format to path). Graphviz runs
 * only when SVG or HTML is asked for. `drawLess` says, in the command's flags, how to draw a
 * smaller graph when Graphviz's size limits refuse this one (see {@link graphTooLarge}). With
 * `interactive` (`--interactive`), the HTML page draws the interactive graph over `graph`.
 *
 * @throws {CliError} `UNANSWERABLE` when the graph is too large to lay out; `CANNOT_WRITE`.
 *
 * @example
 * ```ts
 * await writeGraphFiles({ svg: "chain.svg" }, chainSelection(graph, nodes), "Chain of Foo @12", ctx, "use --to root");
 * ```
 */
export async function writeGraphFiles(
  files: GraphFiles,
  selection: Selection,
  title: string,
  ctx: CommandContext,
  drawLess: string,
  interactive?: { readonly graph: HeapGraph } | undefined,
): Promise<GraphFiles> {
  if (!files.dot && !files.svg && !files.html) return {};
  const dot = toDot(selection, { title });
  if (files.dot) await writeOutputFile(files.dot, dot);
  if (files.svg || files.html) {
    ctx.progress.update("laying out the graph", null);
    const svg = await renderSvg(dot).catch((error: unknown) => {
      throw graphTooLarge(error, `${countNoun(selection.nodes.length, "object")} and ${countNoun(selection.edges.length, "reference")}`, drawLess, { dotFile: files.dot });
    });
    if (files.svg) await writeOutputFile(files.svg, svg);
    if (files.html) {
      const data = interactive ? interactiveGraphData(interactive.graph, selection, { title, chainToRoot: selection.kind === "backrefs" }) : undefined;
      await writeOutputFile(files.html, selectionReportHtml(selection, svg, title, data));
    }
  }
  return files;
}

/**
 * The lines saying which files were written.
 *
 * @example
 * ```ts
 * io.out(writtenLines({ svg: "a.svg" })); // "wrote a.svg\n"
 * ```
 */
export function writtenLines(files: GraphFiles): string {
  return [files.dot, files.svg, files.html].filter((f): f is string => !!f).map((f) => `wrote ${f}\n`).join("");
}

/**
 * Graphviz's size limit (`GRAPH_TOO_LARGE` from `@heapgraph/render`) in the command's terms: an
 * `UNANSWERABLE` `CliError` saying how large the drawing is, the limits, and `drawLess` (which of
 * the command's flags draw less). With `dot` (commands that have `--dot FILE`) it adds that
 * `--dot` writes a graph of any size for Graphviz's own `dot`. Other errors pass through.
 *
 * @example
 * ```ts
 * await renderSvg(dot).catch((e) => Promise.reject(graphTooLarge(e, "812 objects", "lower --depth (now 5)", { dotFile: "refs.dot" })));
 * ```
 */
export function graphTooLarge(error: unknown, size: string, drawLess: string, dot?: { readonly dotFile?: string | undefined }): unknown {
  if (!(error instanceof RenderError) || error.code !== "GRAPH_TOO_LARGE") return error;
  const { maxNodes, maxEdges } = DEFAULT_LAYOUT_LIMITS;
  const layOut = (file: string) => `lay it out with Graphviz's own dot (dot -Tsvg ${file} -o graph.svg), which has no such limit`;
  const dotHint = !dot ? "" : dot.dotFile ? `; ${dot.dotFile} was written: ${layOut(dot.dotFile)}` : `; or write --dot FILE alone and ${layOut("FILE")}`;
  return new CliError(
    "UNANSWERABLE",
    `the graph is too large to draw in reasonable time (${size}; the built-in layout stops at ${formatCount(maxNodes)} objects, ${formatCount(maxEdges)} references, or too many cross links). Draw less: ${drawLess}${dotHint}.`,
    { cause: error },
  );
}
