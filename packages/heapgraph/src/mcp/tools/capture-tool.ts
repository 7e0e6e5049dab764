/**
 * `capture`: heap snapshots of a running process over its inspector (Node and Deno `--inspect`,
 * Chromium `--remote-debugging-port`, Bun), written into an allowed directory and loaded as
 * handles. The connection stays open between calls, so that snapshots taken in several calls
 * keep matching heap ids.
 *
 * @module
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import { buildGraph } from "@heapgraph/graph";
import { countNoun, formatCount } from "@heapgraph/render";
import { writeSnapshot, type HeapSnapshot } from "@heapgraph/snapshot";
import { z } from "zod";
import { asToolError, McpToolError } from "../mcp-error.ts";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, toolResult } from "../tool-result.ts";

const fileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, "a file name (letters, digits, . _ -), no directory")
  .describe("a file name without directory; .heapsnapshot is added when missing");

/**
 * Registers `capture`.
 *
 * @example
 * ```ts
 * registerCapture(server, ctx);
 * ```
 */
export const registerCapture: RegisterTools = (server, ctx) => {
  server.registerTool(
    "capture",
    {
      title: "Capture heap snapshots",
      description:
        "Takes count heap snapshots (1–10, intervalSeconds apart) of a running process over its inspector — node --inspect=9229, " +
        "deno --inspect, chromium --remote-debugging-port, bun --inspect — writes each into directory (under the allowed directories; " +
        "files appear only when complete, existing files are never overwritten) and loads it, returning handles for find_leaks, compare " +
        "and the other tools. The inspector connection stays open between calls (disconnect: true closes it), so snapshots taken in " +
        "separate calls (baseline; the user's action; target; final) keep matching heap ids. Only inspectors on this machine (loopback) " +
        "unless the user started the server with --allow-remote-inspector.",
      inputSchema: {
        port: z.number().int().min(1).max(65535).optional().describe("inspector port (with host, default 127.0.0.1)"),
        host: z.string().min(1).optional().describe("inspector host for port (default 127.0.0.1)"),
        url: z.string().min(1).optional().describe("the ws:// URL the target printed (Debugger listening on ws://…), or http://host:port"),
        match: z.string().min(1).optional().describe("with port: the target whose URL contains this text (a page among several)"),
        count: z.number().int().min(1).max(10).default(1).describe("how many snapshots (default 1)"),
        intervalSeconds: z.number().min(0).max(600).default(0).describe("seconds between snapshots (default 0)"),
        directory: z.string().min(1).default(".").describe("where to write, under an allowed directory (default: the working directory if allowed, else the first allowed one); created when missing"),
        names: z.array(fileName).max(10).optional().describe('file names, one per snapshot (default capture-<time>-<n>.heapsnapshot), e.g. ["baseline", "target", "final"]'),
        disconnect: z.boolean().default(false).describe("close the inspector connection afterwards"),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args, extra) =>
      guarded(async () => {
        const progress = toolProgress(extra);
        if (args.names && args.names.length !== args.count) throw new McpToolError("INVALID_ARGUMENT", `names: ${args.names.length} names for count ${args.count}`);
        const dir = await ctx.policy.writableDirectory(args.directory);
        const stamp = new Date().toISOString().replace(/[:.]/g, "-");
        const files = Array.from({ length: args.count }, (_, i) => {
          const name = args.names?.[i] ?? `capture-${stamp}-${i + 1}`;
          return join(dir, name.endsWith(".heapsnapshot") ? name : `${name}.heapsnapshot`);
        });
        for (const file of files) {
          if (await access(file).then(() => true, () => false)) throw new McpToolError("CANNOT_WRITE", `${file}: exists already; give other names`);
        }
        const { session, reused, key } = await ctx.captures.open(args);
        const snapshots = [];
        const keep = new Set<string>();
        try {
          for (const [i, file] of files.entries()) {
            if (i > 0 && args.intervalSeconds > 0) await new Promise((resolve) => setTimeout(resolve, args.intervalSeconds * 1000));
            // Raw V8 bytes go straight to the file; Bun's JavaScriptCore format is saved converted to V8's.
            const rewrite = session.protocol === "webkit";
            const onProgress = progress && ((p: { phase: string; done: number; total: number }) => progress(`snapshot ${i + 1} of ${files.length}: ${p.phase === "gc" ? "collecting garbage" : p.phase}`, p.done, p.total));
            const snapshot: HeapSnapshot = await session.capture({ ...(rewrite ? {} : { saveTo: file }), ...(onProgress ? { onProgress } : {}) });
            if (rewrite) await writeSnapshot(snapshot, file).catch((error: unknown) => Promise.reject(new McpToolError("CANNOT_WRITE", `${file}: ${(error as Error).message}`, { cause: error })));
            const entry = ctx.store.add(buildGraph(snapshot), file, [], keep);
            keep.add(entry.handle);
            snapshots.push({ snapshot: entry.handle, file, nodeCount: snapshot.nodeCount, edgeCount: snapshot.edgeCount });
          }
        } catch (error) {
          // A failed capture closes the session; forget it so that the next call reconnects.
          ctx.captures.close(key);
          throw asToolError(error);
        }
        if (args.disconnect) ctx.captures.close(key);
        const text =
          `Captured ${countNoun(snapshots.length, "snapshot")} from ${session.endpoint} (${reused ? "same connection as before: ids match earlier captures" : "new connection"}${args.disconnect ? ", now closed" : ", kept open"}):\n` +
          snapshots.map((s) => `  ${s.snapshot}  ${s.file}  ${formatCount(s.nodeCount)} nodes`).join("\n") +
          "\n";
        return toolResult({ endpoint: session.endpoint, protocol: session.protocol, sameConnection: reused, connectionOpen: !args.disconnect, snapshots }, text);
      }),
  );
};
