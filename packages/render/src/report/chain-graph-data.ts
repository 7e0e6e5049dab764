import { chainSelection, type ChainStep, type HeapGraph } from "@heapgraph/graph";
import { interactiveGraphData, type InteractiveGraphDataOptions } from "../interactive/interactive-graph-data.ts";
import type { InteractiveGraphData } from "../interactive/interactive-graph-types.ts";

/**
 * The interactive graph of a retaining chain in `graph`, root first (a cluster's `trace`, the
 * steps of `chainSteps` / `pathToRoot`): the chain highlighted, titled as `chainSvg` titles
 * its drawing (`chainSvg`), with the bounded neighbourhood that clicks expand. The leak report's interactive
 * drawing (`heapgraph leaks --html FILE --interactive`) and `heapgraph watch`'s; `options.neighbourhood`
 * bounds what clicks can reveal (see `interactiveGraphData`).
 *
 * @example
 * ```ts
 * const [top] = findLeaks(baseline, target, final);
 * const html = leakReportHtml({ ...input, chain: { steps: top.trace, svg: await chainSvg(final, top.trace), interactive: chainGraphData(final, top.trace), text } });
 * ```
 */
export function chainGraphData(graph: HeapGraph, steps: readonly ChainStep[], options: Pick<InteractiveGraphDataOptions, "neighbourhood"> = {}): InteractiveGraphData {
  const nodes = steps.map((s) => graph.node(s.ordinal));
  const leaked = steps.at(-1)!;
  return interactiveGraphData(graph, chainSelection(graph, nodes), { ...options, title: `Why ${leaked.className} @${leaked.id} is alive` });
}
