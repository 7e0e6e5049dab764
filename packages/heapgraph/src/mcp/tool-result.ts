/**
 * Result shaping for the MCP tools: every answer is a short text for the model plus the same
 * answer as `structuredContent`; every failure is a tool error (`isError: true`) with its typed
 * code, never a crash of the server.
 *
 * @module
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { asToolError } from "./mcp-error.ts";

/**
 * A successful tool result: `text` (what a model reads first) and `data` as structured content.
 *
 * @example
 * ```ts
 * return toolResult({ handle: "s1", nodeCount: 1200 }, "Loaded s1: 1,200 nodes");
 * ```
 */
export function toolResult(data: Record<string, unknown>, text: string): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: data };
}

/**
 * A failed tool call as a tool error: `CODE: message` as text, `{ error: { code, message } }`
 * as structured content.
 *
 * @example
 * ```ts
 * toolErrorResult(new McpToolError("PATH_NOT_ALLOWED", "/etc/passwd: outside the allowed directories"));
 * ```
 */
export function toolErrorResult(error: unknown): CallToolResult {
  const { code, message } = asToolError(error);
  return { isError: true, content: [{ type: "text", text: `${code}: ${message}` }], structuredContent: { error: { code, message } } };
}

/**
 * Runs a tool's body and turns any error it throws into a tool error result.
 *
 * @example
 * ```ts
 * server.registerTool("unload", config, (args) => guarded(async () => toolResult({ unloaded: true }, "ok")));
 * ```
 */
export async function guarded(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    return toolErrorResult(error);
  }
}

/**
 * One page of `rows`: `offset`, `limit`, how many there are in all and where the next page starts
 * (null on the last page).
 *
 * @example
 * ```ts
 * const { rows, total, nextOffset } = page(allRows, 20, 10);
 * ```
 */
export function page<T>(rows: readonly T[], offset: number, limit: number): { rows: T[]; offset: number; total: number; nextOffset: number | null } {
  const shown = rows.slice(offset, offset + limit);
  const next = offset + shown.length;
  return { rows: shown, offset, total: rows.length, nextOffset: next < rows.length ? next : null };
}
