/**
 * Reading one snapshot file for the MCP server through the index cache (`../files/load-graph.ts`:
 * a file analysed once is mapped, not parsed, the next time), saying what the reader skipped,
 * with every way a file can be wrong as a typed tool error. Nothing is printed (stdout is the
 * protocol).
 *
 * @module
 */
import { stat } from "node:fs/promises";
import type { HeapGraph } from "@heapgraph/graph";
import { loadGraph } from "../files/load-graph.ts";
import { asToolError, McpToolError } from "./mcp-error.ts";
import type { ToolProgress } from "./tool-progress.ts";

/**
 * A file read into an indexed graph, with the reader's warnings and the file's size.
 *
 * @example
 * ```ts
 * const { graph, warnings, fileBytes }: ReadGraph = await readGraph("/srv/app.heapsnapshot");
 * ```
 */
export interface ReadGraph {
  readonly graph: HeapGraph;
  /** What the reader skipped, as DevTools does (e.g. a location pointing at no node), and cache problems. */
  readonly warnings: readonly string[];
  readonly fileBytes: number;
}

/**
 * Reads and indexes the snapshot at `realPath` (already checked by the path policy): plain or
 * gzip, V8 or JavaScriptCore format; from the index cache when it holds this file's content.
 * `progress` hears each phase (reading, the engine's, the cache's).
 * `BAD_INPUT` for a directory or a file that is no heap snapshot, `FILE_NOT_FOUND` when it went away.
 *
 * @example
 * ```ts
 * const { graph } = await readGraph(await policy.readable("app.heapsnapshot"), "app.heapsnapshot");
 * ```
 */
export async function readGraph(realPath: string, asGiven: string, progress?: ToolProgress): Promise<ReadGraph> {
  const info = await stat(realPath).catch((error: unknown) => Promise.reject(asToolError(error)));
  if (info.isDirectory()) throw new McpToolError("BAD_INPUT", `${asGiven}: is a directory, not a heap snapshot file`);
  if (!info.isFile()) throw new McpToolError("BAD_INPUT", `${asGiven}: not a regular file`);
  const warnings: string[] = [];
  try {
    const graph = await loadGraph(realPath, {
      onWarning: (message) => void (warnings.length < 20 && warnings.push(message)),
      ...(progress ? { onProgress: ({ phase, done, total }: { phase: string; done: number; total: number }) => progress(`${asGiven}: ${phase}`, done, total) } : {}),
    });
    return { graph, warnings, fileBytes: info.size };
  } catch (error) {
    const typed = asToolError(error);
    if (typed.code === "BAD_INPUT") throw new McpToolError("BAD_INPUT", `${asGiven}: not a readable heap snapshot (${typed.message})`, { cause: error });
    throw typed;
  }
}
