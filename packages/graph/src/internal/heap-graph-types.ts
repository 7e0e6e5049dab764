import type { HeapSnapshot } from "@heapgraph/snapshot";

/**
 * The contract between the engine (`buildGraph`) and everything built on it:
 * queries, the renderer, the CLI. Heavy indexes are computed on first use and cached.
 *
 * Words: *ordinal* = node position 0..nodeCount-1; *edge index* = position in the
 * snapshot's edge columns; *id* = V8's heap object id.
 */

/**
 * The phases of the engine's lazy work, in the order they usually run.
 *
 * @example
 * ```ts
 * const phases: GraphPhase[] = ["distances", "dominators"];
 * ```
 */
export type GraphPhase =
  | "retainers"
  | "detachedness"
  | "classes"
  | "shallow sizes"
  | "distances"
  | "dominators"
  | "retained sizes"
  | "class stats"
  | "ids";

/**
 * Progress of a long computation: `done` out of `total` units of `phase`.
 *
 * @example
 * ```ts
 * buildGraph(snapshot, { onProgress: ({ phase, done, total }) => console.error(phase, done, "/", total) });
 * ```
 */
export interface GraphProgress {
  readonly phase: GraphPhase;
  readonly done: number;
  readonly total: number;
}

/**
 * Options for {@link HeapGraph} construction.
 *
 * @example
 * ```ts
 * const graph = buildGraph(snapshot, { onProgress: (p) => bar.update(p.phase, p.done / p.total) });
 * ```
 */
export interface BuildGraphOptions {
  /** Called a bounded number of times per phase (about 100), and once with `done === total`. */
  onProgress?: (progress: GraphProgress) => void;
}

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
  /** The retaining edge's index in the snapshot's edge columns. */
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
export interface ClassStats {
  /** Nodes of the class with a non-zero shallow size (DevTools' "Count"). */
  readonly count: Uint32Array;
  /** All nodes of the class, zero-sized ones included. */
  readonly nodeCount: Uint32Array;
  /** Sum of shallow sizes. */
  readonly selfSize: Float64Array;
  /** Retained size of the class: retained sizes of its nodes not dominated by another node of the class. */
  readonly retainedSize: Float64Array;
  /** Smallest distance of the class's counted nodes ({@link NO_DISTANCE} when none). */
  readonly distance: Int32Array;
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

/**
 * One edge seen from a node handle.
 *
 * @example
 * ```ts
 * for (const edge of graph.node(o).edges()) console.log(edge.type, edge.name, "->", edge.to.className);
 * ```
 */
export interface HeapEdge {
  /** Index in the snapshot's edge columns. */
  readonly index: number;
  /** `context`, `element`, `property`, `internal`, `hidden`, `shortcut` or `weak`. */
  readonly type: string;
  /** The property or variable name, or the element index as a string. */
  readonly name: string;
  /** The holder. */
  readonly from: HeapNode;
  /** The held. */
  readonly to: HeapNode;
}

/**
 * A cheap view of one node. Properties read the columns; nothing is copied.
 *
 * @example
 * ```ts
 * const node = graph.nodeById(6177)!;
 * console.log(node.className, node.selfSize, node.retainedSize, node.distance, node.describe());
 * ```
 */
export interface HeapNode {
  readonly graph: HeapGraph;
  readonly ordinal: number;
  readonly id: number;
  /** V8 node type: `object`, `closure`, `string`, `native`, `synthetic`, ... */
  readonly type: string;
  /** The node's raw name from the snapshot. */
  readonly name: string;
  /** DevTools' class name: constructor name, `(string)`, `(array)`, `Function`, `<div>`, ... */
  readonly className: string;
  /** Shallow size in bytes, as DevTools shows it. */
  readonly selfSize: number;
  /** Size freed if this node were collected (own size plus everything it dominates). */
  readonly retainedSize: number;
  /** Shortest strong distance from the roots, or {@link NO_DISTANCE}. */
  readonly distance: number;
  /** DevTools' detachedness after propagation is "detached" (DOM nodes no document holds). */
  readonly detached: boolean;
  /** The immediate dominator (the root for itself). */
  readonly dominator: HeapNode;
  /** Outgoing edges, in file order. */
  edges(): HeapEdge[];
  /** Incoming edges (who holds this node). */
  retainers(): HeapEdge[];
  /** A short description: string contents, array length, function name with script:line. */
  describe(): string;
}

/**
 * The indexed snapshot. Columns are exposed for hot loops; handles for people.
 *
 * @example
 * ```ts
 * const graph = buildGraph(await readSnapshot("app.heapsnapshot"));
 * const node = graph.nodeById(12345);
 * console.log(node?.className, node?.retainedSize);
 * ```
 */
export interface HeapGraph {
  readonly snapshot: HeapSnapshot;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Ordinal of the synthetic root. */
  readonly rootOrdinal: number;
  /** The handle for the node at `ordinal`. */
  node(ordinal: number): HeapNode;
  /** The handle for heap object id `id`, or undefined when no node has it. */
  nodeById(id: number): HeapNode | undefined;
  /** Ordinal of heap object id `id`, or -1. */
  ordinalOfId(id: number): number;
  /** Edge name as a string: the property/variable name, or the element index. */
  edgeName(edgeIndex: number): string;
  /** Edge type name of an edge. */
  edgeTypeName(edgeIndex: number): string;
  /** Node type name of a node. */
  nodeTypeName(ordinal: number): string;
  /** Raw node name of a node. */
  nodeName(ordinal: number): string;
  /** Class name of a node (DevTools' rules). */
  className(ordinal: number): string;
  /** Reverse edges (built on first use). */
  retainers(): Retainers;
  /** Class of every node (built on first use). */
  classes(): ClassIndex;
  /** BFS distance from the roots per node, {@link NO_DISTANCE} when unreachable (built on first use). */
  distances(): Int32Array;
  /** Immediate dominator ordinal per node; the root dominates itself (built on first use). */
  dominators(): Uint32Array;
  /** Retained size per node (built on first use). */
  retainedSizes(): Float64Array;
  /** DevTools' detachedness after propagation through native nodes. */
  isDetached(ordinal: number): boolean;
  /** Propagated detachedness per node: 0 unknown, 1 attached, 2 detached (computed on first use). */
  detachedness(): Uint8Array;
  /** Shallow size per node as DevTools shows it (computed on first use); {@link HeapSnapshot.nodeSelfSize} has the raw sizes. */
  selfSizes(): Float64Array;
  /** The dominator tree as children lists (built on first use). */
  dominatorTree(): DominatorTree;
  /** Per-class count, shallow and retained sizes, as DevTools' Summary view (computed on first use). */
  classStats(): ClassStats;
  /** Script position of a node (functions, and objects whose constructor has one), or null. */
  location(ordinal: number): ScriptLocation | null;
  /** The URL or file name of a script id, found through the functions the snapshot holds, or undefined. */
  scriptName(scriptId: number): string | undefined;
}
