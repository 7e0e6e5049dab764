/**
 * The contract between the engine (`buildGraph`) and everything built on it: queries, the
 * renderer, the CLI. Heavy indexes are computed on first use and cached on the graph.
 *
 * Words: *ordinal* = node position 0..nodeCount-1; *edge index* = position 0..edgeCount-1 of an
 * edge (a node's edges are consecutive, in file order); *id* = V8's heap object id.
 *
 * @module
 */
import type { HeapSnapshot } from "@heapgraph/snapshot";
import type {
  AllocationFrame,
  ClassIndex,
  ClassCounts,
  ClassStats,
  DominatorTree,
  NodeColumns,
  RetainingEdges,
  Retainers,
  RetentionTree,
  ScriptLocation,
  TypeCodes,
} from "./graph-index-types.ts";

/**
 * What a graph tells of the snapshot it indexes: its format and its header. The columns are the
 * engine's business: nodes and edges are read through the graph (`nodeColumns()`, `forEachEdge`,
 * `retainers()`, handles), so that the engine may lay them out as it likes.
 *
 * @example
 * ```ts
 * const info: SnapshotInfo = graph.snapshot;
 * console.log(info.format === "jsc" ? "JavaScriptCore" : "V8", info.header.node_count);
 * ```
 */
export type SnapshotInfo = Pick<HeapSnapshot, "format" | "header">;

/**
 * Called by {@link HeapGraph.forEachEdge} and {@link HeapGraph.forEachRetainer} with the node at
 * the other end of each edge (the target, or the holder) and the edge's index.
 *
 * @example
 * ```ts
 * const visit: EdgeVisitor = (neighbour, edgeIndex) => console.log(neighbour, graph.edgeName(edgeIndex));
 * graph.forEachEdge(o, visit);
 * ```
 */
export type EdgeVisitor = (neighbour: number, edgeIndex: number) => void;

/**
 * Visits the neighbours of node `ordinal` that a walk's rules let through (see {@link HeapGraph.walker}).
 *
 * @example
 * ```ts
 * const walk: NeighbourWalker = graph.walker({ backwards: true });
 * walk(o, (holder, edgeIndex) => console.log(holder, graph.edgeName(edgeIndex)));
 * ```
 */
export type NeighbourWalker = (ordinal: number, visit: EdgeVisitor) => void;

/**
 * Which neighbours a {@link NeighbourWalker} visits.
 *
 * @example
 * ```ts
 * const options: WalkOptions = { backwards: true, internals: false, weak: false };
 * ```
 */
export interface WalkOptions {
  /** Walk to the holders of a node (over `retainers()`) instead of the nodes it holds (default false). */
  readonly backwards?: boolean;
  /** Also pass V8 plumbing and `__proto__` links (default false). */
  readonly internals?: boolean;
  /** Also follow edges that do not keep their target alive: weak edges, WeakRef targets (default false). */
  readonly weak?: boolean;
}

/**
 * One edge seen from a node handle.
 *
 * @example
 * ```ts
 * for (const edge of graph.node(o).edges()) console.log(edge.type, edge.name, "->", edge.to.className);
 * ```
 */
export interface HeapEdge {
  /** The edge's index (see {@link HeapGraph.edgeName}). */
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
 * A cheap view of one node. Properties read the graph's columns and indexes; nothing is copied.
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
  /** Shortest strong distance from the roots, or `NO_DISTANCE`. */
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
 * The indexed snapshot: node handles for people, typed columns, iteration helpers and cached
 * indexes for hot loops. Everything after the first group is computed on first use and cached.
 *
 * @example
 * ```ts
 * const graph = buildGraph(await readSnapshot("app.heapsnapshot"));
 * const node = graph.nodeById(12345);
 * console.log(node?.className, node?.retainedSize);
 * ```
 */
export interface HeapGraph {
  /** The indexed snapshot's format and header. */
  readonly snapshot: SnapshotInfo;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Ordinal of the synthetic root. */
  readonly rootOrdinal: number;

