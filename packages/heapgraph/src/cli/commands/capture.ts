/**
 * `heapgraph capture (--port P | --url WS) -o FILE`: a heap snapshot of another process over
 * its inspector (Node and Deno `--inspect`, Chromium `--remote-debugging-port`, Bun `--inspect`).
 *
 * @module
 */
import { openCaptureSession, SnapshotIoError, writeSnapshot, type CaptureTarget, type HeapSnapshot } from "@heapgraph/snapshot";
import { countNoun, formatSize } from "@heapgraph/render";
import { usage } from "../args.ts";
import { captureError } from "../capture-error.ts";
import { defineCommand, type CommandContext } from "../command.ts";
import { optionalCountFlag, outputFileFlag, switchFlag, textFlag, urlFlag } from "../flags.ts";
import { cannotWrite, checkOutputDirectory, printResult } from "../output.ts";

/**
 * `capture (--port P [--host H] [--match TEXT] | --url URL) [--allocations] [--wait S] -o FILE`.
 * JSON: `{ file, endpoint, protocol, format, nodeCount, edgeCount, bytes, allocations }`.
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
  usage: "(--port P | --url URL) [--allocations] [--wait S] -o FILE",
  options: {
    port: optionalCountFlag("P", "inspector port on --host (node --inspect=9229, chromium --remote-debugging-port=9222)", { min: 1, max: 65535 }),
    host: textFlag("H", "inspector host for --port (default 127.0.0.1)"),
    match: textFlag("TEXT", "with --port: the target whose URL contains TEXT (default: the first page, else the first Node/Deno target)"),
    url: urlFlag("the ws:// URL the target printed (Debugger listening on ws://…), or http://host:port", ["ws", "wss", "http", "https"]),
    output: outputFileFlag("snapshot", "where to save the snapshot (.heapsnapshot, or .heapsnapshot.gz for gzip)", "o"),
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
records no allocation stacks).`,
  examples: [
    "heapgraph capture --port 9229 -o server.heapsnapshot",
    "heapgraph capture --url ws://127.0.0.1:9229/3f1c0e6a-… -o server.heapsnapshot.gz",
    "heapgraph capture --port 9222 --match localhost:5173 -o page.heapsnapshot",
    "heapgraph capture --port 9229 --allocations --wait 30 -o traced.heapsnapshot",
  ],
  async run(args, ctx) {
    const { output, url, port, host = "127.0.0.1", match, allocations, wait } = args.values;
    if (!output) throw usage(this, "-o FILE is required");
    let target: CaptureTarget;
    if (url !== undefined && port === undefined) target = url;
    else if (port !== undefined && url === undefined) target = match ? { host, port, match: { url: match } } : { host, port };
    else throw usage(this, "give either --port P or --url URL");
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
