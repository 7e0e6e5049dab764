/**
 * `@heapgraph/graph`: the runtime-neutral query engine over a parsed heap snapshot:
 * type statistics, growth, chains, dominators, retained sizes and leak detection.
 * No I/O, no runtime APIs.
 *
 * @module
 */
export {
  NO_DISTANCE,
  SYSTEM_DISTANCE,
  type BuildGraphOptions,
  type ClassIndex,
  type ClassStats,
  type DominatorTree,
  type GraphPhase,
  type GraphProgress,
  type HeapEdge,
  type HeapGraph,
  type HeapNode,
  type Retainers,
  type ScriptLocation,
} from "./internal/heap-graph-types.ts";
export type { Selection, SelectionEdge, SelectionNode, SelectionNodeRole } from "./internal/selection-types.ts";
export { buildGraph } from "./internal/build-graph.ts";
export { GraphError, type GraphErrorCode } from "./internal/graph-error.ts";
// Queries (objgraph's functions and what DevTools, memlab and Eclipse MAT add).
export { QueryError, type QueryErrorCode } from "./internal/query-error.ts";
export { findClass, findClasses, type ClassInfo } from "./internal/class-match.ts";
export {
  count,
  mostCommonTypes,
  typestats,
  type CountOptions,
  type MostCommonTypesOptions,
  type TypeStatsOptions,
  type TypeStatsRow,
} from "./internal/type-stats.ts";
export { byType, nodeById, nodesByIds, type ByTypeOptions, type NodesByIdsOptions } from "./internal/find-nodes.ts";
export { growth, type GrowthOptions, type GrowthRow } from "./internal/growth.ts";
export { GrowthTracker, type GrowthTrackerUpdateOptions } from "./internal/growth-tracker.ts";
export { idsAreStable, type StableIdsOption } from "./internal/id-stability.ts";
export { newObjects, type NewObjects, type NewObjectsOptions, type NewObjectsRow } from "./internal/new-objects.ts";
export { compare, type CompareOptions, type CompareRow } from "./internal/compare.ts";
export { leakingObjects, type LeakingObjectsOptions } from "./internal/leaking-objects.ts";
export { isDetached, isGCRoot, isGlobal, isModule, isUserRoot } from "./internal/predicates.ts";
export { isPlumbing } from "./internal/plumbing.ts";
export type { ChainEdge, ChainStep } from "./internal/chain-step.ts";
export { chainSteps, findBackrefChain, findRefChain, type ChainOptions } from "./internal/chains.ts";
export { pathToRoot, type NonRetainingHolder, type RootPath } from "./internal/path-to-root.ts";
export {
  backrefs,
  chainSelection,
  refs,
  type ChainSelectionOptions,
  type SubgraphOptions,
} from "./internal/subgraph.ts";
export { findLeaks, type FindLeaksOptions, type LeakClass, type LeakCluster } from "./internal/find-leaks.ts";
export { SIMILAR_TRACE_THRESHOLD, traceSimilarity, type TraceElement } from "./internal/trace-clusters.ts";
export { detachedDomNodes, type DetachedDomOptions, type DetachedDomRow } from "./internal/detached-dom.ts";
export { duplicateStrings, type DuplicateStringRow, type DuplicateStringsOptions } from "./internal/duplicate-strings.ts";
export { largestRetainers, type LargestRetainersOptions, type RetainerRow } from "./internal/largest-retainers.ts";
export {
  leakSuspects,
  type AccumulationPoint,
  type LeakSuspect,
  type LeakSuspectsOptions,
} from "./internal/leak-suspects.ts";
