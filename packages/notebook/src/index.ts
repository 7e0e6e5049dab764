/**
 * `@heapgraph/notebook`: show heapgraph tables and graphs inline in Jupyter, in tslab and in
 * Deno's kernel, and as plain text everywhere else. Graphs are published as HTML with the
 * `<svg>` inline, the form `jupyter nbconvert --to html` keeps. The kernel is detected at
 * call time; nothing in this package's import graph uses top-level await (tslab loads
 * packages with `require`). HTML escaping and SVG clean-up are `@heapgraph/render`'s.
 *
 * @module
 */
export { display } from "./kernel/display.ts";
export { detectKernel, type Kernel } from "./kernel/detect-kernel.ts";
export { type DisplayBundle, type Displayable, isDisplayable, JUPYTER_DISPLAY } from "./bundle/display-bundle.ts";
export { displayable } from "./bundle/displayable.ts";
export { toDisplayBundle } from "./bundle/to-display-bundle.ts";
export { html } from "./bundle/html.ts";
export { markdown } from "./bundle/markdown.ts";
export { svgGraph } from "./bundle/svg-graph.ts";
export { interactiveGraph, type InteractiveGraphOptions } from "./bundle/interactive-graph.ts";
export { htmlToText } from "./markup/html-to-text.ts";
export { type SvgGraphOptions, stripXmlProlog, svgHtml } from "./markup/svg-html.ts";
// The one HTML escaping of heapgraph, re-exported for notebook cells.
export { escapeHtml } from "@heapgraph/render";
export { NotebookError, type NotebookErrorCode } from "./errors/notebook-error.ts";
