/**
 * The MCP server's options (from `heapgraph mcp`'s flags), checked with zod.
 *
 * @module
 */
import { z } from "zod";

/**
 * Checks {@link McpServerOptions}.
 *
 * @example
 * ```ts
 * mcpServerOptionsSchema.parse({ allow: ["."], allowRemoteInspector: false });
 * ```
 */
export const mcpServerOptionsSchema = z.strictObject({
  /** Directories whose files the tools may read and where captures are written (default: the working directory). */
  allow: z.array(z.string().min(1)).default([]),
  /** Capture from inspectors on other hosts than loopback (default false). */
  allowRemoteInspector: z.boolean().default(false),
  /** Loaded snapshots kept before the least recently used is evicted (default 8). */
  maxSnapshots: z.number().int().min(1).default(8),
  /** Estimated memory of the loaded snapshots before the least recently used is evicted (default 4 GiB). */
  maxBytes: z.number().int().min(1).default(4 * 2 ** 30),
});

/**
 * Options of the MCP server.
 *
 * @example
 * ```ts
 * const options: McpServerOptions = { allow: ["snapshots"], allowRemoteInspector: false };
 * ```
 */
export type McpServerOptions = z.input<typeof mcpServerOptionsSchema>;
