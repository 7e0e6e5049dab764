/**
 * heapgraph: objgraph for JavaScript. The live, objgraph-shaped API over the running process
 * (`showGrowth()`, `showBackrefs([obj])`, ...), and everything of the packages below it, so
 * that one import gives the whole toolkit.
 *
 * Names: the live API takes objgraph's names. Four of them are also functions of
 * `@heapgraph/graph` that take a graph (`count`, `byType`, `findBackrefChain`, `findRefChain`);
 * here those names are the live ones, and the graph package's versions are in the `queries`
 * namespace (`queries.count(graph, "Item")`), which holds every graph query. Both packages
 * below export `escapeHtml`; this one re-exports `@heapgraph/render`'s.
 *
 * @module
 */
// The live objgraph-style API over this process.
export { liveGraph, type LiveSnapshotOptions } from "./internal/live/live-snapshot.ts";
export { LiveError, type LiveErrorCode } from "./internal/live/live-error.ts";
export type { TextSink } from "./internal/live/output.ts";
export type { GraphOutputOptions } from "./internal/live/show-graph.ts";
export { isHeapNode } from "./internal/live/locate.ts";
export { showMostCommonTypes, type ShowMostCommonTypesOptions } from "./internal/live/show-most-common-types.ts";
export { defaultGrowthTracker, resetGrowth, showGrowth, type ShowGrowthOptions } from "./internal/live/show-growth.ts";
export { count, type LiveCountOptions } from "./internal/live/count.ts";
export { byType, type LiveByTypeOptions } from "./internal/live/by-type.ts";
export { at } from "./internal/live/at.ts";
export { showBackrefs, showRefs, type ShowRefsOptions } from "./internal/live/show-refs.ts";
export { findBackrefChain, findRefChain, showChain, type LiveChainOptions, type ShowChainOptions } from "./internal/live/chains.ts";
export { getLeakingObjects, type GetLeakingObjectsOptions } from "./internal/live/leaking-objects.ts";
// The packages below, re-exported. The live names above win over the graph package's; those are `queries.*`.
export * from "@heapgraph/snapshot";
export * from "@heapgraph/graph";
export * from "@heapgraph/render";
export * from "@heapgraph/notebook";
export { escapeHtml } from "@heapgraph/render";
export * as queries from "@heapgraph/graph";
