/**
 * `@heapgraph/notebook`: show heapgraph tables and graphs inline in Jupyter, in tslab and in
 * Deno's kernel, and as plain text everywhere else. Graphs are published as HTML with the
 * `<svg>` inline, the form `jupyter nbconvert --to html` keeps. The kernel is detected at
 * call time; nothing in this package's import graph uses top-level await (tslab loads
 * packages with `require`).
 *
 * @module
 */
export { display } from "./internal/display.ts";
export { type DisplayBundle, type Displayable, isDisplayable, JUPYTER_DISPLAY } from "./internal/display-bundle.ts";
export { displayable } from "./internal/displayable.ts";
export { detectKernel, type Kernel } from "./internal/detect-kernel.ts";
export { escapeHtml } from "./internal/escape-html.ts";
export { html } from "./internal/html.ts";
export { htmlToText } from "./internal/html-to-text.ts";
export { markdown } from "./internal/markdown.ts";
export { NotebookError, type NotebookErrorCode } from "./internal/notebook-error.ts";
export { svgGraph } from "./internal/svg-graph.ts";
export { type SvgGraphOptions, stripXmlProlog, svgHtml } from "./internal/svg-html.ts";
export { toDisplayBundle } from "./internal/to-display-bundle.ts";
