/**
 * An error reply of an inspector protocol, as the cause of a `PROTOCOL` capture error.
 *
 * @module
 */
import { HeapgraphError } from "../../errors/heapgraph-error.ts";

/**
 * A protocol error reply (`{ id, error: { code, message } }`) to one command, kept as the
 * `cause` of a `PROTOCOL` {@link CaptureError}. `code` is always `"PROTOCOL_REPLY"`; the
 * inspector's own numeric code (JSON-RPC's, e.g. -32601 for an unknown method) is
 * `protocolCode`.
 *
 * @example
 * ```ts
 * import { CaptureError, captureSnapshot, ProtocolReplyError } from "@heapgraph/snapshot";
 * try {
 *   await captureSnapshot("ws://127.0.0.1:9229/3f1c…");
 * } catch (e) {
 *   if (e instanceof CaptureError && e.cause instanceof ProtocolReplyError) console.log(e.cause.method, e.cause.protocolCode);
 *   else throw e;
 * }
 * ```
 */
export class ProtocolReplyError extends HeapgraphError<"PROTOCOL_REPLY"> {
  /** The inspector's numeric error code, e.g. -32601 (method not found). */
  readonly protocolCode: number;
  /** The command that failed, e.g. `"HeapProfiler.enable"`. */
  readonly method: string;

  constructor(method: string, protocolCode: number, message: string) {
    super("PROTOCOL_REPLY", `${method} failed: ${message} (${protocolCode})`);
    this.protocolCode = protocolCode;
    this.method = method;
  }
}
