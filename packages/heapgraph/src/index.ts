/**
 * heapgraph: objgraph for JavaScript.
 *
 * - Flat: the live API, objgraph's functions in camelCase over the running process (`count`,
 *   `typestats`, `showGrowth()`, `showBackrefs([obj])`, ...), with what its calls take and
 *   return (`liveGraph`, `GrowthTracker`, node predicates such as `isGlobal`, `buildGraph` and
 *   the graph types); `@heapgraph/snapshot` (read, write, take, capture snapshots; heap ids);
 *   `@heapgraph/render` (DOT, SVG, tables, reports); `@heapgraph/notebook` (Jupyter display).
 * - `queries`: every query of `@heapgraph/graph`, which take a graph:
 *   `queries.count(await liveGraph(), "Item")`, `queries.findLeaks(a, b, c)`. objgraph's names
 *   flat are the live ones; the graph's are only there.
 *
 * The README's table maps each objgraph name to both.
 *
 * @module
 */
// The live objgraph API over this process.
export { liveGraph, type LiveSnapshotOptions } from "./live/live-snapshot.ts";
export { LiveError, type LiveErrorCode } from "./live/live-error.ts";
export type { TextSink } from "./live/output.ts";
export type { GraphOutputOptions } from "./live/show-graph.ts";
export { isHeapNode } from "./live/locate.ts";
export { count, type LiveCountOptions } from "./live/count.ts";
export { mostCommonTypes, typestats, type LiveMostCommonTypesOptions, type LiveTypeStatsOptions } from "./live/type-stats.ts";
export { showMostCommonTypes, type ShowMostCommonTypesOptions } from "./live/show-most-common-types.ts";
export { defaultGrowthTracker, growth, resetGrowth, type LiveGrowthOptions } from "./live/growth.ts";
export { showGrowth, type ShowGrowthOptions } from "./live/show-growth.ts";
export { LeakCheck, startLeakCheck, type FinishLeakCheckOptions } from "./live/leak-check.ts";
export { findLeaksIn, type FindLeaksInOptions, type GrowingClass, type LeakTestReport } from "./live/find-leaks-in.ts";
export { assertNoLeaks, LeakAssertionError } from "./live/assert-no-leaks.ts";
// Scenario runs (what `heapgraph run` does), for scripts.
export { defineScenario, type PageStepContext, type ProcessStepContext, type Scenario, type StepContext } from "./scenario/scenario-schema.ts";
export { loadScenario, type LoadedScenario } from "./scenario/load-scenario.ts";
export { runScenario, type RunScenarioOptions, type ScenarioRun, type SnapshotLabel } from "./scenario/run-scenario.ts";
export { ScenarioError, type ScenarioErrorCode } from "./scenario/scenario-error.ts";
export { defaultNewIdsTracker, getNewIds, type GetNewIdsOptions } from "./live/get-new-ids.ts";
export { NewIdsTracker, type NewIdsRow, type NewIdsSortBy } from "./live/new-ids-tracker.ts";
export { getLeakingObjects, type GetLeakingObjectsOptions } from "./live/leaking-objects.ts";
export { byType, type LiveByTypeOptions } from "./live/by-type.ts";
export { at, atAddrs } from "./live/at.ts";
export { findBackrefChain, findRefChain, showChain, type LiveChainOptions, type ShowChainOptions } from "./live/chains.ts";
export { showBackrefs, showRefs, type ShowRefsOptions } from "./live/show-refs.ts";
export { isProperModule } from "./live/is-proper-module.ts";
// Snapshot files as graphs, through the index cache (a second load of the same file is fast).
export { loadGraph, openGraph, type LoadGraphOptions, type LoadProgress, type OpenedGraph } from "./files/load-graph.ts";
// What the live calls take and return, from @heapgraph/graph: building a graph, its types, node
// predicates for chains and drawings, growth state, errors. The queries are in `queries` only.
export {
  buildGraph,
  GraphError,
  GrowthTracker,
  isDetached,
  isGCRoot,
  isGlobal,
  isModule,
  isPlumbing,
  isUserRoot,
  QueryError,
  type BuildGraphOptions,
  type ChainStep,
  type GraphErrorCode,
  type GraphProgress,
  type HeapEdge,
  type HeapGraph,
  type HeapNode,
  type QueryErrorCode,
  type Selection,
  type SelectionNode,
} from "@heapgraph/graph";
export * as queries from "@heapgraph/graph";
// The packages around the graph, flat: snapshots in and out, drawing and tables, notebook display.
export * from "@heapgraph/snapshot";
export * from "@heapgraph/render";
export * from "@heapgraph/notebook";
// Both render and notebook export `escapeHtml`; this one is render's.
export { escapeHtml } from "@heapgraph/render";