  // Nodes and edges, one at a time.
  /** The handle for the node at `ordinal`. */
  node(ordinal: number): HeapNode;
  /** The handle for heap object id `id`, or undefined when no node has it. */
  nodeById(id: number): HeapNode | undefined;
  /** Ordinal of heap object id `id`, or -1 (bisection over the ids, sorted once). */
  ordinalOfId(id: number): number;
  /** Per node: the ordinal of the node with the same heap object id in `other`, or -1 (a linear merge of both graphs' sorted ids; not cached). */
  idMatches(other: HeapGraph): Int32Array;
  /** Edge name as a string: the property/variable name, or the element index. */
  edgeName(edgeIndex: number): string;
  /** Edge type name of an edge. */
  edgeTypeName(edgeIndex: number): string;
  /** The node an edge points to. */
  edgeTarget(edgeIndex: number): number;
  /** The node that holds an edge. */
  edgeHolder(edgeIndex: number): number;
  /** Node type name of a node. */
  nodeTypeName(ordinal: number): string;
  /** Raw node name of a node. */
  nodeName(ordinal: number): string;
  /** Class name of a node (DevTools' rules). */
  className(ordinal: number): string;
  /** A short description: string contents, array length, function name with script:line (see `HeapNode.describe`). */
  describe(ordinal: number): string;
  /** Script position of a node (functions, and objects whose constructor has one), or null. */
  location(ordinal: number): ScriptLocation | null;
  /** The URL or file name of a script id, found through the functions the snapshot holds, or undefined. */
  scriptName(scriptId: number): string | undefined;
  /**
   * Where a node was allocated, top frame first (1-based lines, see `AllocationFrame`): null when
   * the snapshot has no allocation traces or the node none (allocated before tracking started).
   * Objects allocated at one place share one frozen array. The trace tree is indexed on first use;
   * a tree that breaks its own field layout throws `GraphError` `INVALID_SNAPSHOT`.
   */
  allocationStack(ordinal: number): readonly AllocationFrame[] | null;
  /** Whether the snapshot was taken with allocation tracking on (it has a trace tree and trace ids). */
  hasAllocationTraces(): boolean;

  // Hot loops.
  /** Heap object id, type code and name of every node, as typed columns. */
  nodeColumns(): NodeColumns;
  /** The type codes of the node and edge types the engine's rules name. */
  typeCodes(): TypeCodes;
  /** Calls `visit(target, edgeIndex)` for each edge of node `ordinal`, in file order. */
  forEachEdge(ordinal: number, visit: EdgeVisitor): void;
  /** Calls `visit(holder, edgeIndex)` for each edge to node `ordinal`, holders in ordinal order (builds `retainers()`). */
  forEachRetainer(ordinal: number, visit: EdgeVisitor): void;
  /**
   * A walk over neighbours as the chain searches and `refs`/`backrefs` follow them: only edges
   * that keep their target alive unless `weak`, never into V8 plumbing nor over `__proto__`
   * links unless `internals`. One typed-array loop per call; the ordinal is not checked.
   */
  walker(options?: WalkOptions): NeighbourWalker;

  // DevTools' phases (the numbers DevTools shows).
  /** Reverse edges. */
  retainers(): Retainers;
  /** Propagated detachedness per node: 0 unknown, 1 attached, 2 detached. */
  detachedness(): Uint8Array;
  /** DevTools' detachedness after propagation through native nodes. */
  isDetached(ordinal: number): boolean;
  /** Class of every node. */
  classes(): ClassIndex;
  /** Shallow size per node as DevTools shows it (the snapshot's raw sizes move from owned internals to their owner). */
  selfSizes(): Float64Array;
  /** BFS distance from the roots per node, `NO_DISTANCE` when unreachable. */
  distances(): Int32Array;
  /** Immediate dominator ordinal per node; the root dominates itself. */
  dominators(): Uint32Array;
  /** Retained size per node. */
  retainedSizes(): Float64Array;
  /** The dominator tree as children lists. */
  dominatorTree(): DominatorTree;
  /** Per-class counts and shallow sizes: {@link classStats} without the dominator work it needs. */
  classCounts(): ClassCounts;
  /** Per-class count, shallow and retained sizes, as DevTools' Summary view. */
  classStats(): ClassStats;
  /** Per class, the smallest distance of its counted nodes, as DevTools' Summary view (needs {@link distances}, which {@link classStats} does not). */
  classDistances(): Int32Array;

  // Indexes for queries.
  /** Per class (indexed like `classes().names`): `script:line:name` for located classes, else the name (see `ClassInfo.qualifiedName`). */
  qualifiedClassNames(): readonly string[];
  /** Whether heap object ids identify objects across snapshots of one process (false for Bun's renumbered and JavaScriptCore's ids). */
  idsAreStable(): boolean;
  /** One byte per node: 1 for V8 plumbing (hidden classes, backing stores, feedback, code; see `isPlumbing`). */
  plumbingMask(): Uint8Array;
  /** One byte per node: 1 for user roots (global objects and `(Document DOM trees)` under the synthetic root). */
  userRootMask(): Uint8Array;
  /** One byte per node: 1 for global objects (see `isGlobal`). */
  globalMask(): Uint8Array;
  /** One byte per node: 1 for modules (see `isModule`). */
  moduleMask(): Uint8Array;
  /** One byte per node: 1 for nodes that only hold the heap together (roots, globals, `system / ...` objects, plumbing). */
  containerMask(): Uint8Array;
  /** One byte per node: why it is noise for a leak hunter, an index of `NOISE_REASONS` (0 = a user object; see `noiseMask`). */
  noiseMask(): Uint8Array;
  /** The first program objects below the root in the dominator tree (below containers only), largest retained size first. */
  topObjects(): readonly number[];
  /** Which edges keep their target alive. */
  retainingEdges(): RetainingEdges;
  /** Shortest retaining paths from the roots, preferring global objects and avoiding plumbing. */
  retentionTree(): RetentionTree;
}
