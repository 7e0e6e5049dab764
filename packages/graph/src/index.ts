/**
 * `@heapgraph/graph`: the runtime-neutral query engine over a parsed heap snapshot:
 * type statistics, growth, chains, dominators, retained sizes and leak detection.
 * No I/O, no runtime APIs.
 *
 * @module
 */
export {
  NO_DISTANCE,
  type BuildGraphOptions,
  type ClassIndex,
  type GraphProgress,
  type HeapEdge,
  type HeapGraph,
  type HeapNode,
  type Retainers,
} from "./internal/heap-graph-types.ts";
export type { Selection, SelectionEdge, SelectionNode, SelectionNodeRole } from "./internal/selection-types.ts";
