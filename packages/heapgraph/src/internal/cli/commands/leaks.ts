/**
 * `heapgraph leaks BASELINE TARGET FINAL`: memlab's three-snapshot leak detection.
 *
 * @module
 */
import { findLeaks } from "@heapgraph/graph";
import { tableToText } from "@heapgraph/render";
import { countOption, stringOption } from "../args.ts";
import type { Command } from "../command.ts";
import { chainSvg, clusterJson, leakReportHtml, leaksSummaryTable, topChainText } from "../leak-report.ts";
import { loadGraph } from "../load-graph.ts";
import { checkOutputDirectory, printResult, writeOutputFile } from "../output.ts";
import { STABLE_IDS_OPTION, withStableIds } from "../stable-ids.ts";

/**
 * `leaks BASELINE TARGET FINAL [--limit N] [--svg FILE] [--html FILE] [--stable-ids]`.
 * JSON: `{ baseline, target, final, clusters: [{ count, retainedSize, selfSize, classes, representativeId, ids, trace }], files }`.
 *
 * @example
 * ```ts
 * await main(["leaks", "baseline.heapsnapshot", "target.heapsnapshot", "final.heapsnapshot", "--html", "leaks.html"]);
 * ```
 */
export const leaksCommand: Command = {
  name: "leaks",
  summary: "objects allocated between BASELINE and TARGET and still alive in FINAL, clustered by retainer trace (memlab)",
  positionals: ["BASELINE", "TARGET", "FINAL"],
  options: {
    limit: { type: "string", value: "N", help: "how many clusters to report (default 10)" },
    svg: { type: "string", value: "FILE", help: "write the top cluster's retaining chain as SVG" },
    html: { type: "string", value: "FILE", help: "write a self-contained HTML report (tables and the chain graph)" },
    "stable-ids": STABLE_IDS_OPTION,
  },
  details: `
Take BASELINE, do the thing that should not leak (requests, open and close a page), take
TARGET, let it finish, take FINAL. All three must come from one process, captured over one
inspector connection (heapgraph capture, or DevTools without closing it), so that heap ids
match; Bun's ids do not, and leaks then answers with exit code 1.`,
  examples: ["heapgraph leaks baseline.heapsnapshot target.heapsnapshot final.heapsnapshot --html leaks.html"],
  async run(args, ctx) {
    const limit = countOption(this, args, "limit", 10);
    const svgFile = stringOption(this, args, "svg");
    const htmlFile = stringOption(this, args, "html");
    const [baselineFile, targetFile, finalFile] = args.positionals;
    await checkOutputDirectory(svgFile, htmlFile);
    const baseline = await loadGraph(baselineFile, ctx);
    const target = await loadGraph(targetFile, ctx);
    const final = await loadGraph(finalFile, ctx);
    ctx.progress.update("finding leaks", null);
    const stableIds = args.values["stable-ids"] === true;
    const clusters = withStableIds("leaks", [baselineFile, targetFile, finalFile], () => findLeaks(baseline, target, final, stableIds ? { limit, stableIds } : { limit }));
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
    const result = { baseline: baselineFile, target: targetFile, final: finalFile, clusters: clusters.map(clusterJson), files };
    printResult(ctx, result, () => {
      const written = [files.svg, files.html].filter(Boolean).map((f) => `wrote ${f}\n`).join("");
      if (clusters.length === 0) return `No leaks: nothing allocated between ${baselineFile} and ${targetFile} is still alive in ${finalFile}.\n${written}`;
      return `${tableToText(leaksSummaryTable(clusters, limit))}\n${topChainText(clusters[0])}${written}`;
    });
  },
};
