import { HeapgraphError } from "@heapgraph/snapshot/errors";

/**
 * What went wrong while drawing, as a stable string.
 *
 * @example
 * ```ts
 * if (error instanceof RenderError && error.code === "GRAPH_TOO_LARGE") console.error("draw less");
 * ```
 */
export type RenderErrorCode =
  /** Graphviz rejected the DOT text (a syntax error, an unknown engine). */
  | "INVALID_DOT"
  /** The graph is too large to lay out in reasonable time; cut it with `maxDepth` / `tooMany`. */
  | "GRAPH_TOO_LARGE"
  /** The Graphviz WebAssembly module could not be loaded. */
  | "GRAPHVIZ_UNAVAILABLE"
  /** A selection is inconsistent (an edge to a node it lacks, a node listed twice). */
  | "INVALID_SELECTION"
  /** An option or a part of a report has the wrong shape. */
  | "INVALID_OPTIONS";

/**
 * The one error of `@heapgraph/render`: a string {@link RenderErrorCode}, the bad value in the
 * message, and the underlying error (from Graphviz, say) as `cause`. A `HeapgraphError`, like
 * every heapgraph error.
 *
 * @example
 * ```ts
 * try {
 *   await renderSvg("digraph { a -> }");
 * } catch (error) {
 *   if (error instanceof RenderError && error.code === "INVALID_DOT") console.error(error.message);
 * }
 * ```
 */
export class RenderError extends HeapgraphError<RenderErrorCode> {}
