import { HeapgraphError } from "@heapgraph/snapshot/errors";

/**
 * What went wrong in the graph engine.
 *
 * @example
 * ```ts
 * if (error instanceof GraphError && error.code === "ORDINAL_OUT_OF_RANGE") retryWith(0);
 * ```
 */
export type GraphErrorCode = "INVALID_OPTIONS" | "ORDINAL_OUT_OF_RANGE" | "EDGE_OUT_OF_RANGE" | "INVALID_SNAPSHOT" | "INVALID_IMAGE";

/**
 * The one error class of `@heapgraph/graph`'s engine: a bad option, a node ordinal or edge index
 * out of range, a snapshot whose structure the engine cannot index, or a graph image (index cache)
 * that does not hold what it says (`INVALID_IMAGE`). `code` says which. A
 * {@link HeapgraphError}, like every heapgraph error.
 *
 * @example
 * ```ts
 * try {
 *   graph.node(-1);
 * } catch (error) {
 *   if (error instanceof GraphError && error.code === "ORDINAL_OUT_OF_RANGE") console.log(error.message);
 * }
 * ```
 */
export class GraphError extends HeapgraphError<GraphErrorCode> {}
