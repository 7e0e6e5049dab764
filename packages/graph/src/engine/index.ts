/**
 * The engine's one public face: what queries, and the package's entry point, may use. It indexes
 * a parsed snapshot (`buildGraph`) and answers through the {@link HeapGraph} contract — node
 * handles, typed columns, iteration helpers and cached indexes. Everything else under `engine/`
 * is private to the engine.
 *
 * @module
 */
// The error base every heapgraph error extends, for the queries' own error class.
export { HeapgraphError } from "@heapgraph/snapshot/errors";
export { buildGraph } from "./build-graph.ts";
export { ENGINE_VERSION, graphFromImage, graphImage, imageIndexes, type GraphImage, type GraphImageMeta } from "./cache/graph-image.ts";
export type { BuildGraphOptions, GraphPhase, GraphProgress } from "./build-options.ts";
export { GraphError, type GraphErrorCode } from "./graph-error.ts";
export {
  NO_DISTANCE,
  SYSTEM_DISTANCE,
  type AllocationFrame,
  type ClassCounts,
  type ClassIndex,
  type ClassStats,
  type DominatorTree,
  type NodeColumns,
  type NonRetainingReason,
  type RetainingEdges,
  type Retainers,
  type RetentionTree,
  type ScriptLocation,
  type TypeCodes,
} from "./graph-index-types.ts";
export type { EdgeVisitor, HeapEdge, HeapGraph, HeapNode, NeighbourWalker, SnapshotInfo, WalkOptions } from "./heap-graph-types.ts";
export { parseGraphOptions, type InvalidOptionsError } from "./parse-graph-options.ts";
export { PARALLEL_MIN_EDGES, type PhaseJobMessage, type PhaseWorkers } from "./parallel/phase-workers.ts";
export { runPhaseJob } from "./parallel/run-phase-job.ts";
export { NOISE_REASONS, type NoiseReason } from "./indexes/noise-mask.ts";
export { isRuntimeScript } from "./indexes/runtime-closures.ts";
export { isFrameRegistersEdge, isTransientRoot } from "./indexes/retention-tree.ts";
