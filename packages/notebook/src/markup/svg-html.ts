import { escapeHtml, isSvgElement, svgForHtml } from "@heapgraph/render";
import { NotebookError, preview } from "../errors/notebook-error.ts";

/**
 * SVG text cut down to its `<svg>…</svg>` element, ready to sit inline in HTML: a byte-order
 * mark, the `<?xml … ?>` declaration (on which `nbconvert --to html` chokes), processing
 * instructions, the `<!DOCTYPE …>` (with any internal subset) and comments before the root
 * element are removed, by `svgForHtml` of `@heapgraph/render` (the one SVG clean-up of
 * heapgraph). Throws a {@link NotebookError} `NOT_SVG` when there is no `<svg>` root.
 *
 * @example
 * ```ts
 * stripXmlProlog('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg>\n<svg width="1"></svg>');
 * // '<svg width="1"></svg>'
 * ```
 */
export function stripXmlProlog(svg: string): string {
  const element = svgForHtml(svg);
  if (!isSvgElement(element)) throw new NotebookError("NOT_SVG", `expected SVG text with an <svg> root element, got ${preview(svg)}`);
  return element;
}

/**
 * Options of {@link svgHtml} and {@link svgGraph}.
 *
 * @example
 * ```ts
 * const options: SvgGraphOptions = { title: "what keeps Foo alive", text: "Foo <- Map <- global" };
 * ```
 */
export interface SvgGraphOptions {
  /** A caption shown under the graph (escaped). */
  title?: string;
  /** The `text/plain` alternative: a reference chain, the DOT source... Defaults to a one-line summary. */
  text?: string;
}

/**
 * The HTML that shows an SVG graph inline: `<div class="heapgraph-graph">` around the
 * `<svg>` element (XML prolog removed, see {@link stripXmlProlog}), with the escaped title as
 * a caption.
 *
 * @example
 * ```ts
 * svgHtml('<?xml version="1.0"?><svg></svg>', { title: "why Foo stays" });
 * // '<div class="heapgraph-graph"><svg></svg><div class="heapgraph-graph-title">why Foo stays</div></div>'
 * ```
 */
export function svgHtml(svg: string, options: SvgGraphOptions = {}): string {
  const element = stripXmlProlog(svg);
  const caption = options.title ? `<div class="heapgraph-graph-title">${escapeHtml(options.title)}</div>` : "";
  return `<div class="heapgraph-graph">${element}${caption}</div>`;
}
