/**
 * objgraph's `show_growth()` over the running process.
 *
 * @module
 */
import { escapeHtml, growthTable, hiddenLine, tableToHtml } from "@heapgraph/render";
import type { z } from "zod";
import { GROWTH_SHAPE, growthRows, growthTuples } from "./growth.ts";
import { liveOptions, parseLiveOptions, sinkOption } from "./live-options.ts";
import { growthText } from "./objgraph-text.ts";
import { showResult } from "./output.ts";

/**
 * The schema of {@link ShowGrowthOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("showGrowth", showGrowthOptions, { limit: 3 });
 * ```
 */
export const showGrowthOptions = liveOptions({
  ...GROWTH_SHAPE,
  /** Write the text here instead of printing or showing it inline (objgraph's `file=`). */
  file: sinkOption,
});

/**
 * Options of {@link showGrowth}: those of `growth` (`limit`, `filter`, `tracker`, `shortnames`,
 * `gc`, `all`, `classes`, `types`, `user`) and `file`.
 *
 * @example
 * ```ts
 * const mine = new GrowthTracker();
 * await showGrowth({ tracker: mine, limit: 20, filter: (n) => n.type === "object" });
 * ```
 */
export type ShowGrowthOptions = z.input<typeof showGrowthOptions>;

/**
 * Shows which classes have more instances than ever before (objgraph's `show_growth`): what
 * `growth()` returns, shown. In a Jupyter kernel: a table inline (with the size change).
 * Elsewhere objgraph's lines; nothing grew, nothing printed:
 *
 * ```text
 * MyBigFatObject        2        +2
 * Object             7812        +1
 * (hid 14 classes, 2,345 objects (1.2 MB) of engine internals and heapgraph's own objects — { all: true } to show)
 * ```
 *
 * The last line says what noise was hidden (none: no line); `{ all: true }` shows it.
 *
 * @example
 * ```ts
 * import { showGrowth } from "heapgraph";
 * await showGrowth({ limit: 3 }); // the baseline: everything
 * computeSomething();
 * await showGrowth();            // what computeSomething() left behind
 * ```
 */
export async function showGrowth(options: ShowGrowthOptions = {}): Promise<void> {
  const { file, ...parsed } = parseLiveOptions("showGrowth", showGrowthOptions, options);
  const rows = await growthRows(parsed);
  const shortnames = parsed.shortnames ?? true;
  const table = growthTable(rows, {
    qualifiedNames: !shortnames,
    ...(rows.length === 0 ? { title: "Growth: no class above its peak" } : {}),
  });
  const hid = hiddenLine(rows.hidden, "{ all: true }");
  const text = growthText(growthTuples(rows, shortnames)) + (hid ? `${hid}\n` : "");
  showResult(text, tableToHtml(table) + (hid ? `<p>${escapeHtml(hid)}</p>` : ""), file);
}
