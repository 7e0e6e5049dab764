/**
 * `heapgraph mcp`: a Model Context Protocol server over stdio, for coding agents (see `../../mcp/`).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { McpToolError } from "../../mcp/mcp-error.ts";
import { CliError } from "../cli-error.ts";
import { defineCommand } from "../command.ts";
import { repeatableFlag, switchFlag } from "../flags.ts";
import { z } from "zod";

/**
 * `mcp [--allow DIR]... [--allow-remote-inspector]`: serves MCP on stdin/stdout until the client
 * closes stdin. Stdout carries only the protocol; anything a library would print goes to stderr.
 *
 * @example
 * ```ts
 * await main(["mcp", "--allow", "snapshots"]);
 * ```
 */
export const mcpCommand = defineCommand({
  name: "mcp",
  summary: "serve the analyses to a coding agent: a Model Context Protocol server over stdio",
  positionals: [],
  options: {
    allow: repeatableFlag("DIR", "a directory whose snapshot files the tools may read and where capture writes; repeatable (default: the working directory)", z.string().min(1)),
    "allow-remote-inspector": switchFlag("let capture reach inspectors on other hosts than loopback"),
  },
  details: `
An MCP client starts it and speaks JSON-RPC on its stdin and stdout, e.g. in the client's
configuration: {"mcpServers": {"heapgraph": {"command": "npx", "args": ["heapgraph", "mcp", "--allow", "."]}}}

Tools: load_snapshot, list_snapshots, unload, type_stats, compare, find_leaks, chain, refs,
backrefs, dominators, detached_dom, duplicate_strings, capture, draw. Loaded snapshots stay in
memory for the conversation, each parsed once (through the index cache, as the other commands);
beyond 8 snapshots or about 4 GiB the least recently used is evicted. Files are read and
written only under the --allow directories (symlinks resolved); capture reaches only
inspectors on this machine unless --allow-remote-inspector. Every failure is a tool error
with a code; the server keeps serving. Stdout carries only the protocol.`,
  examples: ["heapgraph mcp", "heapgraph mcp --allow ./snapshots --allow ./captures", "heapgraph mcp --allow . --allow-remote-inspector"],
  async run(args) {
    // Stdout is the protocol: whatever a library logs goes to stderr instead.
    for (const method of ["log", "info", "debug"] as const) console[method] = (...items: unknown[]) => console.error(...items);
    try {
      // Loaded here: the MCP SDK is the heaviest import of the CLI, and only this command needs it.
      const { runMcpServer } = await import("../../mcp/mcp-server.ts");
      await runMcpServer({ allow: args.values.allow ?? [], allowRemoteInspector: args.values["allow-remote-inspector"] }, version());
    } catch (error) {
      if (error instanceof McpToolError && error.code === "PATH_NOT_ALLOWED") throw new CliError("USAGE", error.message, { cause: error });
      throw error;
    }
  },
});

function version(): string {
  try {
    return String(JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")).version);
  } catch {
    return "0.0.0";
  }
}
