const PROLOG = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>[]*(?:\[[^\]]*\])?\s*>\s*)?/i;

/**
 * SVG text ready to sit inside an HTML page or a notebook's `text/html` output: the XML
 * declaration and the DOCTYPE that Graphviz writes are removed (HTML does not want them, and
 * `jupyter nbconvert` fails on the `encoding` declaration). Everything from the first comment or
 * `<svg` on is kept as it is.
 *
 * @example
 * ```ts
 * svgForHtml('<?xml version="1.0" encoding="UTF-8"?>\n<svg></svg>'); // "<svg></svg>"
 * ```
 */
export function svgForHtml(svg: string): string {
  return svg.replace(PROLOG, "");
}
