/**
 * objgraph's `show_most_common_types()` over the running process.
 *
 * @module
 */
import { mostCommonTypes, type HeapNode } from "@heapgraph/graph";
import { mostCommonTypesTable, tableToHtml } from "@heapgraph/render";
import { countingGraph } from "./graph-of-nodes.ts";
import { checkLiveOptions } from "./live-options.ts";
import { SNAPSHOT_OPTIONS, type LiveSnapshotOptions } from "./live-snapshot.ts";
import { mostCommonTypesText } from "./objgraph-text.ts";
import { showResult, type TextSink } from "./output.ts";

/**
 * Options of {@link showMostCommonTypes}.
 *
 * @example
 * ```ts
 * await showMostCommonTypes({ limit: 20, shortnames: false, file: process.stderr });
 * ```
 */
export interface ShowMostCommonTypesOptions extends LiveSnapshotOptions {
  /** How many classes (default 10; `Infinity` for all). */
  limit?: number;
  /** Count only these node handles (e.g. `await getLeakingObjects()`), in their own graph, instead of a fresh snapshot. */
  objects?: Iterable<HeapNode>;
  /** Count only nodes for which this returns true. */
  filter?: (node: HeapNode) => boolean;
  /** Class names alone (default true); false shows where each class is defined (`script:line:Name`). */
  shortnames?: boolean;
  /** Write the text here instead of printing or showing it inline (objgraph's `file=`). */
  file?: TextSink;
}

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
 * Returns nothing, like objgraph; the numbers are `mostCommonTypes(await liveGraph())`.
 *
 * @example
 * ```ts
 * import { showMostCommonTypes, getLeakingObjects } from "heapgraph";
 * await showMostCommonTypes({ limit: 5 });
 * await showMostCommonTypes({ objects: await getLeakingObjects() });
 * ```
 */
export async function showMostCommonTypes(options: ShowMostCommonTypesOptions = {}): Promise<void> {
  checkLiveOptions("showMostCommonTypes", options, {
    ...SNAPSHOT_OPTIONS,
    limit: "limit",
    objects: "iterable",
    filter: "function",
    shortnames: "boolean",
    file: "sink",
  });
  const counting = await countingGraph("showMostCommonTypes", options.objects, options);
  const rows = !counting
    ? []
    : mostCommonTypes(counting.graph, {
        limit: options.limit ?? 10,
        ...(counting.nodes ? { nodes: counting.nodes } : {}),
        ...(options.filter ? { filter: options.filter } : {}),
      });
  const shortnames = options.shortnames ?? true;
  const table = mostCommonTypesTable(rows, { qualifiedNames: !shortnames });
  showResult(mostCommonTypesText(rows, shortnames), tableToHtml(table), options.file);
}
