/**
 * The contract between the MCP server and its tools: what a tool can use (the loaded snapshots,
 * the path policy, the open inspector connections, the options) and how a tool group registers.
 *
 * @module
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CaptureSessions } from "./capture-sessions.ts";
import type { PathPolicy } from "./path-policy.ts";
import type { SnapshotStore } from "./snapshot-store.ts";

/**
 * What every tool can use; one per server (one conversation).
 *
 * @example
 * ```ts
 * const { graph } = await ctx.store.resolve(args.snapshot);
 * ```
 */
export interface ToolContext {
  readonly store: SnapshotStore;
  readonly policy: PathPolicy;
  readonly captures: CaptureSessions;
  readonly allowRemoteInspector: boolean;
}

/**
 * Registers one tool or a group of tools on the server.
 *
 * @example
 * ```ts
 * export const registerUnload: RegisterTools = (server, ctx) => { server.registerTool("unload", { ... }, ...); };
 * ```
 */
export type RegisterTools = (server: McpServer, ctx: ToolContext) => void;
