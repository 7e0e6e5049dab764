/**
 * The error of `heapgraph watch`'s library part.
 *
 * @module
 */
import { HeapgraphError } from "@heapgraph/snapshot";

/**
 * What went wrong while watching:
 * - `INVALID_OPTIONS`: an option out of range (the message names it and the value).
 * - `TARGET_GONE`: the target exited or closed its inspector.
 * - `NOT_WATCHED`: a class the series has never seen.
 * - `STOPPED`: the watch was stopped before the request was answered.
 *
 * @example
 * ```ts
 * const code: WatchErrorCode = "TARGET_GONE";
 * ```
 */
export type WatchErrorCode = "INVALID_OPTIONS" | "TARGET_GONE" | "NOT_WATCHED" | "STOPPED";

/**
 * A failure of the watch loop or of a question asked of it. A `HeapgraphError`.
 *
 * @example
 * ```ts
 * throw new WatchError("NOT_WATCHED", `no class "Itemz" in the series`);
 * ```
 */
export class WatchError extends HeapgraphError<WatchErrorCode> {}
