import type { HeapSnapshot } from "@heapgraph/snapshot";

/**
 * The contract between the engine (`buildGraph`) and everything built on it:
 * queries, the renderer, the CLI. Heavy indexes are computed on first use and cached.
 *
 * Words: *ordinal* = node position 0..nodeCount-1; *edge index* = position in the
 * snapshot's edge columns; *id* = V8's heap object id.
 */

/** Progress of a long computation: `done` out of `total` units of `phase`. */
export interface GraphProgress {
  readonly phase: "retainers" | "classes" | "distances" | "dominators" | "retained sizes";
  readonly done: number;
  readonly total: number;
}

/** Options for {@link HeapGraph} construction. */
export interface BuildGraphOptions {
  /** Called a bounded number of times per phase (about 100), and once with `done === total`. */
  onProgress?: (progress: GraphProgress) => void;
}

/** Reverse edges, compressed like the forward ones: node `o`'s retainers are `firstRetainer[o] .. firstRetainer[o+1]`. */
export interface Retainers {
  /** Length nodeCount + 1. */
  readonly firstRetainer: Uint32Array;
  /** The retaining edge's index in the snapshot's edge columns. */
  readonly retainerEdge: Uint32Array;
  /** The retaining node's ordinal. */
  readonly retainerNode: Uint32Array;
}

/** Class of every node, as DevTools names it: `classOf[ordinal]` indexes `names`. */
export interface ClassIndex {
  readonly classOf: Uint32Array;
  readonly names: readonly string[];
}

/** Distance value for nodes no root reaches (DevTools' `NoDistance`). */
export const NO_DISTANCE = -5;

/** One edge seen from a node handle. */
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

/** A cheap view of one node. Properties read the columns; nothing is copied. */
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
  readonly detached: boolean;
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
}
