/**
 * `heapgraph capture (--port P | --url WS) -o FILE`: a heap snapshot of another process over
 * its inspector (Node and Deno `--inspect`, Chromium `--remote-debugging-port`, Bun `--inspect`);
 * with `--count K -o DIR`, K snapshots over one connection (`../capture-count.ts`).
 *
 * @module
 */
import { openCaptureSession, SnapshotIoError, writeSnapshot, type CaptureTarget, type HeapSnapshot } from "@heapgraph/snapshot";
import { countNoun, formatSize } from "@heapgraph/render";
import { usage } from "../args.ts";
import { captureCount } from "../capture-count.ts";
import { captureError } from "../capture-error.ts";
import { defineCommand, type CommandContext } from "../command.ts";
import { INSPECTOR_TARGET_FLAGS, optionalCountFlag, switchFlag, textFlag } from "../flags.ts";
import { expectedFileName, hasOutputExtension } from "../output-extensions.ts";
import { cannotWrite, checkOutputDirectory, printResult } from "../output.ts";
import { SERIES_ACTION_FLAGS } from "../series-actions.ts";

/**
 * `capture (--port P [--host H] [--match TEXT] | --url URL) [--allocations] [--wait S] -o FILE`, or
 * with `--count K [--every S | --run CMD | --request URL] [--repeat R] [--wait-after S] -o DIR`.
 * JSON: `{ file, endpoint, protocol, format, nodeCount, edgeCount, bytes, allocations }`; with
 * `--count` (K > 1), `{ dir, files, endpoint, protocol, count, between, snapshots: [{ file, nodeCount, edgeCount, bytes, allocations }], allocations }`.
 *
 * @example
 * ```ts
 * await main(["capture", "--port", "9229", "-o", "server.heapsnapshot"]);
 * ```
 */
