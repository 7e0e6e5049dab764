/**
 * `@heapgraph/render`: draw heap graphs in objgraph's visual language. Selections from `refs`,
 * `backrefs` and chains become DOT text, DOT becomes SVG through Graphviz compiled to
 * WebAssembly, query results become tables (plain text, Markdown, HTML), and all of them compose
 * into self-contained HTML reports, the same ones the CLI writes. Runtime-neutral and pure: no
 * files, no processes.
 *
 * @module
 */
export { RenderError, type RenderErrorCode } from "./errors/render-error.ts";
// Text conventions shared by drawings, tables and reports.
export { printable, type PrintableOptions } from "./text/printable-text.ts";
export { escapeHtml } from "./text/html-escape.ts";
export { formatSize, type FormatSizeOptions } from "./text/format-size.ts";
export { formatCount } from "./text/format-count.ts";
export { countNoun } from "./text/count-noun.ts";
export { hiddenLine } from "./text/hidden-line.ts";
export { edgeLabel } from "./text/edge-label.ts";
export { chainText, formatTrace, type FormatTraceOptions } from "./text/chain-text.ts";
export { allocationStackText, type AllocationStackTextOptions } from "./text/allocation-stack-text.ts";
// Drawing: selection -> DOT -> SVG.
export { toDot } from "./dot/to-dot.ts";
export type { DotAttributes, ToDotOptions } from "./dot/to-dot-options.ts";
export { renderSvg } from "./svg/render-svg.ts";
export { DEFAULT_LAYOUT_LIMITS, type LayoutEngine, type LayoutLimits, type RenderSvgOptions } from "./svg/render-svg-options.ts";
export { isSvgElement, svgForHtml } from "./svg/svg-for-html.ts";
// Tables: builders from query results, printers for text, Markdown and HTML.
export type { Table, TableAlign, TableColumn } from "./tables/table.ts";
export type { ClassTableOptions, TableOptions } from "./tables/table-options.ts";
export { mostCommonTypesTable } from "./tables/type-stats-table.ts";
export { growthTable } from "./tables/growth-table.ts";
export { compareTable } from "./tables/compare-table.ts";
export { leaksTable, type LeaksTableOptions } from "./tables/leaks-table.ts";
export { leakClustersTable } from "./tables/leak-clusters-table.ts";
export { largestRetainersTable } from "./tables/retainers-table.ts";
export { selectionTable } from "./tables/selection-table.ts";
export { selectionEdgesText } from "./tables/selection-edges-text.ts";
export { tableToText, type TextTableOptions } from "./tables/text-table.ts";
export { escapeMarkdown, tableToMarkdown } from "./tables/markdown-table.ts";
export { tableToHtml } from "./tables/html-table.ts";
export { formatTable, type TableFormat } from "./tables/format-table.ts";
// Reports: one page for a finding; the leak report and the selection page the CLI writes.
export { toHtmlReport } from "./report/html-report.ts";
export type { HtmlReport, ReportPart } from "./report/html-report-schema.ts";
export { leakReportHtml } from "./report/leak-report.ts";
export type { LeakReportInput } from "./report/leak-report-input.ts";
export { topChainText } from "./report/top-chain-text.ts";
export { leakHeadlinesText } from "./report/leak-headlines-text.ts";
export { chainSvg } from "./report/chain-svg.ts";
export { chainGraphData } from "./report/chain-graph-data.ts";
export { selectionReportHtml } from "./report/selection-report.ts";
// The interactive reference graph: data from a selection, the HTML fragment, the browser script.
export type {
  ExpandDirection,
  HeapgraphGraphApi,
  InteractiveEdge,
  InteractiveGraphData,
  InteractiveNode,
  InteractiveNodeRole,
  MountedGraph,
  MountOptions,
} from "./interactive/interactive-graph-types.ts";
export { INTERACTIVE_GRAPH_ATTRIBUTE } from "./interactive/interactive-graph-types.ts";
export { interactiveEdgeSchema, interactiveGraphDataSchema, interactiveNodeSchema } from "./interactive/interactive-graph-schema.ts";
export { interactiveGraphData, type InteractiveGraphDataOptions } from "./interactive/interactive-graph-data.ts";
export { interactiveGraphHtml, type InteractiveGraphHtmlOptions } from "./interactive/interactive-graph-html.ts";
export { INTERACTIVE_GRAPH_SCRIPT } from "./interactive/interactive-graph-script.ts";
export { jsonScriptText } from "./interactive/json-script.ts";
