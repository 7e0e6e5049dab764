/**
 * The answer of a three-snapshot leak run, as `heapgraph leaks` gives it: headlines first, the
 * cluster table and the top cluster's chain as text, or `--json`; `--svg`/`--html` files. Shared
 * by the commands that end with a leak report (`run`; `leaks` prints the same).
 *
 * @module
 */
import type { HeapGraph, LeakReport } from "@heapgraph/graph";
import { chainGraphData, chainSvg, leakClustersTable, leakHeadlinesText, leakReportHtml, tableToText, topChainText } from "@heapgraph/render";
import type { CommandContext } from "./command.ts";
import { clusterJson, hiddenJson } from "../json/leak-report.ts";
import { printResult, writeOutputFile } from "./output.ts";

/**
 * What {@link printLeakReport} shows.
 *
 * @example
 * ```ts
 * const input: LeakOutput = { title: "heapgraph run", intro: "…", final, report, limit: 10, noLeaks: "No leaks.", json: {} };
 * ```
 */
export interface LeakOutput {
  /** The HTML report's title. */
  readonly title: string;
  /** The HTML report's first paragraph: where the snapshots came from. */
  readonly intro: string;
  /** The final snapshot, where the chains are drawn. */
  readonly final: HeapGraph;
  readonly report: LeakReport;
  /** How many clusters to show. */
  readonly limit: number;
  /** The text when nothing leaked. */
  readonly noLeaks: string;
  /** Fields put first in the `--json` result. */
  readonly json: Readonly<Record<string, unknown>>;
  readonly svgFile?: string | undefined;
  readonly htmlFile?: string | undefined;
  /** The HTML report draws the chain as the interactive graph (`--interactive`). */
  readonly interactive?: boolean | undefined;
}

/**
 * Writes the `--svg`/`--html` files of a leak report and prints it (text or `--json`:
 * `{ ...json, clusterCount, clusters, hidden, files }`); returns that JSON result.
 *
 * @example
 * ```ts
 * await printLeakReport(ctx, { title: "heapgraph leaks", intro, final, report, limit, noLeaks: "No leaks.\n", json: { baseline, target, final: finalFile }, htmlFile });
 * ```
 */
export async function printLeakReport(ctx: CommandContext, out: LeakOutput): Promise<Record<string, unknown>> {
  const { report, limit, final, svgFile, htmlFile } = out;
  const all = report.clusters;
  const clusters = all.slice(0, limit);
  const files: { svg?: string; html?: string } = {};
  if ((svgFile || htmlFile) && clusters.length > 0) {
    ctx.progress.update("drawing the chain", null);
    const svg = await chainSvg(final, clusters[0].trace);
    if (svgFile) await writeOutputFile((files.svg = svgFile), svg);
    if (htmlFile) {
      const intro = `${out.intro} A leaked object was allocated between the baseline and the target and is still alive in the final snapshot.`;
      await writeOutputFile((files.html = htmlFile), leakReportHtml({ title: out.title, intro, clusters, hidden: report.hidden, showHidden: "--all", chain: { steps: clusters[0].trace, svg, ...(out.interactive ? { interactive: chainGraphData(final, clusters[0].trace) } : {}), text: `The biggest object of the largest cluster is ${clusters[0].trace.at(-1)!.className} @${clusters[0].representativeId}.` } }));
    }
  } else if (htmlFile) {
    await writeOutputFile((files.html = htmlFile), leakReportHtml({ title: out.title, intro: out.intro, clusters, hidden: report.hidden, showHidden: "--all" }));
  }
  const result = { ...out.json, clusterCount: all.length, clusters: clusters.map(clusterJson), hidden: hiddenJson(report.hidden), files };
  printResult(ctx, result, () => {
    const written = [files.svg, files.html].filter(Boolean).map((f) => `wrote ${f}\n`).join("");
    const headlines = leakHeadlinesText(all, report.hidden, { limit, showHidden: "--all" });
    if (clusters.length === 0) return `${out.noLeaks}\n${report.hidden.clusters ? headlines : ""}${written}`;
    return `${headlines}\n${tableToText(leakClustersTable(all, Number.isFinite(limit) ? { limit } : {}))}\n${topChainText(clusters[0])}${written}`;
  });
  return result;
}
