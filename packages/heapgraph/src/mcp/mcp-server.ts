/**
 * The heapgraph MCP server: an `McpServer` of the official SDK with heapgraph's tools, one
 * conversation's state (loaded snapshots, inspector connections) and the path policy; and
 * running it over stdio until the client closes its end.
 *
 * @module
 */
import process from "node:process";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CaptureSessions } from "./capture-sessions.ts";
import { mcpServerOptionsSchema, type McpServerOptions } from "./mcp-options.ts";
import { PathPolicy } from "./path-policy.ts";
import { SnapshotStore } from "./snapshot-store.ts";
import type { ToolContext } from "./tool-context.ts";
import { registerCapture } from "./tools/capture-tool.ts";
import { registerChain } from "./tools/chain-tool.ts";
import { registerCompare } from "./tools/compare-tool.ts";
import { registerDetachedDom } from "./tools/detached-dom-tool.ts";
import { registerDominators } from "./tools/dominators-tool.ts";
import { registerDraw } from "./tools/draw-tool.ts";
import { registerDuplicateStrings } from "./tools/duplicate-strings-tool.ts";
import { registerFindLeaks } from "./tools/find-leaks-tool.ts";
import { registerSnapshotTools } from "./tools/snapshot-tools.ts";
import { registerSubgraphTools } from "./tools/subgraph-tools.ts";
import { registerTypeStats } from "./tools/type-stats-tool.ts";

const INSTRUCTIONS = `heapgraph answers memory-leak questions about V8 heap snapshots (Node, Deno, Chrome, Bun).
Start with load_snapshot (a .heapsnapshot file) or capture (a running process's inspector port): both return handles (s1, s2, …) that the other tools take.
For a leak: three snapshots of one process over one connection (baseline, after the action, after undoing it) → find_leaks; its first headline names the holder that grew.
Then chain (why an object is alive), backrefs/refs (its neighbourhood), draw (SVG). type_stats, compare, dominators, duplicate_strings and detached_dom answer the rest.
Results are bounded (limit/offset, maxDepth, tooMany, maxNodes); errors carry a code (PATH_NOT_ALLOWED, FILE_NOT_FOUND, BAD_INPUT, UNKNOWN_SNAPSHOT, NOT_FOUND, IDS_NOT_STABLE, …).`;

/**
 * A server with every tool registered, and `close()` for its state (inspector connections).
 *
 * @example
 * ```ts
 * const { server, close } = await createMcpServer({ allow: ["snapshots"] });
 * await server.connect(transport);
 * ```
 */
export async function createMcpServer(rawOptions: McpServerOptions = {}, version = "0.0.0"): Promise<{ server: McpServer; context: ToolContext; close: () => void }> {
  const options = mcpServerOptionsSchema.parse(rawOptions);
  const policy = await PathPolicy.create(options.allow);
  const context: ToolContext = {
    policy,
    store: new SnapshotStore(policy, { maxSnapshots: options.maxSnapshots, maxBytes: options.maxBytes }),
    captures: new CaptureSessions(options.allowRemoteInspector),
    allowRemoteInspector: options.allowRemoteInspector,
  };
  const server = new McpServer({ name: "heapgraph", title: "heapgraph: memory leaks in V8 heap snapshots", version }, { instructions: INSTRUCTIONS });
  for (const register of [
    registerSnapshotTools,
    registerTypeStats,
    registerCompare,
    registerFindLeaks,
    registerChain,
    registerSubgraphTools,
    registerDominators,
    registerDetachedDom,
    registerDuplicateStrings,
    registerCapture,
    registerDraw,
  ]) {
    register(server, context);
  }
  return { server, context, close: () => context.captures.closeAll() };
}

/**
 * Serves MCP on this process's stdin and stdout until the client closes stdin (or the transport
 * fails). Nothing else may write to stdout: the caller keeps its output on stderr.
 *
 * @example
 * ```ts
 * await runMcpServer({ allow: ["."] }, "0.1.0");
 * ```
 */
export async function runMcpServer(options: McpServerOptions = {}, version?: string): Promise<void> {
  const { server, close } = await createMcpServer(options, version);
  // A stray rejection (a socket of a closed inspector connection) is said on stderr; it never ends the server.
  const onRejection = (reason: unknown) => void process.stderr.write(`heapgraph mcp: ignored: ${reason instanceof Error ? reason.message : String(reason)}\n`);
  process.on("unhandledRejection", onRejection);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once("end", resolve);
    process.stdin.once("close", resolve);
  });
  await server.connect(transport);
  try {
    await closed;
  } finally {
    process.off("unhandledRejection", onRejection);
    close();
    await server.close().catch(() => {});
  }
}
