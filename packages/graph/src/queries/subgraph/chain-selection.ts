import { z } from "zod";
import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { edgeBetween } from "../chains/chain-steps.ts";
import { ordinalOf } from "../shared/node-arguments.ts";
import { callback, nodePredicate } from "../shared/option-schemas.ts";
import { checkQueryArgument, parseQueryOptions } from "../shared/query-options.ts";
import { selectionNode } from "./selection-node.ts";
import type { Selection, SelectionEdge } from "./selection-types.ts";

/**
 * The schema of {@link chainSelection}'s options.
 *
 * @example
 * ```ts
 * chainSelectionOptions.parse({ backrefs: false });
 * ```
 */
export const chainSelectionOptions = z.strictObject({
  /** The chain leads *to* its last node (a backref chain, the default) or *from* its first (a ref chain). */
  backrefs: z.boolean().optional(),
  /** Mark nodes for which this returns true (`highlighted`). */
  highlight: nodePredicate.optional(),
  /** An extra label line per node. */
  extraInfo: callback<(node: HeapNode) => string | undefined | null>().optional(),
});

/**
 * Options of {@link chainSelection}.
 *
 * @example
 * ```ts
 * chainSelection(graph, findRefChain(graph, node, isModule), { backrefs: false });
 * ```
 */
export type ChainSelectionOptions = z.input<typeof chainSelectionOptions>;

/** A chain: a non-empty array (of node handles, checked one by one). */
const chainArgument = z.array(z.unknown()).min(1, { error: "expected a non-empty array of nodes" });

/**
 * A chain (from `findBackrefChain` / `findRefChain`, holder first) as a selection to draw —
 * objgraph's `show_chain`. Depth counts from the object of interest: the chain's last node for a
 * backref chain, its first for a ref chain.
 *
 * @example
 * ```ts
 * const selection = chainSelection(graph, findBackrefChain(graph, leaked, isModule));
 * ```
 */
export function chainSelection(graph: HeapGraph, chain: readonly HeapNode[], options: ChainSelectionOptions = {}): Selection {
  const { backrefs = true, ...marks } = parseQueryOptions("chainSelection", chainSelectionOptions, options);
  checkQueryArgument("chainSelection", "chain", chainArgument, chain);
  const ordinals = chain.map((n) => ordinalOf("chainSelection", graph, n));
  const start = backrefs ? ordinals.length - 1 : 0;
  const nodes = ordinals.map((o, i) => selectionNode(graph, "chainSelection", o, Math.abs(i - start), i === start, marks, 0));
  const edges: SelectionEdge[] = [];
  for (let i = 1; i < ordinals.length; i++) {
    const e = edgeBetween(graph, ordinals[i - 1], ordinals[i]);
    if (e >= 0) edges.push({ from: ordinals[i - 1], to: ordinals[i], type: graph.edgeTypeName(e), name: graph.edgeName(e) });
  }
  return { kind: "chain", nodes, edges, depthLimited: 0, maxDepth: Math.max(0, nodes.length - 1) };
}
