/**
 * objgraph's `show_growth()` over the running process, with its state in the open.
 *
 * @module
 */
import { GrowthTracker, type HeapNode } from "@heapgraph/graph";
import { growthTable, tableToHtml } from "@heapgraph/render";
import { checkLiveOptions } from "./live-options.ts";
import { liveGraph, SNAPSHOT_OPTIONS, type LiveSnapshotOptions } from "./live-snapshot.ts";
import { growthText } from "./objgraph-text.ts";
import { showResult, type TextSink } from "./output.ts";

/**
 * The tracker {@link showGrowth} uses when given none: objgraph's hidden module state, made
 * visible. It holds, per class, the highest instance count seen so far (the *peak*).
 * {@link resetGrowth} clears it; `defaultGrowthTracker.peaks()` shows it.
 *
 * @example
 * ```ts
 * import { defaultGrowthTracker, showGrowth } from "heapgraph";
 * await showGrowth();
 * console.log(defaultGrowthTracker.peaks().get("MyBigFatObject"));
 * ```
 */
export const defaultGrowthTracker: GrowthTracker = new GrowthTracker();

/**
 * Options of {@link showGrowth}.
 *
 * @example
 * ```ts
 * const mine = new GrowthTracker();
 * await showGrowth({ tracker: mine, limit: 20, filter: (n) => n.type === "object" });
 * ```
 */
export interface ShowGrowthOptions extends LiveSnapshotOptions {
  /** How many classes (default 10; `Infinity` for all). */
  limit?: number;
  /** Count only nodes for which this returns true. */
  filter?: (node: HeapNode) => boolean;
  /** Whose peaks to compare with and raise (default {@link defaultGrowthTracker}). Pass your own to follow one thing apart from the rest. */
  tracker?: GrowthTracker;
  /** Class names alone (default true); false shows where each class is defined (`script:line:Name`). */
  shortnames?: boolean;
  /** Write the text here instead of printing or showing it inline (objgraph's `file=`). */
  file?: TextSink;
}

/**
 * Shows which classes have more instances than ever before: takes a snapshot now, compares each
 * class's count with its peak in `tracker`, reports the classes above their peak (by how much,
 * largest increase first) and raises those peaks. objgraph's semantics exactly: the first call
 * reports every class; a class that shrinks and grows back shows up again only once it passes
 * its old peak; nothing grew, nothing printed.
 *
 * In a Jupyter kernel: a table inline (with the size change). Elsewhere objgraph's lines:
 *
 * ```text
 * MyBigFatObject        2        +2
 * Object             7812        +1
 * ```
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
  checkLiveOptions("showGrowth", options, {
    ...SNAPSHOT_OPTIONS,
    limit: "limit",
    filter: "function",
    tracker: "tracker",
    shortnames: "boolean",
    file: "sink",
  });
  const tracker = options.tracker ?? defaultGrowthTracker;
  const graph = await liveGraph({ gc: options.gc ?? false });
  const rows = tracker.update(graph, { limit: options.limit ?? 10, ...(options.filter ? { filter: options.filter } : {}) });
  const shortnames = options.shortnames ?? true;
  const table = growthTable(rows, {
    qualifiedNames: !shortnames,
    ...(rows.length === 0 ? { title: "Growth: no class above its peak" } : {}),
  });
  showResult(growthText(rows, shortnames), tableToHtml(table), options.file);
}

/**
 * Forgets the peaks of `tracker` (default {@link defaultGrowthTracker}): the next
 * {@link showGrowth} reports every class again, as the first one did.
 *
 * @example
 * ```ts
 * import { resetGrowth, showGrowth } from "heapgraph";
 * resetGrowth();
 * await showGrowth(); // everything, from zero
 * ```
 */
export function resetGrowth(tracker: GrowthTracker = defaultGrowthTracker): void {
  checkLiveOptions("resetGrowth", { tracker }, { tracker: "tracker" });
  tracker.reset();
}
