import type { Selection } from "@heapgraph/graph";
import { selectionTable } from "../tables/selection-table.ts";
import { countNoun } from "../text/count-noun.ts";
import { toHtmlReport } from "./html-report.ts";

/**
 * The page `heapgraph refs`, `backrefs` and `chain --html` write: a selection's graph (SVG from
 * `renderSvg(toDot(selection))`) with a caption counting objects and references, and the
 * {@link selectionTable} of its objects under it.
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
export function selectionReportHtml(selection: Selection, svg: string, title: string): string {
  return toHtmlReport({
    title,
    parts: [
      { type: "graph", svg, caption: `${countNoun(selection.nodes.length, "object")}, ${countNoun(selection.edges.length, "reference")}; edges point from holder to held.` },
      { type: "table", table: selectionTable(selection) },
    ],
  });
}
