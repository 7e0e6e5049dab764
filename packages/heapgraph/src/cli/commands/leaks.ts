/**
 * `heapgraph leaks BASELINE TARGET FINAL`: memlab's three-snapshot leak detection.
 *
 * @module
 */
import { leakReport } from "@heapgraph/graph";
import { chainSvg, leakClustersTable, leakHeadlinesText, leakReportHtml, tableToText, topChainText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { limitFlag, outputFileFlag, switchFlag } from "../flags.ts";
import { NOISE_FLAGS, noiseOptions } from "../noise-flags.ts";
import { clusterJson, hiddenJson } from "../leak-report.ts";
import { loadGraph } from "../load-graph.ts";
import { checkOutputDirectory, printResult, writeOutputFile } from "../output.ts";
import { STABLE_IDS_OPTION, withStableIds } from "../stable-ids.ts";

/**
 * `leaks BASELINE TARGET FINAL [--limit N] [--all] [--class PATTERN]… [--type TYPE]… [--user] [--svg FILE] [--html FILE] [--stable-ids]`.
 * Prints the answer first: one headline per cluster (the growing holder, its growth, what it holds).
 * JSON: `{ baseline, target, final, clusterCount, clusters: [{ headline, holder, count, retainedSize, selfSize, classes, representativeId, ids, trace }], hidden, files }`.
 *
 * @example
 * ```ts
 * await main(["leaks", "baseline.heapsnapshot", "target.heapsnapshot", "final.heapsnapshot", "--html", "leaks.html"]);
 * ```
 */
export const leaksCommand = defineCommand({
  name: "leaks",
  summary: "what leaked: objects allocated between BASELINE and TARGET and alive in FINAL, each cluster headed by the holder that grew (memlab)",
  positionals: ["BASELINE", "TARGET", "FINAL"],
  options: {
    limit: limitFlag("how many clusters to report (default 10; all: every cluster)", 10),
    ...NOISE_FLAGS,
    all: switchFlag("also report what is hidden by default: clusters of one object, the runtime's own clusters, heapgraph's own objects, the snapshot machinery, engine internals"),
    svg: outputFileFlag("svg", "write the top cluster's retaining chain as SVG (.svg)"),
    html: outputFileFlag("html", "write a self-contained HTML report, tables and the chain graph (.html)"),
    "stable-ids": STABLE_IDS_OPTION,
  },
  details: `
Take BASELINE, do the thing that should not leak (requests, open and close a page), take
TARGET, let it finish, take FINAL. All three must come from one process, captured over one
inspector connection (heapgraph capture, or DevTools without closing it), so that heap ids
match; Bun's ids do not, and leaks then answers with exit code 1.

The answer comes first: one line per leak, headed by the holder that grew (the array, Map,
listener list or object the leaked objects were added to), its entries in the three snapshots,
what it holds and the code behind it; armed timers are named by their callback, and snapshots
taken with "capture --allocations" add where the objects were allocated:
  1. Array createDebug.instances grew 20 → 220 → 420 elements, holding 400 leaked objects
     (200 Function (function debug() at common.js:67:17), 200 Object) — createDebug at common.js:64:22
Then the cluster table and the top cluster's retaining chain. Clusters of one object, the
runtime's own clusters, heapgraph's own objects and engine internals are hidden, and a last line
says how many (--all shows them).`,
  examples: [
    "heapgraph leaks baseline.heapsnapshot target.heapsnapshot final.heapsnapshot --html leaks.html",
    "heapgraph leaks b.heapsnapshot t.heapsnapshot f.heapsnapshot --class 'Request*' --json",
  ],
  async run(args, ctx) {
    const { limit, svg: svgFile, html: htmlFile } = args.values;
    const [baselineFile, targetFile, finalFile] = args.positionals;
    await checkOutputDirectory(svgFile, htmlFile);
    const baseline = await loadGraph(baselineFile, ctx, { index: 0, count: 3 });
    const target = await loadGraph(targetFile, ctx, { index: 1, count: 3 });
    const final = await loadGraph(finalFile, ctx, { index: 2, count: 3 });
    ctx.progress.update("finding leaks", null);
    const stableIds = args.values["stable-ids"];
    const report = withStableIds("leaks", [baselineFile, targetFile, finalFile], () =>
      leakReport(baseline, target, final, { ...(stableIds ? { stableIds } : {}), ...noiseOptions(args.values) }),
    );
    const all = report.clusters;
    const clusters = all.slice(0, limit);
    const files: { svg?: string; html?: string } = {};
    if ((svgFile || htmlFile) && clusters.length > 0) {
      ctx.progress.update("drawing the chain", null);
      const svg = await chainSvg(final, clusters[0].trace);
      if (svgFile) await writeOutputFile((files.svg = svgFile), svg);
      if (htmlFile) {
        const intro = `Baseline ${baselineFile}, target ${targetFile}, final ${finalFile}. A leaked object was allocated between the baseline and the target and is still alive in the final snapshot.`;
        await writeOutputFile((files.html = htmlFile), leakReportHtml({ title: "heapgraph leaks", intro, clusters, hidden: report.hidden, showHidden: "--all", chain: { steps: clusters[0].trace, svg, text: `The biggest object of the largest cluster is ${clusters[0].trace.at(-1)!.className} @${clusters[0].representativeId}.` } }));
      }
    } else if (htmlFile) {
      const intro = `Baseline ${baselineFile}, target ${targetFile}, final ${finalFile}.`;
      await writeOutputFile((files.html = htmlFile), leakReportHtml({ title: "heapgraph leaks", intro, clusters, hidden: report.hidden, showHidden: "--all" }));
    }
    const result = { baseline: baselineFile, target: targetFile, final: finalFile, clusterCount: all.length, clusters: clusters.map(clusterJson), hidden: hiddenJson(report.hidden), files };
    printResult(ctx, result, () => {
      const written = [files.svg, files.html].filter(Boolean).map((f) => `wrote ${f}\n`).join("");
      const headlines = leakHeadlinesText(all, report.hidden, { limit, showHidden: "--all" });
      if (clusters.length === 0) return `No leaks: nothing allocated between ${baselineFile} and ${targetFile} is still alive in ${finalFile}.\n${report.hidden.clusters ? headlines : ""}${written}`;
      return `${headlines}\n${tableToText(leakClustersTable(all, Number.isFinite(limit) ? { limit } : {}))}\n${topChainText(clusters[0])}${written}`;
    });
  },
});
