/**
 * The error of the file system around reading and writing snapshots.
 *
 * @module
 */
import { HeapgraphError } from "./heapgraph-error.ts";

/**
 * - `NOT_FOUND`: the source file does not exist.
 * - `READ_FAILED`: opening or reading the source failed (permissions, a directory, an I/O error,
 *   or a stream that errored).
 * - `WRITE_FAILED`: writing to the sink failed; a file sink leaves no partial file behind.
 *
 * @example
 * ```ts
 * if (error instanceof SnapshotIoError && error.code === "NOT_FOUND") console.log(error.path, "is not there");
 * ```
 */
export type SnapshotIoErrorCode = "NOT_FOUND" | "READ_FAILED" | "WRITE_FAILED";

/**
 * Thrown by `readSnapshot` and `writeSnapshot` when the bytes cannot be read or written.
 * The message names the path; `cause` is the runtime's own error.
 *
 * @example
 * ```ts
 * import { readSnapshot, SnapshotIoError } from "@heapgraph/snapshot";
 * try {
 *   await readSnapshot("missing.heapsnapshot");
 * } catch (e) {
 *   if (e instanceof SnapshotIoError && e.code === "NOT_FOUND") console.log(e.path, "is not there");
 *   else throw e;
 * }
 * ```
 */
export class SnapshotIoError extends HeapgraphError<SnapshotIoErrorCode> {
  /** The file involved, or null for streams and callbacks. */
  readonly path: string | null;

  constructor(code: SnapshotIoErrorCode, path: string | null, message: string, options?: { cause?: unknown }) {
    super(code, `${code}: ${message}${path ? ` (${path})` : ""}`, options);
    this.path = path;
  }
}
