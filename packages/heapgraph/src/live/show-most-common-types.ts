/**
 * objgraph's `show_most_common_types()` over the running process.
 *
 * @module
 */
import { mostCommonTypesTable, tableToHtml } from "@heapgraph/render";
import type { z } from "zod";
import { liveOptions, parseLiveOptions, sinkOption } from "./live-options.ts";
import { mostCommonTypesText } from "./objgraph-text.ts";
import { showResult } from "./output.ts";
import { lump, mostCommon, MOST_COMMON_TYPES_SHAPE, typeStatsRows } from "./type-stats.ts";

/**
 * The schema of {@link ShowMostCommonTypesOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("showMostCommonTypes", showMostCommonTypesOptions, { limit: 5 });
 * ```
 */
export const showMostCommonTypesOptions = liveOptions({
  ...MOST_COMMON_TYPES_SHAPE,
  /** Write the text here instead of printing or showing it inline (objgraph's `file=`). */
  file: sinkOption,
});

/**
 * Options of {@link showMostCommonTypes}: `limit` (default 10; `Infinity` for all), `objects`,
 * `filter`, `shortnames` (default true), `file` and `gc`.
 *
 * @example
 * ```ts
 * const options: ShowMostCommonTypesOptions = { limit: 20, shortnames: false, file: process.stderr };
 * await showMostCommonTypes(options);
 * ```
 */
export type ShowMostCommonTypesOptions = z.input<typeof showMostCommonTypesOptions>;

/**
 * Shows the classes with the most instances in this process, now: a table (with self and
 * retained sizes) inline in a Jupyter kernel, else objgraph's lines, printed:
 *
 * ```text
 * (compiled code) 131499
 * Array           87262
 * (string)        71060
 * ```
 *
 * Takes a fresh heap snapshot for each call (unless `objects` gives the nodes to count).
 * Returns nothing, like objgraph; the numbers are {@link mostCommonTypes}'.
 *
 * @example
 * ```ts
 * import { showMostCommonTypes, getLeakingObjects } from "heapgraph";
 * await showMostCommonTypes({ limit: 5 });
 * await showMostCommonTypes({ objects: await getLeakingObjects() });
 * ```
 */
export async function showMostCommonTypes(options: ShowMostCommonTypesOptions = {}): Promise<void> {
  const { file, limit = 10, shortnames = true, ...counting } = parseLiveOptions("showMostCommonTypes", showMostCommonTypesOptions, options);
  const rows = await typeStatsRows("showMostCommonTypes", counting);
  const table = mostCommonTypesTable(rows.slice(0, limit), { qualifiedNames: !shortnames });
  showResult(mostCommonTypesText(mostCommon(lump(rows, shortnames), limit)), tableToHtml(table), file);
}
