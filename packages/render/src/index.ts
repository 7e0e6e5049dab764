/**
 * `@heapgraph/render`: draw heap graphs in objgraph's visual language. Selections from `refs`,
 * `backrefs` and chains become DOT text, DOT becomes SVG through Graphviz compiled to
 * WebAssembly, query results become tables (plain text, Markdown, HTML), and all of them compose
 * into one self-contained HTML report. Runtime-neutral and pure: no files, no processes.
 *
 * @module
 */
export { RenderError, type RenderErrorCode } from "./internal/render-error.ts";
export { toDot, type DotAttributes, type ToDotOptions } from "./internal/dot.ts";
export { edgeLabel } from "./internal/edge-label.ts";
export { formatSize, type FormatSizeOptions } from "./internal/format-size.ts";
export { printable, type PrintableOptions } from "./internal/printable-text.ts";
export {
  DEFAULT_LAYOUT_LIMITS,
  renderSvg,
  type LayoutEngine,
  type LayoutLimits,
  type RenderSvgOptions,
} from "./internal/svg.ts";
export { svgForHtml } from "./internal/svg-for-html.ts";
// Tables: builders from query results, printers for text, Markdown and HTML.
export { formatCount, type Table, type TableAlign, type TableColumn, type TableOptions } from "./internal/table.ts";
export { mostCommonTypesTable, type TypeStatsTableOptions, type TypeStatsTableRow } from "./internal/type-stats-table.ts";
export { growthTable, type GrowthTableOptions, type GrowthTableRow } from "./internal/growth-table.ts";
export { compareTable, type CompareTableOptions, type CompareTableRow } from "./internal/compare-table.ts";
export { formatTrace, leaksTable, type LeakTableRow, type LeakTraceStep, type LeaksTableOptions } from "./internal/leaks-table.ts";
export { largestRetainersTable, type RetainerTableRow, type RetainersTableOptions } from "./internal/retainers-table.ts";
export { tableToText, type TextTableOptions } from "./internal/text-table.ts";
export { escapeMarkdown, tableToMarkdown } from "./internal/markdown-table.ts";
export { tableToHtml } from "./internal/html-table.ts";
export { escapeHtml } from "./internal/html-escape.ts";
export { formatTable, type TableFormat } from "./internal/format-table.ts";
// One page for a finding.
export { toHtmlReport, type HtmlReport, type ReportPart } from "./internal/html-report.ts";
