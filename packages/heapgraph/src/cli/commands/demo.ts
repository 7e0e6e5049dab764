/**
 * `heapgraph demo`: the main job, end to end. A small leaky HTTP service runs with its
 * inspector open; requests go at it over loopback; baseline, target and final snapshots are
 * captured over one inspector connection; the leak is found, its retaining chain printed,
 * and a self-contained HTML report written.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { growth, leakReport, type HeapGraph } from "@heapgraph/graph";
import { openCaptureSession, type CaptureSession } from "@heapgraph/snapshot";
import { chainSvg, chainText, countNoun, formatSize, growthTable, leakClustersTable, leakHeadlinesText, leakReportHtml, tableToText } from "@heapgraph/render";
import { CliError } from "../cli-error.ts";
import { defineCommand, type CommandContext } from "../command.ts";
import { countFlag, outputFileFlag, textFlag } from "../flags.ts";
import { startDemoService, type DemoService } from "../demo-service.ts";
import { sendRequests } from "../http-load.ts";
import { stepJson } from "../../json/chain-json.ts";
import { clusterJson } from "../../json/leak-report.ts";
import { leakingClass } from "../leaking-class.ts";
import { graphOf } from "../load-graph.ts";
import { readingFraction } from "../progress-plan.ts";
import { cannotWrite, checkOutputDirectory, printResult, writeOutputFile } from "../output.ts";

const WARM_UP_REQUESTS = 40;

/**
 * `demo [--out FILE] [--requests N] [--snapshots DIR]`.
 * JSON: `{ report, service: { pid, command }, requests, snapshots, leakingClass, chain, clusters, growth, durationMs }`.
 *
 * @example
 * ```ts
 * await main(["demo", "--out", "report.html"]);
 * ```
 */
