import { HeapgraphError } from "../../engine/index.ts";

/**
 * What went wrong in a query.
 *
 * @example
 * ```ts
 * if (error instanceof QueryError && error.code === "AMBIGUOUS_NAME") console.log(error.message);
 * ```
 */
export type QueryErrorCode =
  /** No class, node or id matched what was asked for. */
  | "NOT_FOUND"
  /** A short class name matched several classes (same name, different definition sites) where one was needed. */
  | "AMBIGUOUS_NAME"
  /** Heap object ids are not stable across the snapshots given (Bun renumbers them), so an id-based question has no answer. */
  | "IDS_NOT_STABLE"
  /** An option had the wrong type or value, or was not an option of that query. */
  | "INVALID_OPTIONS"
  /** A node handle came from another graph than the one queried. */
  | "FOREIGN_NODE";

/**
 * The one error class of heapgraph's queries (`count`, `growth`, `pathToRoot`, `findLeaks`, ...).
 * `code` says what went wrong; the message names the query and the bad value. A
 * {@link HeapgraphError}, like every heapgraph error.
 *
 * @example
 * ```ts
 * try {
 *   newObjects(before, after);
 * } catch (error) {
 *   if (error instanceof QueryError && error.code === "IDS_NOT_STABLE") console.log(error.message);
 * }
 * ```
 */
export class QueryError extends HeapgraphError<QueryErrorCode> {}