export const captureCommand = defineCommand({
  name: "capture",
  summary: "take a heap snapshot of a running process over its inspector and save it",
  positionals: [],
  usage: "(--port P | --url URL) [--allocations] [--wait S] (-o FILE | --count K [--every S | --run CMD | --request URL] -o DIR)",
  options: {
    ...INSPECTOR_TARGET_FLAGS,
    output: textFlag("PATH", "where to save the snapshot (.heapsnapshot, or .heapsnapshot.gz for gzip); with --count, the directory for the snapshots", "o"),
    count: optionalCountFlag("K", "take K snapshots over one inspector connection (so that their ids compare), written to -o DIR as 1.heapsnapshot … K.heapsnapshot", { min: 1, max: 1000 }),
    every: optionalCountFlag("S", "with --count: take a snapshot every S seconds", { min: 1, max: 86_400 }),
    ...SERIES_ACTION_FLAGS,
    allocations: switchFlag("track allocations from the start of the session, so the snapshot says where new objects were allocated (V8 targets)"),
    wait: optionalCountFlag("S", "seconds to wait between connecting and capturing (with --allocations: let the workload run)", { min: 1, max: 86_400 }),
  },
  details: `
The target collects garbage first, then sends the snapshot, which is streamed to FILE; the
file appears only when complete. Node, Deno and Chromium send V8's format as is. Bun sends
JavaScriptCore's format, which is saved converted to V8's so that DevTools opens it.

--allocations turns on V8's allocation tracking as soon as the session opens (DevTools'
"Allocation instrumentation on timeline"): objects allocated after that carry their allocation
stack in the snapshot (function names with script:line:column, as DevTools shows them). Give the
workload time with --wait S. It costs the target a recorded stack per allocation and, on Node,
heap statistics every 50 ms and no old-space compaction (without which V8 would lose the stacks
of moved objects); tracking ends when capture disconnects. Not for Bun (WebKit's inspector
records no allocation stacks).

--count K keeps one inspector connection open and takes K snapshots on it, written to DIR
as 1.heapsnapshot, 2.heapsnapshot, … K.heapsnapshot (each file appears only when complete).
V8 numbers heap objects afresh for every inspector connection, so only snapshots of one
connection can be compared object by object (compare, leaks); separate capture calls cannot.
Between two snapshots, capture waits for Enter (the default; a line on stdin when it is not a
terminal), waits S seconds (--every S), runs CMD through the shell (--run CMD; a non-zero exit
ends the capture, keeping the snapshots already complete), or sends GET requests to URL
(--request URL, no shell needed); --repeat R runs the command or request R times, and
--wait-after S lets the target settle before the next snapshot. With 3 snapshots:
  heapgraph leaks DIR/1.heapsnapshot DIR/2.heapsnapshot DIR/3.heapsnapshot
(heapgraph leaks --port P --run CMD does all of it in one command.) --allocations and --wait
apply to the whole series.`,
  examples: [
    "heapgraph capture --port 9229 -o server.heapsnapshot",
    "heapgraph capture --url ws://127.0.0.1:9229/3f1c0e6a-… -o server.heapsnapshot.gz",
    "heapgraph capture --port 9222 --match localhost:5173 -o page.heapsnapshot",
    "heapgraph capture --port 9229 --allocations --wait 30 -o traced.heapsnapshot",
    "heapgraph capture --port 9229 --count 3 --every 60 -o snaps",
    "heapgraph capture --port 9229 --count 3 --run 'npm run load-test' -o snaps",
  ],
  async run(args, ctx) {
    const { output, url, port, host = "127.0.0.1", match, allocations, wait, count = 1, every, run, request, repeat } = args.values;
    const series = count > 1;
    if (!output) throw usage(this, series ? "-o DIR is required" : "-o FILE is required");
    let target: CaptureTarget;
    if (url !== undefined && port === undefined) target = url;
    else if (port !== undefined && url === undefined) target = match ? { host, port, match: { url: match } } : { host, port };
    else throw usage(this, "give either --port P or --url URL");
    const actions = [every !== undefined && "--every", run !== undefined && "--run", request !== undefined && "--request"].filter(Boolean);
    if (actions.length > 1) throw usage(this, `give one of ${actions.join(", ")}`);
    if (!series && (actions.length > 0 || args.values["wait-after"] !== undefined || repeat !== 1)) {
      throw usage(this, `${actions[0] ?? (repeat !== 1 ? "--repeat" : "--wait-after")} needs --count K (K > 1): it says what happens between snapshots`);
    }
    if (series) {
      if (hasOutputExtension("snapshot", output)) throw usage(this, `with --count, -o names a directory (the snapshots are written in it as 1.heapsnapshot …), got ${JSON.stringify(output)}`);
      const action = { every, run, request, repeat, "wait-after": args.values["wait-after"] };
      await captureCount({ target, count, dir: output, allocations, waitSeconds: wait ?? 0, action }, ctx);
      return;
    }
    if (!hasOutputExtension("snapshot", output)) throw usage(this, `-o/--output takes ${expectedFileName("snapshot")}, got ${JSON.stringify(output)}`);
    await checkOutputDirectory(output);
    const { snapshot, endpoint, protocol, bytes } = await capture(target, output, ctx, { allocations, waitSeconds: wait ?? 0 });
    const result = {
      file: output,
      endpoint,
      protocol,
      format: snapshot.format,
      nodeCount: snapshot.nodeCount,
      edgeCount: snapshot.edgeCount,
      bytes,
      allocations: snapshot.traces !== null,
    };
    const traced = allocations ? (snapshot.traces ? " with allocation stacks" : " (no object was allocated while tracking)") : "";
    printResult(ctx, result, () => `captured ${countNoun(snapshot.nodeCount, "node")} (${formatSize(bytes)}) from ${endpoint}${traced}\nwrote ${output}\n`);
  },
});

async function capture(target: CaptureTarget, output: string, ctx: CommandContext, track: { allocations: boolean; waitSeconds: number }) {
  let session;
  try {
    ctx.progress.update("connecting", null);
    session = await openCaptureSession(target, { trackAllocations: track.allocations });
  } catch (error) {
    throw captureError(error);
  }
  try {
    if (track.waitSeconds > 0) {
      ctx.progress.update(track.allocations ? "tracking allocations" : "waiting", null, { detail: `${track.waitSeconds} s` });
      await new Promise((resolve) => setTimeout(resolve, track.waitSeconds * 1000));
    }
    // Raw bytes go straight to the file, unless they need converting (Bun) or compressing (.gz).
    const rewrite = session.protocol === "webkit" || output.endsWith(".gz");
    let bytes = 0;
    const snapshot: HeapSnapshot = await session
      .capture({
        ...(rewrite ? {} : { saveTo: output }),
        onProgress: (p) => {
          bytes = p.bytes;
          if (p.phase === "gc") ctx.progress.update("collecting garbage in the target", null);
          else if (p.phase === "snapshot") ctx.progress.update("receiving the snapshot", p.total > 0 ? (rewrite ? 0.9 : 1) * (p.done / p.total) : null, { detail: formatSize(p.bytes) });
        },
      })
      .catch((error: unknown) => {
        throw captureError(error, output);
      });
    if (rewrite) {
      ctx.progress.update("writing", null, { file: output });
      await writeSnapshot(snapshot, output).catch((error: unknown) => {
        throw cannotWrite(output, error instanceof SnapshotIoError ? error.cause : error);
      });
    }
    return { snapshot, endpoint: session.endpoint, protocol: session.protocol, bytes };
  } finally {
    session.close();
  }
}
