/**
 * The error of {@link captureSeries} once the series has started.
 *
 * @module
 */
import { HeapgraphError } from "@heapgraph/snapshot";

/**
 * What went wrong in a capture series:
 * - `ACTION_FAILED`: the action between two snapshots failed (a command exited non-zero, a request failed).
 * - `CAPTURE_FAILED`: a capture failed after the session opened (the target went away, timed out); `cause` is the `CaptureError`.
 * - `CANNOT_WRITE`: a snapshot file could not be written; `cause` is the file system's error.
 * - `INVALID_OPTIONS`: the options are wrong (checked before connecting).
 *
 * @example
 * ```ts
 * const code: CaptureSeriesErrorCode = "ACTION_FAILED";
 * ```
 */
export type CaptureSeriesErrorCode = "ACTION_FAILED" | "CAPTURE_FAILED" | "CANNOT_WRITE" | "INVALID_OPTIONS";

/**
 * A failed capture series. `written` lists the snapshot files completed before the failure
 * (each whole: files appear only when complete, so nothing half-written is left), `taken` how
 * many snapshots were taken.
 *
 * @example
 * ```ts
 * try {
 *   await captureSeries({ target: { port: 9229 }, count: 3, outputDir: "snaps", between: () => runAction() });
 * } catch (error) {
 *   if (error instanceof CaptureSeriesError) console.log(error.code, error.written);
 * }
 * ```
 */
export class CaptureSeriesError extends HeapgraphError<CaptureSeriesErrorCode> {
  /** Snapshot files written completely before the failure. */
  readonly written: readonly string[];

  constructor(code: CaptureSeriesErrorCode, message: string, options: { cause?: unknown; written?: readonly string[] } = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.written = options.written ?? [];
  }
}
