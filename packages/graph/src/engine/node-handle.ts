import type { HeapEdge, HeapGraph, HeapNode } from "./heap-graph-types.ts";

/**
 * The {@link HeapNode} of one ordinal: a view that asks its graph on each access. Sizes,
 * distances and classes trigger the graph's lazy phases the first time any node asks.
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
    return this.graph.nodeColumns().id[this.ordinal];
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
    const out: HeapEdge[] = [];
    this.graph.forEachEdge(this.ordinal, (target, e) => out.push(this.#edge(e, this, this.graph.node(target))));
    return out;
  }

  retainers(): HeapEdge[] {
    const out: HeapEdge[] = [];
    this.graph.forEachRetainer(this.ordinal, (holder, e) => out.push(this.#edge(e, this.graph.node(holder), this)));
    return out;
  }

  describe(): string {
    return this.graph.describe(this.ordinal);
  }

  toString(): string {
    return `${this.className} @${this.id}`;
  }

  #edge(index: number, from: HeapNode, to: HeapNode): HeapEdge {
    return { index, type: this.graph.edgeTypeName(index), name: this.graph.edgeName(index), from, to };
  }
}
