/**
 * `--dot FILE`, `--svg FILE` and `--html FILE`: a selection (refs, backrefs, a chain) drawn
 * in objgraph's style and written atomically.
 *
 * @module
 */
import type { Selection } from "@heapgraph/graph";
import { formatCount, formatSize, printable, renderSvg, toDot, toHtmlReport, type Table } from "@heapgraph/render";
import { stringOption } from "./args.ts";
import type { Command, CommandArgs, CommandContext, OptionSpec } from "./command.ts";
import { writeOutputFile } from "./output.ts";

/**
 * The drawing options shared by `chain`, `refs` and `backrefs`.
 *
 * @example
 * ```ts
 * const options = { ...TARGET_OPTIONS, ...GRAPH_FILE_OPTIONS };
 * ```
 */
export const GRAPH_FILE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  dot: { type: "string", value: "FILE", help: "write the graph as Graphviz DOT text" },
  svg: { type: "string", value: "FILE", help: "write the graph as SVG (Graphviz, built in)" },
  html: { type: "string", value: "FILE", help: "write a self-contained HTML page with the graph and its nodes" },
};

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
 * const files = graphFiles(refsCommand, args); // { svg: "refs.svg" }
 * ```
 */
export function graphFiles(command: Command, args: CommandArgs): GraphFiles {
  const out: { dot?: string; svg?: string; html?: string } = {};
  for (const format of ["dot", "svg", "html"] as const) {
    const path = stringOption(command, args, format);
    if (path !== undefined) out[format] = path;
  }
  return out;
}

/**
 * Draws `selection` into the files asked for and returns them (format to path). Graphviz runs
 * only when SVG or HTML is asked for.
 *
 * @example
 * ```ts
 * await writeGraphFiles({ svg: "chain.svg" }, chainSelection(graph, nodes), "Chain of Foo @12", ctx);
 * ```
 */
export async function writeGraphFiles(files: GraphFiles, selection: Selection, title: string, ctx: CommandContext): Promise<GraphFiles> {
  if (!files.dot && !files.svg && !files.html) return {};
  const dot = toDot(selection, { title });
  if (files.dot) await writeOutputFile(files.dot, dot);
  if (files.svg || files.html) {
    ctx.progress.update("laying out the graph", null);
    const svg = await renderSvg(dot);
    if (files.svg) await writeOutputFile(files.svg, svg);
    if (files.html) {
      const html = toHtmlReport({
        title,
        parts: [
          { type: "graph", svg, caption: `${selection.nodes.length} objects, ${selection.edges.length} references; edges point from holder to held.` },
          { type: "table", table: selectionTable(selection) },
        ],
      });
      await writeOutputFile(files.html, html);
    }
  }
  return files;
}

/**
 * The nodes of a selection as a table: depth, class and id, preview, sizes, and cut edges.
 *
 * @example
 * ```ts
 * io.out(tableToText(selectionTable(selection)));
 * ```
 */
export function selectionTable(selection: Selection): Table {
  return {
    title: "Objects",
    columns: [
      { header: "Depth", align: "right" },
      { header: "Class", align: "left" },
      { header: "Id", align: "left" },
      { header: "Preview", align: "left" },
      { header: "Self size", align: "right" },
      { header: "Retained size", align: "right" },
      { header: "Not shown", align: "right" },
    ],
    rows: selection.nodes.map((n) => [
      String(n.depth),
      printable(n.className, 60),
      `@${n.id}`,
      n.preview && n.preview !== n.className ? printable(n.preview, 50) : "",
      formatSize(n.selfSize),
      formatSize(n.retainedSize),
      n.truncated > 0 ? formatCount(n.truncated) : "",
    ]),
  };
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
