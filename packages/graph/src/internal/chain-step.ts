import type { HeapGraph } from "./heap-graph-types.ts";

/**
 * The edge a chain step was reached by, from the previous step (its holder).
 *
 * @example
 * ```ts
 * const edge: ChainEdge | null = pathToRoot(graph, node).steps[1].edge;
 * console.log(edge?.type, edge?.name);
 * ```
 */
export interface ChainEdge {
  /** Index in the snapshot's edge columns. */
  readonly index: number;
  /** `context`, `element`, `property`, `internal`, `hidden`, `shortcut` or `weak`. */
  readonly type: string;
  /** Property or variable name, or element index, as a string. */
  readonly name: string;
}

/**
 * One node of a chain or path, as plain data (safe to serialize; the CLI's `--json` shows it).
 * Chains are listed root first: each step holds the next one.
 *
 * @example
 * ```ts
 * const steps: ChainStep[] = chainSteps(graph, findBackrefChain(graph, node, isModule));
 * console.log(steps.map((s) => s.edge?.name ?? s.className).join(" → "));
 * ```
 */
export interface ChainStep {
  readonly ordinal: number;
  readonly id: number;
  /** V8 node type: `object`, `closure`, `synthetic`, ... */
  readonly type: string;
  /** The node's raw name from the snapshot. */
  readonly name: string;
  /** DevTools' class name. */
  readonly className: string;
  /** A short description (string contents, array length, function name and place). */
  readonly preview: string;
  readonly selfSize: number;
  readonly retainedSize: number;
  /** How the previous step holds this one; null for the first step. */
  readonly edge: ChainEdge | null;
  /**
   * For a WeakMap value: the WeakMap table, which must stay alive too. The step's `edge` comes
   * from the key (the previous step); this says which table the pair lives in.
   */
  readonly weakMapTable?: { readonly id: number; readonly className: string; readonly edge: ChainEdge };
}

/**
 * The {@link ChainStep} of a node reached by edge `edgeIndex` (-1 for none).
 *
 * @example
 * ```ts
 * const first = chainStep(graph, graph.rootOrdinal, -1);
 * ```
 */
export function chainStep(graph: HeapGraph, ordinal: number, edgeIndex: number, pairEdge = -1): ChainStep {
  const node = graph.node(ordinal);
  const step: ChainStep = {
    ordinal,
    id: node.id,
    type: node.type,
    name: node.name,
    className: node.className,
    preview: node.describe(),
    selfSize: node.selfSize,
    retainedSize: node.retainedSize,
    edge: edgeIndex >= 0 ? chainEdge(graph, edgeIndex) : null,
  };
  if (pairEdge < 0) return step;
  const table = findHolder(graph, pairEdge);
  return table < 0
    ? step
    : { ...step, weakMapTable: { id: graph.snapshot.nodeId[table], className: graph.className(table), edge: chainEdge(graph, pairEdge) } };
}

/**
 * The plain description of an edge.
 *
 * @example
 * ```ts
 * chainEdge(graph, 1234); // { index: 1234, type: "property", name: "cache" }
 * ```
 */
export function chainEdge(graph: HeapGraph, edgeIndex: number): ChainEdge {
  return { index: edgeIndex, type: graph.edgeTypeName(edgeIndex), name: graph.edgeName(edgeIndex) };
}

/**
 * The ordinal of the node that holds edge `edgeIndex` (binary search in `firstEdge`), or -1.
 *
 * @example
 * ```ts
 * const holder = findHolder(graph, edgeIndex);
 * ```
 */
export function findHolder(graph: HeapGraph, edgeIndex: number): number {
  const { firstEdge, nodeCount } = graph.snapshot;
  if (edgeIndex < 0 || edgeIndex >= graph.edgeCount) return -1;
  let lo = 0, hi = nodeCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (firstEdge[mid] <= edgeIndex) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