export const demoCommand = defineCommand({
  name: "demo",
  summary: "the main job, end to end: find the leak in a small leaky HTTP service and write a report",
  positionals: [],
  options: {
    out: outputFileFlag("html", "where to write the HTML report (.html; default heapgraph-demo-report.html here)"),
    requests: countFlag("requests between the baseline and the target snapshot (default 300)", 300),
    snapshots: textFlag("DIR", "also save baseline, target and final .heapsnapshot files in DIR"),
  },
  details: `
Starts the service shipped with heapgraph (assets/leaky-service.mjs: each /orders request
adds a listener to a long-lived EventEmitter, and the listener's closure keeps the request's
RequestContext alive) with --inspect on a free loopback port, then:
  1. warms it up and captures the baseline snapshot over the inspector;
  2. sends N requests and captures the target snapshot;
  3. sends more requests and captures the final snapshot, on the same connection (ids match);
  4. finds what was allocated for the N requests and is still alive (heapgraph leaks),
     prints the largest cluster's retaining chain and writes the report.
The service is stopped at the end, also on failure or Ctrl-C.`,
  examples: ["heapgraph demo", "heapgraph demo --out report.html --snapshots demo-snapshots"],
  async run(args, ctx) {
    const started = Date.now();
    const { out = "heapgraph-demo-report.html", requests, snapshots: snapshotDir } = args.values;
    const report = resolve(out);
    const finalRequests = Math.max(1, Math.round(requests / 3));
    await checkOutputDirectory(report);
    if (snapshotDir) await mkdir(snapshotDir, { recursive: true }).catch((error: unknown) => Promise.reject(cannotWrite(snapshotDir, error)));
    const say = (text: string) => {
      if (ctx.json) return;
      ctx.progress.clear();
      ctx.io.out(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}\n`);
    };

    ctx.progress.update("starting the leaky service", null);
    const service = await startDemoService();
    let session: CaptureSession | null = null;
    try {
      say(`started the leaky service (pid ${service.pid}) at ${service.baseUrl}, inspector ${service.inspectorUrl}`);
      session = await openCaptureSession(service.inspectorUrl).catch((error: unknown) => {
        throw new CliError("DEMO_FAILED", `demo: cannot connect to the service's inspector: ${(error as Error).message}`, { cause: error });
      });
      const capture = captureStep(session, service, ctx, snapshotDir);
      await load(service, ctx, "warming up", (i) => (i % 2 ? "/health" : `/orders?warmup=${i}`), WARM_UP_REQUESTS);
      const baseline = await capture("baseline");
      say(`${countNoun(WARM_UP_REQUESTS, "warm-up request")}; baseline snapshot: ${countNoun(baseline.nodeCount, "node")}`);
      await load(service, ctx, "sending requests", (i) => `/orders?item=${i}`, requests);
      const target = await capture("target");
      say(`${countNoun(requests, "request")} to /orders; target snapshot: ${countNoun(target.nodeCount, "node")}`);
      await load(service, ctx, "sending more requests", (i) => `/orders?more=${i}`, finalRequests);
      const final = await capture("final");
      say(`${countNoun(finalRequests, "more request")}; final snapshot: ${countNoun(final.nodeCount, "node")}`);
      session.close();
      session = null;
      await service.stop();

      ctx.progress.update("finding leaks", null);
      const { clusters, hidden } = leakReport(baseline, target, final, { limit: 10 });
      const grown = growth(baseline, final, { limit: 8 });
      say(`found ${countNoun(clusters.length, "leak cluster")}; the service is stopped`);
      if (clusters.length === 0) throw new CliError("DEMO_FAILED", "demo: no leak found in the leaky service (something is wrong with this heapgraph)");

      // Explain the leak with the class a developer recognizes (RequestContext), else the cluster's biggest object.
      const leaking = leakingClass(final, clusters[0]);
      const steps = leaking?.chain ?? clusters[0].trace;
      const subject = steps.at(-1)!;
      const chainIntro = leaking
        ? `The top cluster holds ${countNoun(leaking.count, `leaked ${leaking.name} object`)} (${leaking.qualifiedName}). Here is why ${leaking.name} @${subject.id}, the biggest, is alive:`
        : `The biggest object of the top cluster is ${subject.className} @${subject.id}. Here is why it is alive:`;
      ctx.progress.update("drawing the retaining chain", null);
      const svg = await chainSvg(final, steps);
      const intro =
        `heapgraph demo ran ${service.commandLine.replace(/\S*\//g, "")} and captured three heap snapshots over its inspector, on one connection: ` +
        `the baseline after ${WARM_UP_REQUESTS} warm-up requests, the target after ${countNoun(requests, "request")} to /orders, and the final after ${finalRequests} more. ` +
        "A leaked object was allocated between the baseline and the target and is still alive in the final snapshot.";
      const growthRows = growthTable(grown, { title: "Classes that grew from the baseline to the final snapshot" });
      const html = leakReportHtml({ title: "heapgraph demo: what leaks in the order service", intro, clusters, hidden, showHidden: "--all (heapgraph leaks)", chain: { steps, svg, text: chainIntro }, tables: [growthRows] });
      await writeOutputFile(report, html);

      const durationMs = Date.now() - started;
      const result = {
        report,
        service: { pid: service.pid, command: service.commandLine },
        requests: { warmUp: WARM_UP_REQUESTS, target: requests, final: finalRequests },
        snapshots: {
          baseline: { nodeCount: baseline.nodeCount },
          target: { nodeCount: target.nodeCount },
          final: { nodeCount: final.nodeCount },
          ...(snapshotDir ? { dir: snapshotDir } : {}),
        },
        leakingClass: leaking ? { name: leaking.name, qualifiedName: leaking.qualifiedName, count: leaking.count } : null,
        chain: steps.map(stepJson),
        clusters: clusters.map(clusterJson),
        growth: grown.map((r) => ({ name: r.name, qualifiedName: r.qualifiedName, count: r.count, previous: r.previous, delta: r.delta, selfSize: r.selfSize, sizeDelta: r.sizeDelta })),
        durationMs,
      };
      printResult(ctx, result, () =>
        [
          "",
          leakHeadlinesText(clusters, hidden, { limit: 5, showHidden: "heapgraph leaks --all" }),
          tableToText(leakClustersTable(clusters, { limit: 5 })),
          chainIntro,
          chainText(steps),
          tableToText(growthRows),
          `Report: ${report}`,
          `Done in ${(durationMs / 1000).toFixed(1)} s.`,
          "",
        ].join("\n"),
      );
    } finally {
      session?.close();
      await service.stop();
    }
  },
});

/** A function that captures one labelled snapshot over the session (saving it when asked) and indexes it. */
function captureStep(session: CaptureSession, service: DemoService, ctx: CommandContext, dir: string | undefined) {
  const labels = ["baseline", "target", "final"];
  return async (label: string): Promise<HeapGraph> => {
    const part = { index: Math.max(0, labels.indexOf(label)), count: labels.length };
    ctx.progress.update(`${label} snapshot: collecting garbage`, null);
    const snapshot = await session
      .capture({
        ...(dir ? { saveTo: join(dir, `${label}.heapsnapshot`) } : {}),
        onProgress: (p) => {
          if (p.phase === "snapshot") ctx.progress.update(`receiving the ${label} snapshot`, p.total > 0 ? readingFraction(part, p.done / p.total) : null, { detail: formatSize(p.bytes) });
        },
      })
      .catch((error: unknown) => {
        throw new CliError("DEMO_FAILED", `demo: capturing the ${label} snapshot of pid ${service.pid} failed: ${(error as Error).message}`, { cause: error });
      });
    return graphOf(snapshot, label, ctx, label, part);
  };
}

async function load(service: DemoService, ctx: CommandContext, what: string, path: (i: number) => string, count: number): Promise<void> {
  ctx.progress.update(`${what} (${count})`, null);
  try {
    await sendRequests(service.baseUrl, path, count);
  } catch (error) {
    throw new CliError("DEMO_FAILED", `demo: the service at ${service.baseUrl} failed while ${what}: ${(error as Error).message}`, { cause: error });
  }
  // Let the service see every connection close before the next snapshot.
  await new Promise((done) => setTimeout(done, 150));
}
