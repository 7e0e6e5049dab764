/**
 * The one error class of the MCP server: what a tool call could not do, as a stable `code` the
 * client sees in the tool result (`isError: true`), and the mapping of the library's errors to it.
 *
 * @module
 */
import { GraphError, QueryError } from "@heapgraph/graph";
import { RenderError } from "@heapgraph/render";
import { CaptureError, HeapgraphError, SnapshotFormatError, SnapshotIoError } from "@heapgraph/snapshot";

/**
 * What went wrong in a tool call:
 * - `PATH_NOT_ALLOWED`: a path outside the allowed directories (`--allow`), also through a symlink.
 * - `FILE_NOT_FOUND`: no such file (inside the allowed directories).
 * - `BAD_INPUT`: the file is not a readable heap snapshot (or is a directory).
 * - `UNKNOWN_SNAPSHOT`: no loaded snapshot has that handle (never loaded, unloaded, or evicted).
 * - `NOT_FOUND`: the snapshot has no object with that id, or of that class, or no retaining path.
 * - `IDS_NOT_STABLE`: heap ids do not identify objects across these snapshots (Bun, or two connections).
 * - `REMOTE_INSPECTOR_NOT_ALLOWED`: an inspector address that is not loopback, without `--allow-remote-inspector`.
 * - `CAPTURE_FAILED`: the inspector refused, timed out, or went away.
 * - `CANNOT_WRITE`: a captured snapshot could not be written (or the file exists already).
 * - `GRAPH_TOO_LARGE`: a drawing over the size limits.
 * - `INVALID_ARGUMENT`: arguments that pass the schema but not together (neither `id` nor `className`).
 * - `INTERNAL`: a bug in heapgraph.
 *
 * @example
 * ```ts
 * const code: McpErrorCode = "PATH_NOT_ALLOWED";
 * ```
 */
export type McpErrorCode =
  | "PATH_NOT_ALLOWED"
  | "FILE_NOT_FOUND"
  | "BAD_INPUT"
  | "UNKNOWN_SNAPSHOT"
  | "NOT_FOUND"
  | "IDS_NOT_STABLE"
  | "REMOTE_INSPECTOR_NOT_ALLOWED"
  | "CAPTURE_FAILED"
  | "CANNOT_WRITE"
  | "GRAPH_TOO_LARGE"
  | "INVALID_ARGUMENT"
  | "INTERNAL";

/**
 * A failed tool call: the message names the value at fault (a path, a handle, an id). A
 * `HeapgraphError`, as every error of heapgraph's packages.
 *
 * @example
 * ```ts
 * throw new McpToolError("UNKNOWN_SNAPSHOT", `no loaded snapshot "s7" (loaded: s1, s2)`);
 * ```
 */
export class McpToolError extends HeapgraphError<McpErrorCode> {}

/**
 * Any error thrown in a tool, as an {@link McpToolError}: the library's typed errors keep their
 * meaning (`IDS_NOT_STABLE`, `GRAPH_TOO_LARGE`, a format error as `BAD_INPUT`); anything else is
 * `INTERNAL`.
 *
 * @example
 * ```ts
 * try { await run(); } catch (e) { const { code, message } = asToolError(e); }
 * ```
 */
export function asToolError(error: unknown): McpToolError {
  if (error instanceof McpToolError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof QueryError) {
    if (error.code === "IDS_NOT_STABLE") return new McpToolError("IDS_NOT_STABLE", message, { cause: error });
    if (error.code === "NOT_FOUND") return new McpToolError("NOT_FOUND", message, { cause: error });
    return new McpToolError("INVALID_ARGUMENT", message, { cause: error });
  }
  if (error instanceof RenderError && error.code === "GRAPH_TOO_LARGE") return new McpToolError("GRAPH_TOO_LARGE", message, { cause: error });
  if (error instanceof CaptureError) return new McpToolError("CAPTURE_FAILED", message, { cause: error });
  if (error instanceof SnapshotIoError && error.code === "NOT_FOUND") return new McpToolError("FILE_NOT_FOUND", message, { cause: error });
  if (error instanceof SnapshotFormatError || error instanceof SnapshotIoError) return new McpToolError("BAD_INPUT", message, { cause: error });
  if (error instanceof GraphError && error.code === "INVALID_SNAPSHOT") return new McpToolError("BAD_INPUT", message, { cause: error });
  return new McpToolError("INTERNAL", `internal error: ${message} (please report it)`, { cause: error });
}
