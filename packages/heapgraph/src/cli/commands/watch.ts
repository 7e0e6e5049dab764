/**
 * `heapgraph watch (--port P | --url URL)`: class counts of a running process over time, in a
 * local page (Dozer for JavaScript), with the classes that grow steadily marked.
 *
 * @module
 */
import { CaptureError, SnapshotOptionsError, type CaptureTarget } from "@heapgraph/snapshot";
import { z } from "zod";
import type { WebServer } from "../../web/start-web-server.ts";
import { untilStopped } from "../../web/until-stopped.ts";
import { WebError } from "../../web/web-error.ts";
import { DEFAULT_EVERY_SECONDS, HeapWatch, type WatchEnd } from "../../web/watch/heap-watch.ts";
import { WatchOutput } from "../../web/watch/watch-output.ts";
import { usage } from "../args.ts";
import { captureError } from "../capture-error.ts";
import { CliError } from "../cli-error.ts";
import { defineCommand, type OptionSpec } from "../command.ts";
import { INSPECTOR_TARGET_FLAGS, optionalCountFlag, textFlag } from "../flags.ts";
import { cannotWrite, checkOutputDirectory } from "../output.ts";

const EVERY_TAKES = "a number of seconds from 0.1 to 86400";
const everyFlag: OptionSpec<number | undefined> = {
  type: "string",
  value: "S",
  help: `seconds between snapshots (default ${DEFAULT_EVERY_SECONDS}, or 10 times the last capture's duration when that is longer)`,
  schema: z
    .string({ error: EVERY_TAKES })
    .trim()
    .regex(/^\d+(\.\d+)?$/, { error: EVERY_TAKES })
    .transform(Number)
    .refine((s) => s >= 0.1 && s <= 86_400, { error: EVERY_TAKES })
    .optional(),
};
const OUT_TAKES = "a file name ending in .json or .csv";
const outFlag: OptionSpec<string | undefined> = {
  type: "string",
  value: "FILE",
  help: "keep the series in FILE: .json (rewritten whole after each sample) or .csv (lines appended after each sample)",
  schema: z.string({ error: OUT_TAKES }).regex(/\.(json|csv)$/i, { error: OUT_TAKES }).optional(),
};

/**
 * `watch (--port P [--host H] [--match TEXT] | --url URL) [--every S] [--out FILE.json|FILE.csv] [--port-web P] [--host-web H]`.
 * Prints the page's URL (with its token) and, as they are found, the classes that grow; runs until
 * Ctrl-C or until the target exits. JSON (`--json`): one object per line, `{ event: "listening", url, endpoint, every }`,
 * `{ event: "growing", class, count, slope }`, `{ event: "ended", reason, samples, growing, out }`.
 *
 * @example
 * ```ts
 * await main(["watch", "--port", "9229", "--every", "2", "--out", "watch.json"]);
 * ```
 */
