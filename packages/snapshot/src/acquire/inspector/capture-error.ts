/**
 * The error of snapshot acquisition from another process.
 *
 * @module
 */
import { HeapgraphError } from "../../errors/heapgraph-error.ts";

/**
 * What went wrong while capturing:
 * - `REFUSED`: nothing accepted the connection at the endpoint.
 * - `TIMEOUT`: a wait ran past its limit (connect, a command, or no snapshot data for too long).
 * - `NOT_CDP`: something answered, but not a DevTools inspector (or not at that path).
 * - `NO_TARGET`: the inspector lists no target that matches the chooser.
 * - `TARGET_CLOSED`: the connection closed (target exited, crashed or detached) before the snapshot completed.
 * - `PROTOCOL`: the inspector answered with an error (its `cause` is then a `ProtocolReplyError`)
 *   or with a message that makes no sense.
 * - `NOT_SUPPORTED`: the target's inspector cannot do what was asked (allocation tracking over
 *   WebKit's protocol, Bun's).
 *
 * @example
 * ```ts
 * if (error instanceof CaptureError && error.code === "TIMEOUT") console.log("raise idleTimeoutMs");
 * ```
 */
export type CaptureErrorCode = "REFUSED" | "TIMEOUT" | "NOT_CDP" | "NO_TARGET" | "TARGET_CLOSED" | "PROTOCOL" | "NOT_SUPPORTED";

/**
 * Thrown by `captureSnapshot`, `listInspectorTargets` and `openCaptureSession`.
 * The message names the endpoint; `cause` carries the underlying error when there is one.
 *
 * @example
 * ```ts
 * import { captureSnapshot, CaptureError } from "@heapgraph/snapshot";
 * try {
 *   await captureSnapshot({ port: 9229 });
 * } catch (e) {
 *   if (e instanceof CaptureError && e.code === "REFUSED") console.log("start the target with --inspect");
 *   else throw e;
 * }
 * ```
 */
export class CaptureError extends HeapgraphError<CaptureErrorCode> {
  /** The URL that was being talked to (`ws://…` or `http://…/json/list`). */
  readonly endpoint: string;

  constructor(code: CaptureErrorCode, endpoint: string, message: string, options?: { cause?: unknown }) {
    super(code, `${code}: ${message} (endpoint ${endpoint})`, options);
    this.endpoint = endpoint;
  }
}
