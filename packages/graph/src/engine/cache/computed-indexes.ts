/**
 * The indexes a graph has computed so far, as plain data: what `Graph.computedIndexes()` gives
 * out for an image and what a `Graph` built from an image starts with (each present one is not
 * computed again).
 *
 * @module
 */
import type { ClassCounts, ClassIndex, ClassStats, DominatorTree, Retainers, RetentionTree } from "../graph-index-types.ts";

/**
 * Every index the engine can take back from an image; absent ones are computed on first use, as
 * in a fresh graph. `dominators` is only given together with `retainedSizes` (the sum of the
 * retained sizes needs the dominator search's DFS order, which is not kept).
 *
 * @example
 * ```ts
 * const computed: ComputedIndexes = { distances: graph.distances() };
 * ```
 */
export interface ComputedIndexes {
  retainers?: Retainers;
  detachedness?: Uint8Array;
  classes?: ClassIndex;
  selfSizes?: Float64Array;
  distances?: Int32Array;
  dominators?: Uint32Array;
  retainedSizes?: Float64Array;
  dominatorTree?: DominatorTree;
  classCounts?: ClassCounts;
  classStats?: ClassStats;
  classDistances?: Int32Array;
  qualifiedClassNames?: readonly string[];
  idsAreStable?: boolean;
  plumbing?: Uint8Array;
  userRoots?: Uint8Array;
  globals?: Uint8Array;
  modules?: Uint8Array;
  containers?: Uint8Array;
  noise?: Uint8Array;
  topObjects?: readonly number[];
  retentionTree?: RetentionTree;
}
