/**
 * `load_snapshot`, `list_snapshots` and `unload`: the snapshots of the conversation.
 *
 * @module
 */
import { basename } from "node:path";
import { mostCommonTypes } from "@heapgraph/graph";
import { formatCount, formatSize } from "@heapgraph/render";
import { z } from "zod";
import { guessRuntime } from "../guess-runtime.ts";
import { McpToolError } from "../mcp-error.ts";
import type { LoadedSnapshot } from "../snapshot-store.ts";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, toolResult } from "../tool-result.ts";
import { limitInput, snapshotRef } from "./tool-inputs.ts";

/**
 * A loaded snapshot's summary: handle, file, format, counts, total size and the most common classes.
 *
 * @example
 * ```ts
 * const { data, text } = snapshotSummary(entry, 5);
 * ```
 */
export function snapshotSummary(entry: LoadedSnapshot, top: number): { data: Record<string, unknown>; text: string } {
  const { graph } = entry;
  const totalSize = graph.retainedSizes()[graph.rootOrdinal] ?? 0;
  const types = mostCommonTypes(graph, { limit: top }).map((t) => ({ name: t.name, count: t.count, selfSize: t.selfSize, retainedSize: t.retainedSize }));
  const engine = graph.snapshot.format === "jsc" ? "JavaScriptCore" : "V8";
  const data = {
    snapshot: entry.handle,
    file: entry.path,
    format: graph.snapshot.format,
    engine,
    runtime: guessRuntime(graph),
    nodeCount: graph.nodeCount,
    edgeCount: graph.edgeCount,
    totalSize,
    estimatedMemory: entry.bytes,
    topClasses: types,
    ...(entry.warnings.length > 0 ? { warnings: entry.warnings } : {}),
  };
  const lines = [
    `${entry.handle}: ${basename(entry.path)} (${engine} heap snapshot${data.runtime === "unknown" ? "" : `, ${data.runtime}`}): ${formatCount(graph.nodeCount)} nodes, ${formatCount(graph.edgeCount)} edges, ${formatSize(totalSize)} reachable.`,
    `Most common classes: ${types.map((t) => `${t.name} ×${formatCount(t.count)}`).join(", ")}.`,
    ...entry.warnings.map((w) => `warning: ${w}`),
  ];
  return { data, text: `${lines.join("\n")}\n` };
}

/**
 * Registers `load_snapshot`, `list_snapshots` and `unload`.
 *
 * @example
 * ```ts
 * registerSnapshotTools(server, ctx);
 * ```
 */
export const registerSnapshotTools: RegisterTools = (server, ctx) => {
  server.registerTool(
    "load_snapshot",
    {
      title: "Load a heap snapshot",
      description:
        "Reads a .heapsnapshot file (V8 from Node/Deno/Chrome, or Bun's; gzip or not) once for this conversation and returns its handle " +
        "(s1, s2, …) with a summary: engine, runtime (guessed from its classes), node and edge counts, total reachable size, the most common classes. Pass the handle to the " +
        "other tools. Only files under the directories the user allowed can be read. Loading the same file again returns the same handle.",
      inputSchema: { path: z.string().min(1).describe("path of the snapshot file: absolute, or relative to the working directory (the first allowed directory when the working directory is not allowed)"), top: limitInput(10, 50) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ path, top }, extra) =>
      guarded(async () => {
        const { data, text } = snapshotSummary(await ctx.store.load(path, new Set(), toolProgress(extra)), top);
        return toolResult(data, text);
      }),
  );

  server.registerTool(
    "list_snapshots",
    {
      title: "List the loaded snapshots",
      description: "The snapshots loaded in this conversation (handle, file, node count, estimated memory), most recently used first, and the memory limits.",
      inputSchema: {},
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () =>
      guarded(async () => {
        const snapshots = ctx.store.list().map((e) => ({ snapshot: e.handle, file: e.path, nodeCount: e.graph.nodeCount, estimatedMemory: e.bytes }));
        const { maxSnapshots, maxBytes } = ctx.store.limits;
        const text =
          snapshots.length === 0
            ? "No snapshot loaded.\n"
            : snapshots.map((s) => `${s.snapshot}  ${basename(s.file)}  ${formatCount(s.nodeCount)} nodes  ~${formatSize(s.estimatedMemory)}`).join("\n") + "\n";
        return toolResult({ snapshots, limits: { maxSnapshots, maxBytes }, allowedDirectories: ctx.policy.roots }, `${text}(at most ${maxSnapshots} kept, ~${formatSize(maxBytes)}; least recently used evicted first)\n`);
      }),
  );

  server.registerTool(
    "unload",
    {
      title: "Unload a snapshot",
      description: "Forgets a loaded snapshot and frees its memory. Its handle stops working; load the file again to use it.",
      inputSchema: { snapshot: snapshotRef.describe("the handle to unload (s1)") },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ snapshot }) =>
      guarded(async () => {
        if (!ctx.store.unload(snapshot)) throw new McpToolError("UNKNOWN_SNAPSHOT", `no loaded snapshot ${JSON.stringify(snapshot)}`);
        return toolResult({ unloaded: snapshot }, `Unloaded ${snapshot}.\n`);
      }),
  );
};
