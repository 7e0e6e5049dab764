/**
 * `heapgraph run SCENARIO`: memlab's scenario runs, for pages and for Node/Deno services, with an
 * exit code CI can gate on.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { leakReport, type HeapNode } from "@heapgraph/graph";
import { CaptureError } from "@heapgraph/snapshot";
import { countNoun, formatSize } from "@heapgraph/render";
import { loadScenario } from "../../scenario/load-scenario.ts";
import { isPageNoise } from "../../scenario/page-noise.ts";
import { runScenario, type SnapshotLabel } from "../../scenario/run-scenario.ts";
import { ScenarioError } from "../../scenario/scenario-error.ts";
import { CliError } from "../cli-error.ts";
import { defineCommand } from "../command.ts";
import { limitFlag, optionalCountFlag, outputFileFlag, textFlag } from "../flags.ts";
import { printLeakReport } from "../leak-output.ts";
import { graphOf } from "../load-graph.ts";
import { NOISE_FLAGS, noiseOptions } from "../noise-flags.ts";
import { cannotWrite, checkOutputDirectory, writeOutputFile } from "../output.ts";
import { readingFraction } from "../progress-plan.ts";

const LABELS: readonly SnapshotLabel[] = ["baseline", "target", "final"];

/**
 * `run SCENARIO [--iterations N] [--browser PATH] [-o DIR] [--html FILE] [--svg FILE] [--json-file FILE] [--limit N] [--all] [--class PATTERN]… [--type TYPE]… [--user]`.
 * Exit code 0 when nothing leaked, 1 when leaks were found (after the report), 2 when the scenario
 * could not run.
 * JSON: `{ scenario, kind, subject, iterations, snapshots, clusterCount, clusters, hidden, files }` (clusters as `leaks`).
 *
 * @example
 * ```ts
 * const code = await main(["run", "scenario.mjs", "--html", "leaks.html"]); // 0, 1 or 2
 * ```
 */
