/**
 * The error of calling the snapshot package wrongly: options or arguments that do not pass
 * their check, raised before any file, socket or inspector is touched.
 *
 * @module
 */
import { HeapgraphError } from "./heapgraph-error.ts";

/**
 * `INVALID_OPTIONS`: an option or argument of `readSnapshot`, `readJscSnapshot`,
 * `snapshotFromJson`, `writeSnapshot`, `takeSnapshot`, `captureSnapshot`,
 * `openCaptureSession` (and a session's `capture`), `listInspectorTargets`, `heapIdOf` or
 * `objectAt` is not what it accepts.
 *
 * @example
 * ```ts
 * if (error instanceof SnapshotOptionsError && error.code === "INVALID_OPTIONS") console.error(error.message);
 * ```
 */
export type SnapshotOptionsErrorCode = "INVALID_OPTIONS";

/**
 * Thrown when a caller passes something the function does not accept: an unknown or
 * mistyped option, a source that is not a snapshot source, a sink that is not a sink, a
 * primitive where an object is needed. The message starts with the function (and the
 * argument) and names every bad value; `cause` is the `ZodError` when a schema found it.
 *
 * @example
 * ```ts
 * import { readSnapshot, SnapshotOptionsError } from "@heapgraph/snapshot";
 * try {
 *   await readSnapshot("app.heapsnapshot", { totalBytes: -1 });
 * } catch (e) {
 *   if (e instanceof SnapshotOptionsError) console.error(e.code, e.message);
 *   // INVALID_OPTIONS readSnapshot options: totalBytes: Too small: expected number to be >=0 (got -1)
 *   else throw e;
 * }
 * ```
 */
export class SnapshotOptionsError extends HeapgraphError<SnapshotOptionsErrorCode> {
  constructor(message: string, options?: { cause?: unknown }) {
    super("INVALID_OPTIONS", message, options);
  }
}
