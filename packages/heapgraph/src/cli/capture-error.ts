/**
 * What `heapgraph capture` says when `@heapgraph/snapshot`'s capture fails.
 *
 * @module
 */
import { CaptureError, SnapshotOptionsError } from "@heapgraph/snapshot";
import { CliError } from "./cli-error.ts";
import { cannotWrite } from "./output.ts";

/**
 * The capture's error as the command's: `CaptureError` (refused, timed out, went away) is
 * `CAPTURE_FAILED`; `SnapshotOptionsError` (options the flags let through but the library
 * refuses) is `USAGE`, pointing at `--help`; a file system error while saving to `output` is
 * `CANNOT_WRITE`. Other errors pass through.
 *
 * @example
 * ```ts
 * const session = await openCaptureSession(target).catch((e) => Promise.reject(captureError(e)));
 * ```
 */
export function captureError(error: unknown, output?: string): unknown {
  if (error instanceof CaptureError) return new CliError("CAPTURE_FAILED", `capture failed: ${error.message}`, { cause: error });
  if (error instanceof SnapshotOptionsError) return new CliError("USAGE", `capture: ${error.message.split("\n")[0]} (see heapgraph capture --help)`, { cause: error });
  const code = (error as { code?: unknown })?.code;
  if (output && typeof code === "string" && code.startsWith("E")) return cannotWrite(output, error);
  return error;
}
