/**
 * `@heapgraph/graph`: the runtime-neutral query engine over a parsed heap snapshot:
 * type statistics, growth, chains, dominators, retained sizes and leak detection.
 * No I/O, no runtime APIs.
 *
 * @module
 */
// The engine: buildGraph and the HeapGraph contract.
export {
  buildGraph,
  GraphError,
  NO_DISTANCE,
  SYSTEM_DISTANCE,
  type AllocationFrame,
  type BuildGraphOptions,
  type ClassCounts,
  type ClassIndex,
  type ClassStats,
  type DominatorTree,
  type EdgeVisitor,
  type GraphErrorCode,
  type GraphPhase,
  type GraphProgress,
  type HeapEdge,
  type HeapGraph,
  type HeapNode,
  type NodeColumns,
  type NonRetainingReason,
  NOISE_REASONS,
  type NoiseReason,
  type RetainingEdges,
  type Retainers,
  type RetentionTree,
  type ScriptLocation,
  type SnapshotInfo,
  type TypeCodes,
} from "./engine/index.ts";
// The index cache's engine side: a graph as typed-array sections and back.
export { ENGINE_VERSION, graphFromImage, graphImage, imageIndexes, type GraphImage, type GraphImageMeta } from "./engine/index.ts";
// Phases on a second thread: the injection point (the caller brings the workers) and the worker's side.
export { PARALLEL_MIN_EDGES, runPhaseJob, type PhaseJobMessage, type PhaseWorkers } from "./engine/index.ts";
// Queries (objgraph's functions and what DevTools, memlab and Eclipse MAT add).
export { QueryError, type QueryErrorCode } from "./queries/shared/query-error.ts";
export { classRegExp, HIDDEN, noiseFilter, SHOWN, type HiddenSummary, type NoiseFilter, type NoiseFilterOptions } from "./queries/shared/noise-filter.ts";
export { countsByQualifiedName, type CountingOptions, type QualifiedCount, type QualifiedCounts } from "./queries/growth/growth-counts.ts";
// stats
export type { ClassInfo, TypeStatsRow } from "./queries/stats/stats-rows.ts";
export { findClass, findClasses } from "./queries/stats/class-match.ts";
export { count, mostCommonTypes, typestats, type CountOptions, type MostCommonTypesOptions, type TypeStatsOptions } from "./queries/stats/type-stats.ts";
export { byType, nodeById, nodesByIds, type ByTypeOptions, type NodesByIdsOptions } from "./queries/stats/find-nodes.ts";
export { isDetached, isGCRoot, isGlobal, isModule, isPlumbing, isUserRoot } from "./queries/stats/predicates.ts";
// growth
export type { CompareRow, CompareRows, GrowthRow, GrowthRows, NewObjects, NewObjectsRow } from "./queries/growth/growth-rows.ts";
export { growth, type GrowthOptions } from "./queries/growth/growth.ts";
export { GrowthTracker, type GrowthTrackerOptions, type GrowthTrackerUpdateOptions } from "./queries/growth/growth-tracker.ts";
export { idsAreStable, type StableIdsOption } from "./queries/growth/id-stability.ts";
export { foreignIdsMessage, idComparability, type IdComparability } from "./queries/growth/id-comparability.ts";
export { newObjects, type NewObjectsOptions } from "./queries/growth/new-objects.ts";
export { compare, type CompareOptions } from "./queries/growth/compare.ts";
// chains
export type { AlsoHeldBy, ChainEdge, ChainStep, NonRetainingHolder, RootPath } from "./queries/chains/chain-rows.ts";
export { findBackrefChain, findRefChain, type ChainOptions } from "./queries/chains/find-chain.ts";
export { chainSteps } from "./queries/chains/chain-steps.ts";
export { pathToRoot } from "./queries/chains/path-to-root.ts";
export { alsoHeldBy } from "./queries/chains/also-held-by.ts";
export { instancesOf } from "./queries/chains/instances-of.ts";
export { representativeInstance, userVisiblePath, type InstanceGroup, type Representative } from "./queries/chains/representative.ts";
export { findTarget, type TargetChoice } from "./queries/chains/find-target.ts";
export { functionLabel, labelListeners, moduleFile, stepLabel } from "./queries/chains/step-label.ts";
export { collapseRepeats, stepKey } from "./queries/chains/collapse-repeats.ts";
// subgraph
export type { Selection, SelectionEdge, SelectionNode, SelectionNodeRole } from "./queries/subgraph/selection-types.ts";
export { backrefs, refs, type SubgraphOptions } from "./queries/subgraph/subgraph.ts";
export { chainSelection, type ChainSelectionOptions } from "./queries/subgraph/chain-selection.ts";
export { selectionNode, type SelectionMarks } from "./queries/subgraph/selection-node.ts";
// leaks: objgraph's leaking objects, memlab's three snapshots, Eclipse MAT's biggest objects and suspects
export type {
  AccumulationPoint,
  CodeLocation,
  LeakClass,
  LeakCluster,
  LeakHidden,
  LeakHolder,
  LeakReport,
  LeakSuspect,
  RetainerRow,
} from "./queries/leaks/leak-rows.ts";
export { leakingObjects, type LeakingObjectsOptions } from "./queries/leaks/leaking-objects.ts";
export { findLeaks, leakReport, type FindLeaksOptions } from "./queries/leaks/find-leaks.ts";
export { describeHolder, groupByHolder, growingCollection, oldHolders, type HeldObjects, type OldHolders } from "./queries/leaks/growing-holders.ts";
export { growingHolders, type GrowingHoldersOptions } from "./queries/leaks/find-growing-holders.ts";
export { leakedOrdinals, type LeakFilters } from "./queries/leaks/leaked-ordinals.ts";
export { leakedDominatorAncestors } from "./queries/leaks/leaked-dominators.ts";
export { holderEntries, unitOf, type HolderKind } from "./queries/leaks/holder-entries.ts";
export { holderHeadline, leakHeadline } from "./queries/leaks/leak-headline.ts";
export { TraceSignatures } from "./queries/shared/trace-signatures.ts";
export { SIMILAR_TRACE_THRESHOLD, traceSimilarity, type TraceElement } from "./queries/leaks/trace-clusters.ts";
export { largestRetainers, type LargestRetainersOptions } from "./queries/leaks/largest-retainers.ts";
export { leakSuspects, type LeakSuspectsOptions } from "./queries/leaks/leak-suspects.ts";
// strings and DOM
export type { DuplicateStringRow, DuplicateStrings, DuplicateStringsSummary } from "./queries/strings/duplicate-string-row.ts";
export { DEFAULT_TEXT_BUDGET, duplicateStrings, type DuplicateStringsOptions } from "./queries/strings/duplicate-strings.ts";
export type { DetachedDomRow } from "./queries/dom/detached-dom-row.ts";
export { detachedDomNodes, type DetachedDomOptions } from "./queries/dom/detached-dom.ts";
export type { DetachedWrapperRow } from "./queries/dom/detached-wrapper-row.ts";
export { detachedWrappers } from "./queries/dom/detached-wrappers.ts";
// allocations: where objects were allocated (snapshots taken with allocation tracking on)
export type { AllocationSiteRow, AllocationSites, AllocationSitesSummary } from "./queries/allocations/allocation-site-row.ts";
export { allocationSites, type AllocationSitesNodes, type AllocationSitesOptions } from "./queries/allocations/allocation-sites.ts";
