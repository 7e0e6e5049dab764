/**
 * `heapgraph leaks BASELINE TARGET FINAL`: memlab's three-snapshot leak detection; with
 * `--port P --run CMD`, the three snapshots are taken over one connection first (`../leaks-port.ts`).
 *
 * @module
 */
import { leakReport, type HeapGraph } from "@heapgraph/graph";
import type { CaptureTarget } from "@heapgraph/snapshot";
import { usage } from "../args.ts";
import { defineCommand } from "../command.ts";
import { interactiveFlag, limitFlag, optionalCountFlag, outputFileFlag, switchFlag, textFlag, urlFlag } from "../flags.ts";
import { printLeakReport } from "../leak-output.ts";
import { captureLeakSeries, type LeakSeries } from "../leaks-port.ts";
import { NOISE_FLAGS, noiseOptions } from "../noise-flags.ts";
import { loadGraph } from "../load-graph.ts";
import { checkOutputDirectory } from "../output.ts";
import { SERIES_ACTION_FLAGS } from "../series-actions.ts";
import { STABLE_IDS_OPTION, withStableIds } from "../stable-ids.ts";

const FILES = ["BASELINE", "TARGET", "FINAL"] as const;

/**
 * `leaks BASELINE TARGET FINAL [--limit N] [--all] [--class PATTERN]… [--type TYPE]… [--user] [--svg FILE] [--html FILE] [--stable-ids]`,
 * or `leaks (--port P [--host H] [--match TEXT] | --url URL) (--run CMD | --request URL) [--repeat R] [--wait-after S] [--allocations] [-o DIR] [same options]`.
 * Prints the answer first: one headline per cluster (the growing holder, its growth, what it holds).
 * JSON: `{ baseline, target, final, clusterCount, clusters: [{ headline, holder, count, retainedSize, selfSize, classes, representativeId, ids, trace }], hidden, files }`;
 * with `--port`/`--url` also `endpoint`, `between` (the action) and `snapshots` (the `-o` directory, or null).
 *
 * @example
 * ```ts
 * await main(["leaks", "baseline.heapsnapshot", "target.heapsnapshot", "final.heapsnapshot", "--html", "leaks.html"]);
 * await main(["leaks", "--port", "9229", "--request", "http://127.0.0.1:3000/orders", "--repeat", "100"]);
 * ```
 */
