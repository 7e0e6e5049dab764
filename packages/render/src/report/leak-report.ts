import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { leaksTable } from "../tables/leaks-table.ts";
import { chainText } from "../text/chain-text.ts";
import { countNoun } from "../text/count-noun.ts";
import { formatSize } from "../text/format-size.ts";
import type { ReportPart } from "./html-report-schema.ts";
import { leakHeadlinesText } from "./leak-headlines-text.ts";
import { toHtmlReport } from "./html-report.ts";
import { leakReportInput, type LeakReportInput } from "./leak-report-input.ts";

/**
 * The leak report `heapgraph leaks --html` writes, as one self-contained HTML page (see
 * `toHtmlReport`): the intro, the cluster table, the retaining chain of the top cluster's biggest
 * object (or `input.chain`) as text and as an inline SVG graph, and any extra tables. A notebook
 * or a script that has the clusters makes the same page.
 *
 * @throws {RenderError} `INVALID_OPTIONS` when the input has the wrong shape.
 *
 * @example
 * ```ts
 * import { findLeaks } from "@heapgraph/graph";
 * import { chainSvg, leakReportHtml } from "@heapgraph/render";
 * const clusters = findLeaks(baseline, target, final);
 * const steps = clusters[0].trace;
 * const html = leakReportHtml({
 *   title: "Leaks after logout",
 *   intro: "Baseline, target and final snapshots of the server, around 100 logins and logouts.",
 *   clusters,
 *   chain: { steps, svg: await chainSvg(final, steps), text: "The biggest leaked object is a Session." },
 * });
 * ```
 */
export function leakReportHtml(rawInput: LeakReportInput): string {
  const input = parseRenderOptions(leakReportInput, rawInput, "leakReportHtml");
  const parts: ReportPart[] = [{ type: "paragraph", text: input.intro }];
  const [top] = input.clusters;
  if (!top) {
    parts.push({ type: "paragraph", text: "No leak: no object allocated between the baseline and the target is still alive in the final snapshot." });
  } else {
    const steps = input.chain?.steps ?? top.trace;
    const leaked = steps.at(-1)!;
    parts.push(
      { type: "heading", text: "What leaks" },
      { type: "text", text: leakHeadlinesText(input.clusters, input.hidden, { showHidden: input.showHidden }) },
      { type: "heading", text: "Leak clusters" },
      { type: "table", table: leaksTable(input.clusters, { limit: 10, title: "Objects allocated during the action and still alive after it, grouped by retainer trace" }) },
      { type: "heading", text: `Top cluster: ${countNoun(top.count, "object")}, ${formatSize(top.retainedSize)} retained` },
      { type: "paragraph", text: input.chain?.text ?? `The biggest object of the cluster is ${leaked.className} @${leaked.id}.` },
      { type: "paragraph", text: "This chain of references, from a GC root, keeps it alive; break any link to free it." },
      { type: "text", text: chainText(steps, "") },
    );
    const caption = `The retaining chain of ${leaked.className} @${leaked.id}; edges point from holder to held.`;
    if (input.chain?.interactive) {
      parts.push({ type: "interactive", data: input.chain.interactive, ...(input.chain.svg ? { svg: input.chain.svg } : {}), caption: `${caption} Click a node to expand its referrers (shift+click: references).` });
    } else if (input.chain?.svg) parts.push({ type: "graph", svg: input.chain.svg, caption });
  }
  for (const table of input.tables ?? []) parts.push({ type: "table", table });
  return toHtmlReport({ title: input.title, parts });
}