export const runCommand = defineCommand({
  name: "run",
  summary: "run a scenario (a page in Chromium, or a Node/Deno service): three snapshots, the leak report, exit 1 when something leaks",
  positionals: ["SCENARIO"],
  indexCache: false,
  options: {
    iterations: optionalCountFlag("N", "how many times the action runs per step (default: the scenario's, else 1 for a page and 10 for a process)", { min: 1, max: 100_000 }),
    browser: textFlag("PATH", "the Chromium to drive for a page scenario (default $HEAPGRAPH_CHROMIUM, else /usr/bin/chromium)"),
    output: textFlag("DIR", "keep the three snapshots in DIR (baseline.heapsnapshot, target.heapsnapshot, final.heapsnapshot)", "o"),
    limit: limitFlag("how many clusters to report (default 10; all: every cluster)", 10),
    ...NOISE_FLAGS,
    svg: outputFileFlag("svg", "write the top cluster's retaining chain as SVG (.svg)"),
    html: outputFileFlag("html", "write a self-contained HTML report, tables and the chain graph (.html)"),
    "json-file": textFlag("FILE", "also write the --json result to FILE (for CI artifacts)"),
  },
  details: `
A scenario is a module (scenario.mjs) in memlab's shape:
  export default {
    url: "http://127.0.0.1:8080/",          // a page, driven in headless Chromium (playwright-core)
    // or a process with its inspector open, whose first http:// URL on stdout is the service:
    // start: { command: "node", args: ["--inspect=127.0.0.1:0", "server.mjs"] },
    setup: async ({ page }) => {},          // once, before the baseline snapshot
    action: async ({ page }) => page.click("#open"),   // process: async (ctx) => ctx.fetch("/orders")
    back: async ({ page }) => page.click("#close"),    // optional
    iterations: 5,                          // optional
    warmup: 1,                              // optional: action (and back) runs before the baseline
    leakFilter: (node) => true,             // optional; classes, types, user as --class, --type, --user
  };
One inspector connection takes the three snapshots: the baseline after setup and the warm-up,
the target after the action ran N times (with back between), the final after back (without
back: after N more actions). The report is the one of heapgraph leaks; for a page, Blink's own
objects and performance timeline entries are hidden too (--all shows them). The browser or
process is stopped at the end, also on failure or Ctrl-C.

Exit code: 0 no leaks, 1 leaks found, 2 the scenario could not run.`,
  examples: [
    "heapgraph run scenario.mjs",
    "heapgraph run scenario.mjs --iterations 20 --html leaks.html --json-file leaks.json -o snapshots",
  ],
  async run(args, ctx) {
    const { limit, svg: svgFile, html: htmlFile, output: dir, browser, iterations } = args.values;
    const jsonFile = args.values["json-file"];
    const [scenarioFile] = args.positionals;
    await checkOutputDirectory(svgFile, htmlFile, jsonFile);
    let outcome;
    try {
      if (dir) await mkdir(dir, { recursive: true }).catch((error: unknown) => Promise.reject(cannotWrite(dir, error)));
      ctx.progress.update(`loading ${scenarioFile}`, null);
      const loaded = await loadScenario(scenarioFile);
      const run = await runScenario(loaded, {
        ...(browser ? { browser } : {}),
        ...(iterations ? { iterations } : {}),
        ...(dir ? { saveDir: dir } : {}),
        onStep: (text) => ctx.progress.update(text, null),
        onCaptureProgress: (label, p) => {
          const part = { index: LABELS.indexOf(label), count: 3 };
          if (p.phase === "snapshot") ctx.progress.update(`receiving the ${label} snapshot`, p.total > 0 ? readingFraction(part, p.done / p.total) : null, { detail: formatSize(p.bytes) });
        },
      });
      const [baseline, target, final] = LABELS.map((label, index) => graphOf(run.snapshots[label], label, ctx, label, { index, count: 3 }));
      ctx.progress.update("finding leaks", null);
      const { scenario } = loaded;
      const report = leakReport(baseline, target, final, {
        ...leakFilter(scenario.leakFilter, run.kind === "page" && !args.values.all),
        ...(scenario.user ? { user: true } : {}),
        ...(scenario.types ? { types: scenario.types } : {}),
        ...(scenario.classes ? { classes: scenario.classes } : {}),
        ...noiseOptions(args.values),
      });
      outcome = { loaded, run, report, final, nodeCounts: [baseline.nodeCount, target.nodeCount, final.nodeCount] };
    } catch (error) {
      throw runFailed(scenarioFile, error);
    }
    const { run, report, final, nodeCounts } = outcome;
    const steps = run.hasBack ? `the action ${countNoun(run.iterations, "time")} (with back between), then back` : `the action ${countNoun(run.iterations, "time")}, then ${run.iterations} more`;
    const json = {
      scenario: scenarioFile,
      kind: run.kind,
      subject: run.subject,
      iterations: run.iterations,
      snapshots: { nodeCounts, ...(dir ? { dir } : {}) },
    };
    const output = {
      title: "heapgraph run",
      intro: `Scenario ${scenarioFile} (${run.kind === "page" ? "page" : "process"} ${run.subject}): baseline after setup, target after ${steps.replace(", then", "; final after")}, over one inspector connection.`,
      final,
      report,
      limit,
      noLeaks: `No leaks: nothing allocated by ${scenarioFile}'s action between the baseline and the target is still alive in the final snapshot.`,
      json,
      svgFile,
      htmlFile,
    };
    const result = await printLeakReport(ctx, output);
    if (jsonFile) await writeOutputFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
    if (report.clusters.length > 0) {
      throw new CliError("LEAKS_FOUND", `run: ${scenarioFile} leaks: ${countNoun(report.clusters.length, "leak cluster")} (exit code 1)`);
    }
  },
});

/** The scenario's `leakFilter`, and for a page without `--all`, no browser bookkeeping (`isPageNoise`). */
function leakFilter(filter: ((node: HeapNode) => boolean) | undefined, hidePageNoise: boolean): { filter?: (node: HeapNode) => boolean } {
  if (!hidePageNoise) return filter ? { filter } : {};
  return { filter: (node) => !isPageNoise(node) && (!filter || filter(node)) };
}

/** Every failure of a run as exit code 2, the message naming the scenario. */
function runFailed(file: string, error: unknown): CliError {
  if (error instanceof CliError) return error.exitCode === 2 ? error : new CliError("RUN_FAILED", error.message, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ScenarioError) return new CliError("RUN_FAILED", `run: ${message}`, { cause: error });
  if (error instanceof CaptureError) return new CliError("RUN_FAILED", `run: ${file}: capturing a snapshot failed: ${message}`, { cause: error });
  return new CliError("RUN_FAILED", `run: ${file}: ${message}`, { cause: error });
}
