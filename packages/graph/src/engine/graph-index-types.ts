/**
 * The typed indexes the engine computes and caches on a graph, as the `HeapGraph` accessors
 * return them. Every array is indexed by node *ordinal* (0..nodeCount-1) unless it says otherwise;
 * callers read them and never write to them.
 *
 * @module
 */
/**
 * Reverse edges, compressed like the forward ones: node `o`'s retainers are `firstRetainer[o] .. firstRetainer[o+1]`.
 *
 * @example
 * ```ts
 * const { firstRetainer, retainerNode } = graph.retainers();
 * for (let r = firstRetainer[o]; r < firstRetainer[o + 1]; r++) console.log(retainerNode[r], "holds", o);
 * ```
 */
export interface Retainers {
  /** Length nodeCount + 1. */
  readonly firstRetainer: Uint32Array;
  /** The retaining edge's index. */
  readonly retainerEdge: Uint32Array;
  /** The retaining node's ordinal. */
  readonly retainerNode: Uint32Array;
}

/**
 * Class of every node, as DevTools groups them in its Summary view: `classOf[ordinal]` indexes `names`.
 *
 * A class is a class name, split by script location for `object` nodes whose constructor has one
 * (DevTools' class key): two constructors both called `Item` in different scripts are two classes
 * with the same name and different {@link keys}.
 *
 * @example
 * ```ts
 * const { classOf, names, keys } = graph.classes();
 * console.log(names[classOf[o]], keys[classOf[o]]); // "Item", "12,3,4,Item"
 * ```
 */
export interface ClassIndex {
  readonly classOf: Uint32Array;
  /** Class name per class (may repeat across locations). */
  readonly names: readonly string[];
  /** DevTools' public class key per class: `,Name`, or `scriptId,line,column,Name` for located objects. Unique. */
  readonly keys: readonly string[];
  /** Script id of the class's location, or -1. */
  readonly scriptId: Int32Array;
  /** 0-based line of the class's location, or -1. */
  readonly line: Int32Array;
  /** 0-based column of the class's location, or -1. */
  readonly column: Int32Array;
}

/**
 * Per-class totals as DevTools' Summary view shows them, indexed like {@link ClassIndex.names}.
 * Nodes whose shallow size is 0 (e.g. arrays whose size DevTools moved to their owner) are left out of
 * `count`, `selfSize` and `retainedSize`, as in DevTools.
 *
 * @example
 * ```ts
 * const { names } = graph.classes();
 * const { count, retainedSize } = graph.classStats();
 * names.forEach((name, c) => console.log(name, count[c], retainedSize[c]));
 * ```
 */
export interface ClassStats extends ClassCounts {
  /** Retained size of the class: retained sizes of its nodes not dominated by another node of the class. */
  readonly retainedSize: Float64Array;
}

/**
 * Per-class counts and shallow sizes, indexed like {@link ClassIndex.names}: the part of
 * {@link ClassStats} that needs no dominators, so counting queries (`count`, `growth`) stay cheap.
 *
 * @example
 * ```ts
 * const { names } = graph.classes();
 * const { count, selfSize } = graph.classCounts();
 * names.forEach((name, c) => console.log(name, count[c], selfSize[c]));
 * ```
 */
export interface ClassCounts {
  /** Nodes of the class with a non-zero shallow size (DevTools' "Count"). */
  readonly count: Uint32Array;
  /** All nodes of the class, zero-sized ones included. */
  readonly nodeCount: Uint32Array;
  /** Sum of shallow sizes. */
  readonly selfSize: Float64Array;
}

/**
 * The dominator tree as children lists: node `o` immediately dominates `children[firstChild[o] .. firstChild[o+1]]`.
 *
 * @example
 * ```ts
 * const { firstChild, children } = graph.dominatorTree();
 * const dominated = children.subarray(firstChild[o], firstChild[o + 1]);
 * ```
 */
export interface DominatorTree {
  /** Length nodeCount + 1. */
  readonly firstChild: Uint32Array;
  /** Dominated node ordinals, grouped by immediate dominator. Length nodeCount - 1 (the root has no dominator). */
  readonly children: Uint32Array;
}

/**
 * A script position (0-based line and column, as in the snapshot).
 *
 * @example
 * ```ts
 * const at = graph.location(o);
 * if (at) console.log(graph.scriptName(at.scriptId), at.line + 1);
 * ```
 */
export interface ScriptLocation {
  readonly scriptId: number;
  readonly line: number;
  readonly column: number;
}

/**
 * One frame of an allocation stack (`graph.allocationStack`): the function that was running, at
 * its own position (V8 records functions, not statements). `line` and `column` are **1-based**,
 * as V8 writes them in the trace sections and DevTools shows them (unlike {@link ScriptLocation}),
 * or null when V8 did not know them.
 *
 * @example
 * ```ts
 * const [top] = graph.allocationStack(o) ?? [];
 * if (top) console.log(`${top.functionName} ${top.scriptName}:${top.line}:${top.column}`);
 * ```
 */
export interface AllocationFrame {
  /** The function's name, `(anonymous)` when it has none. */
  readonly functionName: string;
  /** The script's URL or file name (its `//# sourceURL=` when it was compiled from a string), "" when unknown. */
  readonly scriptName: string;
  /** V8's script id (0 for native code). */
  readonly scriptId: number;
  /** 1-based line where the function starts, or null. */
  readonly line: number | null;
  /** 1-based column where the function starts, or null. */
  readonly column: number | null;
}

