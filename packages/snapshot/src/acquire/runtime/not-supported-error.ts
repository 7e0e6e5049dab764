/**
 * The error for an operation that the current runtime cannot do.
 *
 * @module
 */
import { HeapgraphError } from "../../errors/heapgraph-error.ts";
import type { RuntimeKind } from "./detect-runtime.ts";

/**
 * Thrown when the running runtime cannot do what was asked, for example
 * `heapIdOf` on Bun (no in-process inspector) or `takeSnapshot` in a browser page.
 * `code` is always `"NOT_SUPPORTED"`; the message says what to do instead.
 *
 * @example
 * ```ts
 * import { heapIdOf, NotSupportedError } from "@heapgraph/snapshot";
 * try {
 *   console.log(await heapIdOf(someObject));
 * } catch (e) {
 *   if (e instanceof NotSupportedError) console.log(`not on ${e.runtime}: ${e.message}`);
 *   else throw e;
 * }
 * ```
 */
export class NotSupportedError extends HeapgraphError<"NOT_SUPPORTED"> {
  /** The operation, e.g. `"heapIdOf"`. */
  readonly operation: string;
  /** The runtime it was called in. */
  readonly runtime: RuntimeKind;

  constructor(operation: string, runtime: RuntimeKind, message: string, options?: { cause?: unknown }) {
    super("NOT_SUPPORTED", `${operation} is not supported on ${runtime}: ${message}`, options);
    this.operation = operation;
    this.runtime = runtime;
  }
}
