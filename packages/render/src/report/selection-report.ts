import type { Selection } from "@heapgraph/graph";
import type { InteractiveGraphData } from "../interactive/interactive-graph-types.ts";
import { selectionTable } from "../tables/selection-table.ts";
import { countNoun } from "../text/count-noun.ts";
import { toHtmlReport } from "./html-report.ts";

/**
 * The page `heapgraph refs`, `backrefs` and `chain --html` write: a selection's graph (SVG from
 * `renderSvg(toDot(selection))`) with a caption counting objects and references, and the
 * {@link selectionTable} of its objects under it. With `interactive` (`interactiveGraphData` of the
 * same selection), the graph is the interactive one, the SVG its fallback (`--interactive`).
 *
 * @throws {RenderError} `INVALID_OPTIONS` when `svg` is not SVG text.
 *
 * @example
 * ```ts
 * const selection = backrefs(graph, [leaked], { maxDepth: 3 });
 * const title = `Referrers of Session @${leaked.id}`;
 * const html = selectionReportHtml(selection, await renderSvg(toDot(selection, { title })), title);
 * ```
 */
export function selectionReportHtml(selection: Selection, svg: string, title: string, interactive?: InteractiveGraphData): string {
  const caption = `${countNoun(selection.nodes.length, "object")}, ${countNoun(selection.edges.length, "reference")}; edges point from holder to held.`;
  return toHtmlReport({
    title,
    parts: [
      interactive ? { type: "interactive", data: interactive, svg, caption: `${caption} Click a node to expand it (shift+click: the other way).` } : { type: "graph", svg, caption },
      { type: "table", table: selectionTable(selection) },
    ],
  });
}