/**
 * The engine's per-node columns for hot loops, by ordinal: read-only views the engine owns (do not
 * write to them). Type codes are named by `graph.typeCodes()`; names index `strings`.
 *
 * @example
 * ```ts
 * const { id, type, name, strings } = graph.nodeColumns();
 * const { string } = graph.typeCodes();
 * for (let o = 0; o < graph.nodeCount; o++) if (type[o] === string) console.log(id[o], strings[name[o]]);
 * ```
 */
export interface NodeColumns {
  /** Heap object id (odd: a JavaScript heap object; even: an embedder object). */
  readonly id: Uint32Array;
  /** Node type code (see {@link TypeCodes}). */
  readonly type: Uint8Array;
  /** The node's raw name, as an index into `strings`. */
  readonly name: Uint32Array;
  /** The string table that `name` indexes. */
  readonly strings: readonly string[];
}

/**
 * Numeric type codes of the node and edge types the engine's rules name, read from the
 * snapshot's own type lists (never hard-coded). A type the snapshot does not have is -1,
 * which no node or edge carries.
 *
 * @example
 * ```ts
 * const { native } = graph.typeCodes();
 * const isNative = graph.nodeColumns().type[o] === native;
 * ```
 */
export interface TypeCodes {
  readonly hidden: number;
  readonly array: number;
  readonly string: number;
  readonly object: number;
  readonly code: number;
  readonly closure: number;
  readonly regexp: number;
  readonly number: number;
  readonly native: number;
  readonly synthetic: number;
  readonly consString: number;
  readonly slicedString: number;
  readonly edgeContext: number;
  readonly edgeElement: number;
  readonly edgeProperty: number;
  readonly edgeInternal: number;
  readonly edgeHidden: number;
  readonly edgeShortcut: number;
  readonly edgeWeak: number;
}

/**
 * Why an edge does not keep its target alive: a `weak` edge, a WeakRef's target (`weak-ref`), or
 * V8's list of WeakRef targets kept only until the current job ends (`keep-during-job`).
 *
 * @example
 * ```ts
 * const why: NonRetainingReason | null = graph.retainingEdges().whyNot(holder, e);
 * ```
 */
export type NonRetainingReason = "weak" | "keep-during-job" | "weak-ref";

/**
 * Which edges keep their target alive, for path and leak questions. An edge does not when it is:
 *
 * - `weak` (WeakRef targets, WeakMap keys, caches V8 may clear);
 * - held by V8's `weak_refs_keep_during_job` list, which holds WeakRef targets only until the job
 *   that created or dereferenced them ends — the object is in the file, but nothing will keep it;
 * - a WeakRef's target edge written as `internal` (Bun's V8-format output writes no weak edges):
 *   an `internal` edge from an object named `WeakRef` to a non-plumbing node.
 *
 * WeakMap values are strong edges here; the searches that need it treat the pair (key and
 * table) specially.
 *
 * @example
 * ```ts
 * const rules = graph.retainingEdges();
 * graph.forEachEdge(holder, (target, e) => {
 *   if (rules.retains(holder, e)) queue.push(target);
 * });
 * ```
 */
export interface RetainingEdges {
  /** Whether edge `edgeIndex`, held by `holder`, keeps its target alive. */
  retains(holder: number, edgeIndex: number): boolean;
  /** Why an edge does not retain, or null when it does. */
  whyNot(holder: number, edgeIndex: number): NonRetainingReason | null;
  /**
   * One byte per node, for hot loops that inline {@link RetainingEdges.retains}: 0 when the
   * holder's non-weak edges retain, 1 when none of its edges does (the keep-during-job list),
   * 2 for a WeakRef object (its `internal` edges to non-plumbing nodes do not retain).
   */
  readonly holderKind: Uint8Array;
}

/**
 * Shortest retaining paths from the roots to every node, as a tree of parent links.
 *
 * `parent[o]` is the holder on a shortest path to `o` (-1 when no retaining path reaches `o`,
 * and for the root), `parentEdge[o]` the edge it holds `o` by. A WeakMap value is kept alive by
 * its key and its table together; its parent is the *key* and `pairEdge` gives the table's edge.
 *
 * @example
 * ```ts
 * const { parent, parentEdge } = graph.retentionTree();
 * for (let o = node.ordinal; parent[o] >= 0; o = parent[o]) console.log(graph.edgeName(parentEdge[o]));
 * ```
 */
export interface RetentionTree {
  readonly parent: Int32Array;
  readonly parentEdge: Int32Array;
  /** For WeakMap values: the table-side edge of the pair whose key-side edge is `parentEdge`. */
  readonly pairEdge: ReadonlyMap<number, number>;
}

/**
 * Distance value for nodes no root reaches (DevTools' `NoDistance`).
 *
 * @example
 * ```ts
 * const unreachable = graph.distances().filter((d) => d === NO_DISTANCE).length;
 * ```
 */
export const NO_DISTANCE = -5;

/**
 * Distances of nodes that only system roots reach (not the global objects, not DOM trees)
 * start here: such a node has distance `SYSTEM_DISTANCE + k`, as in DevTools, which sorts them
 * after every user-reachable node.
 *
 * @example
 * ```ts
 * const d = node.distance;
 * const shown = d === NO_DISTANCE ? "unreachable" : d >= SYSTEM_DISTANCE ? `system + ${d - SYSTEM_DISTANCE}` : String(d);
 * ```
 */
export const SYSTEM_DISTANCE = 100_000_000;
