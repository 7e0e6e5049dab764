import { describeNode } from "./describe.ts";
import type { HeapEdge, HeapGraph, HeapNode } from "./heap-graph-types.ts";

/**
 * The {@link HeapNode} of one ordinal: a view that reads the graph's columns on each access.
 * Sizes, distances and classes trigger the graph's lazy phases the first time any node asks.
 *
 * @example
 * ```ts
 * const node = new NodeHandle(graph, 42);
 * console.log(node.className, node.retainedSize, node.describe());
 * ```
 */
export class NodeHandle implements HeapNode {
  readonly graph: HeapGraph;
  readonly ordinal: number;

  constructor(graph: HeapGraph, ordinal: number) {
    this.graph = graph;
    this.ordinal = ordinal;
  }

  get id(): number {
    return this.graph.snapshot.nodeId[this.ordinal];
  }
  get type(): string {
    return this.graph.nodeTypeName(this.ordinal);
  }
  get name(): string {
    return this.graph.nodeName(this.ordinal);
  }
  get className(): string {
    return this.graph.className(this.ordinal);
  }
  get selfSize(): number {
    return this.graph.selfSizes()[this.ordinal];
  }
  get retainedSize(): number {
    return this.graph.retainedSizes()[this.ordinal];
  }
  get distance(): number {
    return this.graph.distances()[this.ordinal];
  }
  get detached(): boolean {
    return this.graph.isDetached(this.ordinal);
  }
  get dominator(): HeapNode {
    return this.graph.node(this.graph.dominators()[this.ordinal]);
  }

  edges(): HeapEdge[] {
    const { firstEdge, edgeTarget } = this.graph.snapshot;
    const out: HeapEdge[] = [];
    for (let e = firstEdge[this.ordinal], end = firstEdge[this.ordinal + 1]; e < end; e++) {
      out.push(this.#edge(e, this, this.graph.node(edgeTarget[e])));
    }
    return out;
  }

  retainers(): HeapEdge[] {
    const { firstRetainer, retainerEdge, retainerNode } = this.graph.retainers();
    const out: HeapEdge[] = [];
    for (let r = firstRetainer[this.ordinal], end = firstRetainer[this.ordinal + 1]; r < end; r++) {
      out.push(this.#edge(retainerEdge[r], this.graph.node(retainerNode[r]), this));
    }
    return out;
  }

  describe(): string {
    return describeNode(this.graph, this.ordinal);
  }

  toString(): string {
    return `${this.className} @${this.id}`;
  }

  #edge(index: number, from: HeapNode, to: HeapNode): HeapEdge {
    return { index, type: this.graph.edgeTypeName(index), name: this.graph.edgeName(index), from, to };
  }
}
