/**
 * objgraph's `get_new_ids()` over the running process, with its state in the open: a
 * {@link NewIdsTracker}.
 *
 * @module
 */
import { formatCount, tableToHtml, type Table } from "@heapgraph/render";
import { detectRuntime, NotSupportedError } from "@heapgraph/snapshot";
import { z } from "zod";
import { flagOption, liveOptions, parseLiveOptions, sinkOption, SNAPSHOT_SHAPE } from "./live-options.ts";
import { liveGraph } from "./live-snapshot.ts";
import { NewIdsTracker, type NewIdsRow } from "./new-ids-tracker.ts";
import { newIdsText } from "./objgraph-text.ts";
import { showResult } from "./output.ts";

/**
 * The tracker {@link getNewIds} uses when given none: objgraph's hidden `_state`, made visible.
 * `defaultNewIdsTracker.reset()` forgets it.
 *
 * @example
 * ```ts
 * import { defaultNewIdsTracker, getNewIds } from "heapgraph";
 * await getNewIds({ limit: 0 });
 * defaultNewIdsTracker.reset(); // the next call finds everything new again
 * ```
 */
export const defaultNewIdsTracker: NewIdsTracker = new NewIdsTracker();

/**
 * The schema of {@link GetNewIdsOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("getNewIds", getNewIdsOptions, { sortBy: "new" });
 * ```
 */
export const getNewIdsOptions = liveOptions({
  ...SNAPSHOT_SHAPE,
  /** Return what the last call found, without a snapshot and without printing (objgraph's `skip_update`). */
  skipUpdate: flagOption,
  /** How many classes to print (default 10; `Infinity` for all; 0 prints nothing). */
  limit: z
    .custom<number>((v) => v === Infinity || (Number.isSafeInteger(v) && (v as number) >= 0), { error: "must be a whole number of at least 0, or Infinity" })
    .optional(),
  /** The column to sort by, largest first: `"old"`, `"current"`, `"new"` or `"deltas"` (default; objgraph's `sortby`). */
  sortBy: z.enum(["old", "current", "new", "deltas"], { error: 'must be "old", "current", "new" or "deltas"' }).optional(),
  /** Class names alone, classes of one name lumped together, or `false` for qualified names (`script:line:Name`); when not given, the tracker's last choice (first: true), as objgraph's `shortnames=None`. */
  shortnames: flagOption,
  /** Whose state to compare with and update (default {@link defaultNewIdsTracker}; objgraph's `_state`). */
  tracker: z.custom<NewIdsTracker>((v) => v instanceof NewIdsTracker, { error: "must be a NewIdsTracker" }).optional(),
  /** Write the table here instead of printing or showing it inline (objgraph's `file=`). */
  file: sinkOption,
});

/**
 * Options of {@link getNewIds}: `skipUpdate`, `limit` (default 10), `sortBy` (default
 * `"deltas"`), `shortnames`, `tracker`, `file` and `gc`.
 *
 * @example
 * ```ts
 * const options: GetNewIdsOptions = { limit: 3, sortBy: "new" };
 * await getNewIds(options);
 * ```
 */
export type GetNewIdsOptions = z.input<typeof getNewIdsOptions>;

/**
 * The objects allocated since the last call, per class — objgraph's `get_new_ids()`. Takes a
 * snapshot, compares its heap ids with those the previous call saw (in `tracker`), shows
 * objgraph's table of the `limit` classes with the largest change, and returns class name →
 * the new objects' heap ids (ascending). The first call finds every object new. Pass the ids to
 * {@link atAddrs} for the objects themselves, or to `showBackrefs` through them.
 *
 * ```text
 * ======================================================================
 * Type                    Old_ids  Current_ids      New_ids Count_Deltas
 * ======================================================================
 * Array                       324          326           +3           +2
 * ======================================================================
 * ```
 *
 * Classes of one name are lumped together unless `shortnames: false`. Node and Deno; Bun
 * throws `NotSupportedError` (it renumbers objects in every snapshot, so all would look new).
 *
 * @example
 * ```ts
 * import { atAddrs, getNewIds } from "heapgraph";
 * await getNewIds({ limit: 0 });        // remember what exists now
 * const a = [0, 1, 2];
 * const newIds = await getNewIds({ limit: 3 });
 * const newArrays = await atAddrs(newIds.get("Array") ?? []);
 * console.log(newArrays.includes(a)); // true
 * ```
 */
export async function getNewIds(options: GetNewIdsOptions = {}): Promise<Map<string, number[]>> {
  const { skipUpdate, limit = 10, sortBy, shortnames, tracker = defaultNewIdsTracker, file, gc } = parseLiveOptions("getNewIds", getNewIdsOptions, options);
  if (skipUpdate) return tracker.newIds();
  const runtime = detectRuntime();
  if (runtime === "bun") {
    throw new NotSupportedError("getNewIds", runtime, "Bun renumbers objects in every heap snapshot, so ids cannot tell new objects from old");
  }
  const rows = tracker.update(await liveGraph({ gc }), { sortBy, shortnames }).slice(0, limit);
  if (rows.length > 0) showResult(newIdsText(rows), tableToHtml(newIdsTable(rows)), file);
  return tracker.newIds();
}

function newIdsTable(rows: readonly NewIdsRow[]): Table {
  const signed = (n: number) => `${n >= 0 ? "+" : "−"}${formatCount(Math.abs(n))}`;
  return {
    title: "New objects since the last getNewIds()",
    columns: [
      { header: "Type", align: "left" },
      { header: "Old ids", align: "right" },
      { header: "Current ids", align: "right" },
      { header: "New ids", align: "right" },
      { header: "Count delta", align: "right" },
    ],
    rows: rows.map((r) => [r.name, formatCount(r.old), formatCount(r.current), signed(r.new), signed(r.delta)]),
  };
}
