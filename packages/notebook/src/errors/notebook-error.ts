import { HeapgraphError } from "@heapgraph/snapshot/errors";

/**
 * What went wrong, as a stable string for code that handles {@link NotebookError}s.
 *
 * @example
 * ```ts
 * const code: NotebookErrorCode = "NOT_SVG";
 * ```
 */
export type NotebookErrorCode = "NOT_SVG" | "BAD_BUNDLE" | "NOT_DISPLAYABLE";

/**
 * The error every `@heapgraph/notebook` function throws: a stable `code`, the bad value in
 * the message, and the original error as `cause` when there was one. A `HeapgraphError`, like
 * every heapgraph error.
 *
 * @example
 * ```ts
 * try {
 *   svgGraph("<div>not a graph</div>");
 * } catch (error) {
 *   if (error instanceof NotebookError && error.code === "NOT_SVG") console.error(error.message);
 * }
 * ```
 */
export class NotebookError extends HeapgraphError<NotebookErrorCode> {}

/**
 * The start of `text` for an error message, quoted on one line.
 *
 * @example
 * ```ts
 * preview("<div>\n</div>"); // '"<div>\\n</div>"'
 * ```
 */
export function preview(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
