/**
 * The error class of the live objgraph-style API.
 *
 * @module
 */
import { HeapgraphError } from "@heapgraph/snapshot";

/**
 * What went wrong in a live call:
 * - `INVALID_OPTIONS`: an unknown option, or one of the wrong kind;
 * - `INVALID_ARGUMENT`: a target that is neither a live object nor a node handle, a bad class
 *   name, an empty chain;
 * - `NOT_IN_SNAPSHOT`: a live object has a heap id, but the fresh snapshot has no node with it;
 * - `IDS_NOT_STABLE`: node handles from an earlier snapshot cannot be found again in a new one
 *   because the runtime (Bun) renumbers objects in every snapshot;
 * - `UNSUPPORTED_FILE`: a graph `filename` whose extension is not `.svg`, `.dot` or `.html`.
 *
 * @example
 * ```ts
 * const code: LiveErrorCode = "UNSUPPORTED_FILE";
 * ```
 */
export type LiveErrorCode = "INVALID_OPTIONS" | "INVALID_ARGUMENT" | "NOT_IN_SNAPSHOT" | "IDS_NOT_STABLE" | "UNSUPPORTED_FILE";

/**
 * Thrown by the live API (`showGrowth`, `showBackrefs`, ...) for bad arguments and for what a
 * snapshot cannot answer. `code` says which; the message names the call and the bad value. A
 * `HeapgraphError`, as every error of heapgraph's packages.
 * Errors of the layers below pass through unchanged: `NotSupportedError` (locating live objects
 * on Bun), `QueryError`, `RenderError`.
 *
 * @example
 * ```ts
 * import { LiveError, showRefs } from "heapgraph";
 * try {
 *   await showRefs([config], { filename: "config.png" });
 * } catch (error) {
 *   if (error instanceof LiveError && error.code === "UNSUPPORTED_FILE") console.log(error.message);
 * }
 * ```
 */
export class LiveError extends HeapgraphError<LiveErrorCode> {}
