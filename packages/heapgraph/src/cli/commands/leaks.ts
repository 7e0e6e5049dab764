/**
 * `heapgraph leaks BASELINE TARGET FINAL`: memlab's three-snapshot leak detection.
 *
 * @module
 */
import { findLeaks } from "@heapgraph/graph";
import { chainSvg, leakClustersTable, leakReportHtml, tableToText, topChainText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { limitFlag, outputFileFlag } from "../flags.ts";
import { clusterJson } from "../leak-report.ts";
import { loadGraph } from "../load-graph.ts";
import { checkOutputDirectory, printResult, writeOutputFile } from "../output.ts";
import { STABLE_IDS_OPTION, withStableIds } from "../stable-ids.ts";

/**
 * `leaks BASELINE TARGET FINAL [--limit N] [--svg FILE] [--html FILE] [--stable-ids]`.
 * JSON: `{ baseline, target, final, clusterCount, clusters: [{ count, retainedSize, selfSize, classes, representativeId, ids, trace }], files }`.
 *
 * @example
 * ```ts
 * await main(["leaks", "baseline.heapsnapshot", "target.heapsnapshot", "final.heapsnapshot", "--html", "leaks.html"]);
 * ```
 */
export const leaksCommand = defineCommand({
  name: "leaks",
  summary: "objects allocated between BASELINE and TARGET and still alive in FINAL, clustered by retainer trace (memlab)",
  positionals: ["BASELINE", "TARGET", "FINAL"],
  options: {
    limit: limitFlag("how many clusters to report (default 10; all: every cluster)", 10),
    svg: outputFileFlag("svg", "write the top cluster's retaining chain as SVG (.svg)"),
    html: outputFileFlag("html", "write a self-contained HTML report, tables and the chain graph (.html)"),
    "stable-ids": STABLE_IDS_OPTION,
  },
  details: `
Take BASELINE, do the thing that should not leak (requests, open and close a page), take
TARGET, let it finish, take FINAL. All three must come from one process, captured over one
inspector connection (heapgraph capture, or DevTools without closing it), so that heap ids
match; Bun's ids do not, and leaks then answers with exit code 1.`,
  examples: ["heapgraph leaks baseline.heapsnapshot target.heapsnapshot final.heapsnapshot --html leaks.html"],
  async run(args, ctx) {
    const { limit, svg: svgFile, html: htmlFile } = args.values;
    const [baselineFile, targetFile, finalFile] = args.positionals;
    await checkOutputDirectory(svgFile, htmlFile);
    const baseline = await loadGraph(baselineFile, ctx, { index: 0, count: 3 });
    const target = await loadGraph(targetFile, ctx, { index: 1, count: 3 });
    const final = await loadGraph(finalFile, ctx, { index: 2, count: 3 });
    ctx.progress.update("finding leaks", null);
    const stableIds = args.values["stable-ids"];
    const all = withStableIds("leaks", [baselineFile, targetFile, finalFile], () => findLeaks(baseline, target, final, stableIds ? { stableIds } : {}));
    const clusters = all.slice(0, limit);
    const files: { svg?: string; html?: string } = {};
    if ((svgFile || htmlFile) && clusters.length > 0) {
      ctx.progress.update("drawing the chain", null);
      const svg = await chainSvg(final, clusters[0].trace);
      if (svgFile) await writeOutputFile((files.svg = svgFile), svg);
      if (htmlFile) {
        const intro = `Baseline ${baselineFile}, target ${targetFile}, final ${finalFile}. A leaked object was allocated between the baseline and the target and is still alive in the final snapshot.`;
        await writeOutputFile((files.html = htmlFile), leakReportHtml({ title: "heapgraph leaks", intro, clusters, chain: { steps: clusters[0].trace, svg, text: `The biggest object of the largest cluster is ${clusters[0].trace.at(-1)!.className} @${clusters[0].representativeId}.` } }));
      }
    } else if (htmlFile) {
      const intro = `Baseline ${baselineFile}, target ${targetFile}, final ${finalFile}.`;
      await writeOutputFile((files.html = htmlFile), leakReportHtml({ title: "heapgraph leaks", intro, clusters }));
    }
    const result = { baseline: baselineFile, target: targetFile, final: finalFile, clusterCount: all.length, clusters: clusters.map(clusterJson), files };
    printResult(ctx, result, () => {
      const written = [files.svg, files.html].filter(Boolean).map((f) => `wrote ${f}\n`).join("");
      if (clusters.length === 0) return `No leaks: nothing allocated between ${baselineFile} and ${targetFile} is still alive in ${finalFile}.\n${written}`;
      return `${tableToText(leakClustersTable(all, Number.isFinite(limit) ? { limit } : {}))}\n${topChainText(clusters[0])}${written}`;
    });
  },
});