export const leaksCommand = defineCommand({
  name: "leaks",
  summary: "what leaked: objects allocated between BASELINE and TARGET and alive in FINAL, each cluster headed by the holder that grew (memlab)",
  positionals: FILES.map((f) => `[${f}]`),
  usage: "(BASELINE TARGET FINAL | (--port P | --url URL) (--run CMD | --request URL) [--repeat R] [-o DIR])",
  options: {
    limit: limitFlag("how many clusters to report (default 10; all: every cluster)", 10),
    ...NOISE_FLAGS,
    all: switchFlag("also report what is hidden by default: clusters of one object, the runtime's own clusters, heapgraph's own objects, the snapshot machinery, engine internals"),
    svg: outputFileFlag("svg", "write the top cluster's retaining chain as SVG (.svg)"),
    html: outputFileFlag("html", "write a self-contained HTML report, tables and the chain graph (.html)"),
    interactive: interactiveFlag(),
    "stable-ids": STABLE_IDS_OPTION,
    port: optionalCountFlag("P", "take the three snapshots from the inspector on this port (node --inspect=9229), over one connection", { min: 1, max: 65535 }),
    host: textFlag("H", "inspector host for --port (default 127.0.0.1)"),
    match: textFlag("TEXT", "with --port: the target whose URL contains TEXT"),
    url: urlFlag("take the three snapshots from this inspector (ws:// URL the target printed, or http://host:port)", ["ws", "wss", "http", "https"]),
    ...SERIES_ACTION_FLAGS,
    output: textFlag("DIR", "with --port/--url: keep the snapshots in DIR as baseline.heapsnapshot, target.heapsnapshot, final.heapsnapshot (default: a temporary directory, removed)", "o"),
    allocations: switchFlag("with --port/--url: track allocations for the session, so the report says where leaked objects were allocated (costs the target, see below)"),
    "track-allocations": switchFlag("the same as --allocations"),
  },
  details: `
Take BASELINE, do the thing that should not leak (requests, open and close a page), take
TARGET, do it again, take FINAL. All three must come from one process and ONE inspector
connection: V8 numbers heap objects afresh for every connection, so snapshots of separate
"heapgraph capture" calls (or of different processes) do not share ids, and leaks refuses them
with exit code 1 (IDS_NOT_STABLE), saying which file is foreign. Take them with
"heapgraph capture --port P --count 3 -o DIR", with DevTools without closing it, or let leaks
take them: with --port P (or --url URL) and --run CMD (a shell command) or --request URL (GET
requests, no shell), leaks connects once, takes the baseline, runs the action R times
(--repeat R, default 1), takes the target, runs it R times again, takes the final, and reports.
--wait-after S waits after each round. The snapshots are kept in -o DIR, else removed. A failing
CMD ends it (exit 2, nothing half-written). Bun's ids are renumbered in every snapshot, and leaks
then answers with exit code 1.

--allocations (or --track-allocations) turns V8's allocation tracking on for the session, as
DevTools' "Allocation instrumentation on timeline" does, and the report says where leaked
objects were allocated. The target pays while it runs: a recorded stack per allocation (more CPU
and memory for the allocations), on Node heap statistics every 50 ms and no old-space
compaction; tracking ends when leaks disconnects.

The answer comes first: one line per leak, headed by the holder that grew (the array, Map,
listener list or object the leaked objects were added to), its entries in the three snapshots,
what it holds and the code behind it; armed timers are named by their callback, and snapshots
taken with allocation tracking add where the objects were allocated:
  1. Array createDebug.instances grew 20 → 220 → 420 elements, holding 400 leaked objects
     (200 Function (function debug() at common.js:67:17), 200 Object) — createDebug at common.js:64:22
Then the cluster table and the top cluster's retaining chain. Clusters of one object, the
runtime's own clusters, heapgraph's own objects and engine internals are hidden, and a last line
says how many (--all shows them).`,
  examples: [
    "heapgraph leaks baseline.heapsnapshot target.heapsnapshot final.heapsnapshot --html leaks.html",
    "heapgraph leaks b.heapsnapshot t.heapsnapshot f.heapsnapshot --class 'Request*' --json",
    "heapgraph leaks --port 9229 --run 'curl -s localhost:3000/orders' --repeat 50 -o snaps",
    "heapgraph leaks --port 9229 --request http://127.0.0.1:3000/orders --repeat 100 --allocations",
  ],
  async run(args, ctx) {
    const { limit, svg: svgFile, html: htmlFile, port, url, host = "127.0.0.1", match, output } = args.values;
    await checkOutputDirectory(svgFile, htmlFile);
    const stableIds = args.values["stable-ids"];
    const live = port !== undefined || url !== undefined;
    let series: LeakSeries | null = null;
    let graphs: readonly [HeapGraph, HeapGraph, HeapGraph];
    let labels: readonly [string, string, string];
    let intro: string;
    let json: Record<string, unknown>;
    if (live) {
      if (args.positionals.length > 0) throw usage(this, "give either the BASELINE TARGET FINAL files or --port/--url, not both");
      if (port !== undefined && url !== undefined) throw usage(this, "give either --port P or --url URL");
      const { run, request } = args.values;
      if ((run === undefined) === (request === undefined)) throw usage(this, "with --port/--url, give the action between snapshots: --run CMD or --request URL");
      const target: CaptureTarget = url ?? (match ? { host, port: port!, match: { url: match } } : { host, port: port! });
      const action = { run, request, repeat: args.values.repeat, "wait-after": args.values["wait-after"] };
      series = await captureLeakSeries({ target, action, dir: output, allocations: args.values.allocations || args.values["track-allocations"] }, ctx);
      ({ graphs, labels } = series);
      intro = `heapgraph leaks captured the baseline, target and final snapshots over one inspector connection to ${series.endpoint} (${series.what}).`;
      json = { baseline: labels[0], target: labels[1], final: labels[2], endpoint: series.endpoint, between: series.what, snapshots: series.dir };
    } else {
      const liveOnly = (["run", "request", "output", "wait-after", "allocations", "track-allocations", "host", "match"] as const).find((k) => args.values[k] !== undefined && args.values[k] !== false);
      if (liveOnly) throw usage(this, `--${liveOnly} needs --port P or --url URL (leaks then takes the snapshots itself)`);
      if (args.values.repeat !== 1) throw usage(this, "--repeat needs --port P or --url URL (leaks then takes the snapshots itself)");
      if (args.positionals.length < 3) throw usage(this, `missing ${FILES.slice(args.positionals.length).join(" ")} (or --port P --run CMD)`);
      labels = [args.positionals[0], args.positionals[1], args.positionals[2]];
      graphs = [
        await loadGraph(labels[0], ctx, { index: 0, count: 3 }),
        await loadGraph(labels[1], ctx, { index: 1, count: 3 }),
        await loadGraph(labels[2], ctx, { index: 2, count: 3 }),
      ];
      intro = `Baseline ${labels[0]}, target ${labels[1]}, final ${labels[2]}.`;
      json = { baseline: labels[0], target: labels[1], final: labels[2] };
    }
    try {
      const [baseline, target, final] = graphs;
      ctx.progress.update("finding leaks", null);
      const report = withStableIds(
        "leaks",
        labels,
        () => leakReport(baseline, target, final, { ...(stableIds ? { stableIds } : {}), ...noiseOptions(args.values) }),
        graphs,
      );
      const noLeaks = `No leaks: nothing allocated between ${labels[0]} and ${labels[1]} is still alive in ${labels[2]}.`;
      await printLeakReport(ctx, { title: "heapgraph leaks", intro, final, report, limit, noLeaks, json, svgFile, htmlFile, interactive: args.values.interactive });
    } finally {
      await series?.cleanup();
    }
  },
});
