import { interactiveGraphHtml, type InteractiveGraphData } from "@heapgraph/render";
import type { Displayable } from "./display-bundle.ts";
import { fixedDisplay } from "./displayable.ts";
import { svgHtml } from "../markup/svg-html.ts";

/**
 * Options of {@link interactiveGraph}.
 *
 * @example
 * ```ts
 * const options: InteractiveGraphOptions = { svg: await renderSvg(dot, { inline: true }), height: 560 };
 * ```
 */
export interface InteractiveGraphOptions {
  /** The static drawing (SVG text from `renderSvg`), shown where scripts do not run and until the widget mounts. */
  svg?: string;
  /** The `text/plain` alternative (default: a one-line summary). */
  text?: string;
  /** The drawing's height in CSS pixels (default 480). */
  height?: number;
}

/**
 * The interactive reference graph as a notebook output: `text/html` holds the fragment of
 * `interactiveGraphHtml` (the data with its bounded neighbourhood, and the widget's script inline,
 * so a published page opened from disk works without network) around the static SVG, which stays
 * where scripts do not run (a viewer that strips them, an untrusted notebook). `text/plain` is a
 * one-line summary. Build `data` with `interactiveGraphData` of `@heapgraph/render`.
 *
 * @example
 * ```ts
 * const selection = backrefs(graph, [leaked]);
 * const svg = await renderSvg(toDot(selection), { inline: true });
 * display(interactiveGraph(interactiveGraphData(graph, selection), { svg }));
 * ```
 */
export function interactiveGraph(data: InteractiveGraphData, options: InteractiveGraphOptions = {}): Displayable {
  const fallbackHtml = options.svg !== undefined ? svgHtml(options.svg) : undefined;
  const html = interactiveGraphHtml(data, {
    ...(fallbackHtml !== undefined ? { fallbackHtml } : {}),
    ...(options.height !== undefined ? { height: options.height } : {}),
  });
  const n = data.nodes.length;
  const summary = `[interactive ${data.kind} graph${data.title ? `: ${data.title}` : ""} (${n} node${n === 1 ? "" : "s"})]`;
  return fixedDisplay({ "text/plain": options.text ?? summary, "text/html": html });
}
