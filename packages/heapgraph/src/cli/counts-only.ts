/**
 * `heapgraph compare` on snapshots whose heap ids do not compare (taken over different inspector
 * connections, or from different processes): class counts still do, so it says so and shows
 * what grew by class instead of refusing.
 *
 * @module
 */
import { foreignIdsMessage, growth, idComparability, type HeapGraph, type NoiseFilterOptions } from "@heapgraph/graph";
import { growthTable, tableToText } from "@heapgraph/render";
import type { CommandContext } from "./command.ts";
import { hiddenNote } from "./noise-flags.ts";
import { printResult } from "./output.ts";

/**
 * When `before` and `after` are V8 snapshots whose ids name different objects, prints the class
 * count changes (`growth`), headed by a line saying these are counts only and why, and returns
 * true; returns false (printing nothing) when the ids compare, or are Bun's (refused as before).
 * JSON: `{ before, after, countsOnly: true, why, growth: [{ name, qualifiedName, count, previous, delta, selfSize, sizeDelta }], hidden }`.
 *
 * @example
 * ```ts
 * if (!stableIds && compareCountsOnly(ctx, [beforeFile, afterFile], before, after, { limit, noise })) return;
 * ```
 */
export function compareCountsOnly(
  ctx: CommandContext,
  files: readonly [string, string],
  before: HeapGraph,
  after: HeapGraph,
  options: { readonly limit: number; readonly noise: NoiseFilterOptions },
): boolean {
  if (!before.idsAreStable() || !after.idsAreStable()) return false;
  const verdict = idComparability([before, after]);
  if (verdict.comparable) return false;
  const why = foreignIdsMessage("compare", verdict, files, "--stable-ids");
  const rows = growth(before, after, { ...options.noise, limit: options.limit });
  const json = {
    before: files[0],
    after: files[1],
    countsOnly: true,
    why,
    growth: rows.map((r) => ({ name: r.name, qualifiedName: r.qualifiedName, count: r.count, previous: r.previous, delta: r.delta, selfSize: r.selfSize, sizeDelta: r.sizeDelta })),
    hidden: rows.hidden,
  };
  printResult(ctx, json, () => {
    const { id, home, foreign } = verdict.example;
    const head =
      `Counts only: ${files[0]} and ${files[1]} were taken over different inspector connections or from different processes ` +
      `(${verdict.different} of ${verdict.shared} objects under the same id in both are different objects: @${id} is ${home} in ${files[verdict.home]} ` +
      `but ${foreign} in ${files[verdict.foreign[0]]}), so objects cannot be matched by id. Below are class count changes, not new and deleted objects. ` +
      `For those, capture both over one connection: heapgraph capture --port N --count 2 -o DIR.\n\n`;
    const table = rows.length === 0 ? `No class has more objects in ${files[1]} than in ${files[0]}.\n` : tableToText(growthTable(rows, { title: `Classes with more objects in ${files[1]} than in ${files[0]} (counts only)` }));
    return head + table + hiddenNote(rows.hidden);
  });
  return true;
}
