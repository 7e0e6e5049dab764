import type { HeapGraph } from "../../engine/index.ts";
import type { ChainEdge, ChainStep } from "./chain-rows.ts";
import { stepLabel } from "./step-label.ts";

/**
 * The {@link ChainStep} of a node reached by edge `edgeIndex` (-1 for none); for a WeakMap value,
 * `pairEdge` is the table-side edge of its pair (-1 for none). Closures, timers and modules get a
 * readable `label` (see `stepLabel`).
 *
 * @example
 * ```ts
 * const first = chainStep(graph, graph.rootOrdinal, -1);
 * ```
 */
export function chainStep(graph: HeapGraph, ordinal: number, edgeIndex: number, pairEdge = -1): ChainStep {
  const node = graph.node(ordinal);
  const label = stepLabel(graph, ordinal);
  const step: ChainStep = {
    ordinal,
    id: node.id,
    type: node.type,
    name: node.name,
    className: node.className,
    preview: node.describe(),
    ...(label === undefined ? {} : { label }),
    selfSize: node.selfSize,
    retainedSize: node.retainedSize,
    edge: edgeIndex >= 0 ? chainEdge(graph, edgeIndex) : null,
  };
  if (pairEdge < 0) return step;
  const table = graph.edgeHolder(pairEdge);
  return { ...step, weakMapTable: { id: graph.nodeColumns().id[table], className: graph.className(table), edge: chainEdge(graph, pairEdge) } };
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
