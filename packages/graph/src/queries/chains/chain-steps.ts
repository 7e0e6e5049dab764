import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { ordinalOf } from "../shared/node-arguments.ts";
import type { ChainStep } from "./chain-rows.ts";
import { chainStep } from "./chain-step.ts";
import { labelListeners } from "./step-label.ts";

/**
 * A chain of node handles (as `findBackrefChain` and `findRefChain` return, holder first) as
 * plain steps, each with the edge by which the previous step holds it (the first retaining edge
 * between the two, else any edge). Plain data for tables and `--json`.
 *
 * @example
 * ```ts
 * chainSteps(graph, findBackrefChain(graph, leaked, isModule));
 * // [{ id: 7263, className: "system / SourceTextModule", edge: null, ... }, ..., { edge: { type: "property", name: "foo" }, ... }]
 * ```
 */
export function chainSteps(graph: HeapGraph, chain: readonly HeapNode[]): ChainStep[] {
  const ordinals = chain.map((n) => ordinalOf("chainSteps", graph, n));
  return labelListeners(ordinals.map((o, i) => chainStep(graph, o, i === 0 ? -1 : edgeBetween(graph, ordinals[i - 1], o))));
}

/**
 * The first retaining edge from `holder` to `held`, else the first edge, else -1.
 *
 * @example
 * ```ts
 * const e = edgeBetween(graph, holder.ordinal, held.ordinal);
 * if (e >= 0) console.log(graph.edgeName(e));
 * ```
 */
export function edgeBetween(graph: HeapGraph, holder: number, held: number): number {
  const rules = graph.retainingEdges();
  let retaining = -1, any = -1;
  graph.forEachEdge(holder, (target, e) => {
    if (target !== held || retaining >= 0) return;
    if (rules.retains(holder, e)) retaining = e;
    else if (any < 0) any = e;
  });
  return retaining >= 0 ? retaining : any;
}
