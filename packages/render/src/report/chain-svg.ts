import { chainSelection, type ChainStep, type HeapGraph } from "@heapgraph/graph";
import { toDot } from "../dot/to-dot.ts";
import { renderSvg } from "../svg/render-svg.ts";

/**
 * The graph (SVG) of a retaining chain in `graph`, root first: a cluster's `trace`, or the steps
 * of `chainSteps` / `pathToRoot`. Titled "Why Class @id is alive" after the last step. The
 * drawing in the leak report (see `leakReportHtml`).
 *
 * @throws {RenderError} from `renderSvg` (`GRAPHVIZ_UNAVAILABLE`, `GRAPH_TOO_LARGE`).
 *
 * @example
 * ```ts
 * const [top] = findLeaks(baseline, target, final);
 * const svg = await chainSvg(final, top.trace);
 * ```
 */
export async function chainSvg(graph: HeapGraph, steps: readonly ChainStep[]): Promise<string> {
  const nodes = steps.map((s) => graph.node(s.ordinal));
  const leaked = steps.at(-1)!;
  return renderSvg(toDot(chainSelection(graph, nodes), { title: `Why ${leaked.className} @${leaked.id} is alive` }));
}
