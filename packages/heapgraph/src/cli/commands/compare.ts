/**
 * `heapgraph compare BEFORE AFTER`: DevTools' Comparison view, by heap object id.
 *
 * @module
 */
import { compare } from "@heapgraph/graph";
import { compareTable, tableToText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { limitFlag } from "../flags.ts";
import { loadGraph } from "../load-graph.ts";
import { printResult } from "../output.ts";
import { STABLE_IDS_OPTION, withStableIds } from "../stable-ids.ts";

/**
 * `compare BEFORE AFTER [--limit N] [--stable-ids]`. JSON: `{ before, after, types: [{ name, qualifiedName, added, removed, countDelta, addedSize, removedSize, sizeDelta }] }`.
 *
 * @example
 * ```ts
 * await main(["compare", "before.heapsnapshot", "after.heapsnapshot", "--json"]);
 * ```
 */
export const compareCommand = defineCommand({
  name: "compare",
  summary: "DevTools-style comparison: objects added and removed per class between two snapshots",
  positionals: ["BEFORE", "AFTER"],
  options: {
    limit: limitFlag("how many classes to list, largest size delta first (default 20; all: every class)", 20),
    "stable-ids": STABLE_IDS_OPTION,
  },
  details: `
Matches objects by heap id, so both snapshots must come from one process (Node, Deno,
Chrome); Bun renumbers objects in every snapshot, and compare then answers with exit code 1.`,
  examples: ["heapgraph compare before.heapsnapshot after.heapsnapshot", "heapgraph compare before.heapsnapshot after.heapsnapshot --json --limit 100"],
  async run(args, ctx) {
    const { limit } = args.values;
    const [beforeFile, afterFile] = args.positionals;
    const before = await loadGraph(beforeFile, ctx, { index: 0, count: 2 });
    const after = await loadGraph(afterFile, ctx, { index: 1, count: 2 });
    const stableIds = args.values["stable-ids"];
    const rows = withStableIds("compare", [beforeFile, afterFile], () => compare(before, after, stableIds ? { stableIds } : {}));
    const types = rows.slice(0, limit).map((r) => ({
      name: r.name,
      qualifiedName: r.qualifiedName,
      added: r.added,
      removed: r.removed,
      countDelta: r.countDelta,
      addedSize: r.addedSize,
      removedSize: r.removedSize,
      sizeDelta: r.sizeDelta,
    }));
    printResult(ctx, { before: beforeFile, after: afterFile, types }, () =>
      types.length === 0 ? `No object was added or removed between ${beforeFile} and ${afterFile}.\n` : tableToText(compareTable(types, { title: `Comparison of ${afterFile} with ${beforeFile}` })),
    );
  },
});
