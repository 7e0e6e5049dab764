import type { Displayable } from "./display-bundle.ts";
import { fixedDisplay } from "./displayable.ts";
import { type SvgGraphOptions, stripXmlProlog, svgHtml } from "../markup/svg-html.ts";

/**
 * A displayable graph from SVG text (Graphviz output, say). It shows as `text/html` with the
 * `<svg>` inline and its XML declaration and DOCTYPE removed, the one form that survives
 * `jupyter nbconvert --to html`; never as `image/svg+xml`. Its `text/plain` is
 * `options.text`, or a one-line summary with the title and size.
 *
 * @example
 * ```ts
 * const svg = await renderSvg(toDot(selection)); // from @heapgraph/render
 * display(svgGraph(svg, { title: "what keeps Foo alive" }));
 * ```
 */
export function svgGraph(svg: string, options: SvgGraphOptions = {}): Displayable {
  const html = svgHtml(svg, options);
  return fixedDisplay({ "text/plain": options.text ?? summary(stripXmlProlog(svg), options.title), "text/html": html });
}

function summary(element: string, title: string | undefined): string {
  const open = /^<svg\b[^>]*>/i.exec(element)?.[0] ?? "";
  const width = /\bwidth\s*=\s*"([^"]*)"/.exec(open)?.[1];
  const height = /\bheight\s*=\s*"([^"]*)"/.exec(open)?.[1];
  const size = width && height ? ` ${width} × ${height}` : "";
  return `[graph${title ? `: ${title}` : ""} (SVG${size})]`;
}