export const watchCommand = defineCommand({
  name: "watch",
  summary: "class counts of a running process over time in a local page, with the classes that grow marked",
  positionals: [],
  usage: "(--port P | --url URL) [--every S] [--out FILE] [--port-web P]",
  options: {
    ...INSPECTOR_TARGET_FLAGS,
    every: everyFlag,
    out: outFlag,
    "port-web": optionalCountFlag("P", "port of the page (default: a free one)", { min: 1, max: 65535 }),
    "host-web": textFlag("H", "address the page listens on (default 127.0.0.1; anything else is reachable from other machines: a warning is printed)"),
  },
  details: `
Keeps one inspector connection to the target (Node or Deno started with --inspect, or a
Chromium page) and takes a heap snapshot every S seconds. Each snapshot is counted by class
(instances and shallow size, DevTools' counting rules; engine internals and heapgraph's own
objects left out) and dropped at once: no dominators, no snapshot kept, so memory stays small
whatever the target's heap. The page (its URL, with a random token, is printed first) charts
the largest classes over time and marks those that grow steadily.

A class grows steadily when, over its last 8 samples, at least 70% of the steps are increases,
it gained at least 20 instances and still did without its largest step (a cache filled once
is not a leak), and the Theil-Sen slope (the median of the pairwise slopes) is
positive. A class is judged from its 4th sample on.

Clicking a class on the page keeps the next two snapshots, finds the holders whose entries grew
and that hold the class's new instances (growing holders), and shows the chain to one instance
with its graph. This needs the dominator tree of one snapshot: seconds on a large heap.

The target is paused while V8 builds and sends each snapshot. Measured with a timer loop inside
a Node 20 target on an idle 2-core machine: a 7 MB heap (0.2 M nodes) stalled 0.6 s, a 48 MB
heap (1.2 M nodes) 4.6-4.7 s; a 470 MB heap (11.2 M nodes) 3-5 minutes on a busy machine (40-47 s
of the target's CPU). Without --every the interval is 5 s, or 10 times the last
capture's duration when that is longer, so that the target is paused at most about a tenth of
the time.

--out FILE.json is rewritten whole after each sample (written beside it and renamed: never half a
file), in the shape of the page's /api/series: { format: "heapgraph-watch", version: 1, target,
every, samples: [{ time, pauseMs, nodeCount }], classes: [{ name, growing, slope, count: [...],
selfSize: [...] }], classCount }, where count[i] and selfSize[i] belong to samples[i] (time in ms
since the epoch). It keeps the classes that were ever among the 100 largest by count or size, and
the growing ones. --out FILE.csv gets a header, then after each sample one line per such class
(time,class,count,self_size,growing), appended.

Ctrl-C stops the watch: the connection and the page close and the file is written a last time.
When the target exits, the watch ends by itself and says so.`,
  examples: [
    "heapgraph watch --port 9229",
    "heapgraph watch --port 9229 --every 2 --out watch.json",
    "heapgraph watch --url ws://127.0.0.1:9229/3f1c0e6a-… --out watch.csv --port-web 8080",
    "heapgraph watch --port 9222 --match localhost:5173",
  ],
  async run(args, ctx) {
    const { url, port, host = "127.0.0.1", match, every, out, "port-web": webPort, "host-web": webHost } = args.values;
    let target: CaptureTarget;
    if (url !== undefined && port === undefined) target = url;
    else if (port !== undefined && url === undefined) target = match ? { host, port, match: { url: match } } : { host, port };
    else throw usage(this, "give either --port P or --url URL");
    await checkOutputDirectory(out);

    let output: WatchOutput | null = null;
    const announced = new Set<string>();
    ctx.progress.update("connecting", null);
    let watch: HeapWatch;
    try {
      watch = await HeapWatch.open(target, {
        ...(every !== undefined ? { every } : {}),
        onStatus: (status) => ctx.progress.update(status, null, { detail: line() }),
        onSample: (_sample, series) => {
          output?.sampled();
          for (const name of series.growing()) {
            if (announced.has(name)) continue;
            announced.add(name);
            const row = series.json({ target: watch.endpoint, every: watch.every }, 0).classes.find((c) => c.name === name);
            const count = row?.count.at(-1) ?? 0;
            const slope = row?.slope ?? 0;
            ctx.progress.clear();
            ctx.io.out(
              ctx.json
                ? `${JSON.stringify({ event: "growing", class: name, count, slope })}\n`
                : `growing: ${name} (${count} instances, +${slope.toFixed(slope < 10 ? 1 : 0)} per sample)\n`,
            );
          }
          ctx.progress.update("watching", null, { detail: line() });
        },
      });
    } catch (error) {
      throw error instanceof CaptureError || error instanceof SnapshotOptionsError ? captureError(error) : error;
    }
    const line = () => {
      const n = watch.series.length;
      const growing = watch.series.growing();
      return `${n} ${n === 1 ? "sample" : "samples"} every ${watch.every} s${growing.length ? `; growing: ${growing.slice(0, 3).join(", ")}` : ""}`;
    };

    const state: { ended: string | null } = { ended: null };
    let server: WebServer | null = null;
    const stopWaiting = new AbortController();
    try {
      if (out) output = await WatchOutput.create(out, watch).catch((error: unknown) => Promise.reject(cannotWrite(out, error)));
      // Loaded here: the server library is only for the commands that serve pages.
      const [{ watchApp }, { startWebServer }] = await Promise.all([import("../../web/watch/watch-app.ts"), import("../../web/start-web-server.ts")]);
      const started: WebServer = await startWebServer({ app: watchApp(watch, state), ...(webHost ? { host: webHost } : {}), ...(webPort ? { port: webPort } : {}) }).catch(
        (error: unknown) => Promise.reject(error instanceof WebError ? new CliError("USAGE", `watch: ${error.message}`, { cause: error }) : error),
      );
      server = started;
      ctx.progress.clear();
      if (started.warning) ctx.io.err(`heapgraph: watch: ${started.warning}\n`);
      ctx.io.out(
        ctx.json
          ? `${JSON.stringify({ event: "listening", url: started.url, endpoint: watch.endpoint, every: watch.every })}\n`
          : `watching ${watch.endpoint}\nopen ${started.url}\n`,
      );
      const end: WatchEnd | "signal" = await Promise.race([untilStopped(stopWaiting.signal).then(() => "signal" as const), watch.ended]);
      const final = end === "signal" ? await watch.stop() : end;
      state.ended = final.reason === "stopped" ? "stopped" : `the target went away (${final.error.message})`;
      if (output) await output.flush().catch((error: unknown) => Promise.reject(cannotWrite(out!, error)));
      ctx.progress.clear();
      const samples = watch.series.length;
      if (final.reason === "failed") throw final.error;
      const growing = [...watch.series.growing()];
      if (final.reason === "target-gone") {
        ctx.io.err(`heapgraph: watch: the target closed its inspector connection (it exited or crashed) after ${samples} ${samples === 1 ? "sample" : "samples"}${out ? `; the series is in ${out}` : ""}\n`);
        if (samples === 0) throw captureError(final.error);
      }
      ctx.io.out(
        ctx.json
          ? `${JSON.stringify({ event: "ended", reason: final.reason, samples, growing, out: out ?? null })}\n`
          : `stopped after ${samples} ${samples === 1 ? "sample" : "samples"}${growing.length ? `; growing: ${growing.join(", ")}` : "; nothing grew steadily"}${out ? `; wrote ${out}` : ""}\n`,
      );
    } finally {
      stopWaiting.abort();
      await watch.stop();
      await server?.close();
    }
  },
});
