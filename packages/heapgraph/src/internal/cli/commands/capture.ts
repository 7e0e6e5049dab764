/**
 * `heapgraph capture (--port P | --url WS) -o FILE`: a heap snapshot of another process over
 * its inspector (Node and Deno `--inspect`, Chromium `--remote-debugging-port`, Bun `--inspect`).
 *
 * @module
 */
import { CaptureError, openCaptureSession, SnapshotIoError, writeSnapshot, type CaptureTarget, type HeapSnapshot } from "@heapgraph/snapshot";
import { formatCount, formatSize } from "@heapgraph/render";
import { countOption, stringOption, usage } from "../args.ts";
import { CliError } from "../cli-error.ts";
import type { Command, CommandContext } from "../command.ts";
import { cannotWrite, checkOutputDirectory, printResult } from "../output.ts";

/**
 * `capture (--port P [--host H] [--match TEXT] | --url URL) -o FILE`.
 * JSON: `{ file, endpoint, protocol, format, nodeCount, edgeCount, bytes }`.
 *
 * @example
 * ```ts
 * await main(["capture", "--port", "9229", "-o", "server.heapsnapshot"]);
 * ```
 */
export const captureCommand: Command = {
  name: "capture",
  summary: "take a heap snapshot of a running process over its inspector and save it",
  positionals: [],
  usage: "(--port P | --url URL) -o FILE",
  options: {
    port: { type: "string", value: "P", help: "inspector port on --host (node --inspect=9229, chromium --remote-debugging-port=9222)" },
    host: { type: "string", value: "H", help: "inspector host for --port (default 127.0.0.1)" },
    match: { type: "string", value: "TEXT", help: "with --port: the target whose URL contains TEXT (default: the first page, else the first Node/Deno target)" },
    url: { type: "string", value: "URL", help: "the ws:// URL the target printed (Debugger listening on ws://…), or http://host:port" },
    output: { type: "string", short: "o", value: "FILE", help: "where to save the snapshot (.gz: gzip)" },
  },
  details: `
The target collects garbage first, then sends the snapshot, which is streamed to FILE; the
file appears only when complete. Node, Deno and Chromium send V8's format as is. Bun sends
JavaScriptCore's format, which is saved converted to V8's so that DevTools opens it.`,
  examples: [
    "heapgraph capture --port 9229 -o server.heapsnapshot",
    "heapgraph capture --url ws://127.0.0.1:9229/3f1c0e6a-… -o server.heapsnapshot.gz",
    "heapgraph capture --port 9222 --match localhost:5173 -o page.heapsnapshot",
  ],
  async run(args, ctx) {
    const output = stringOption(this, args, "output");
    const url = stringOption(this, args, "url");
    const host = stringOption(this, args, "host") ?? "127.0.0.1";
    const match = stringOption(this, args, "match");
    if (!output) throw usage(this, "-o FILE is required");
    if ((url === undefined) === (args.values.port === undefined)) throw usage(this, "give either --port P or --url URL");
    let target: CaptureTarget;
    if (url !== undefined) {
      if (!/^(wss?|https?):\/\//.test(url)) throw usage(this, `--url must be a ws:// or http:// URL, got ${JSON.stringify(url)}`);
      target = url;
    } else {
      const port = countOption(this, args, "port", 0);
      if (port > 65535) throw usage(this, `--port must be at most 65535, got ${port}`);
      target = match ? { host, port, match: { url: match } } : { host, port };
    }
    await checkOutputDirectory(output);
    const { snapshot, endpoint, protocol, bytes } = await capture(target, output, ctx);
    const result = { file: output, endpoint, protocol, format: snapshot.format, nodeCount: snapshot.nodeCount, edgeCount: snapshot.edgeCount, bytes };
    printResult(ctx, result, () => `captured ${formatCount(snapshot.nodeCount)} nodes (${formatSize(bytes)}) from ${endpoint}\nwrote ${output}\n`);
  },
};

async function capture(target: CaptureTarget, output: string, ctx: CommandContext) {
  let session;
  try {
    ctx.progress.update("connecting", null);
    session = await openCaptureSession(target);
  } catch (error) {
    throw captureError(error);
  }
  try {
    // Raw bytes go straight to the file, unless they need converting (Bun) or compressing (.gz).
    const rewrite = session.protocol === "webkit" || output.endsWith(".gz");
    let bytes = 0;
    const snapshot: HeapSnapshot = await session
      .capture({
        ...(rewrite ? {} : { saveTo: output }),
        onProgress: (p) => {
          bytes = p.bytes;
          if (p.phase === "gc") ctx.progress.update("collecting garbage in the target", null);
          else if (p.phase === "snapshot") ctx.progress.update("receiving the snapshot", p.total > 0 ? p.done / p.total : null, formatSize(p.bytes));
        },
      })
      .catch((error: unknown) => {
        throw captureError(error, output);
      });
    if (rewrite) {
      ctx.progress.update(`writing ${output}`, null);
      await writeSnapshot(snapshot, output).catch((error: unknown) => {
        throw cannotWrite(output, error instanceof SnapshotIoError ? error.cause : error);
      });
    }
    return { snapshot, endpoint: session.endpoint, protocol: session.protocol, bytes };
  } finally {
    session.close();
  }
}

function captureError(error: unknown, output?: string): unknown {
  if (error instanceof CaptureError) return new CliError("CAPTURE_FAILED", `capture failed: ${error.message}`, { cause: error });
  if (error instanceof TypeError) return new CliError("USAGE", `capture: ${error.message.split("\n")[0]} (see heapgraph capture --help)`, { cause: error });
  const code = (error as { code?: unknown })?.code;
  if (output && typeof code === "string" && code.startsWith("E")) return cannotWrite(output, error);
  return error;
}
