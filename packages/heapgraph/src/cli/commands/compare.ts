/**
 * `heapgraph compare BEFORE AFTER`: DevTools' Comparison view, by heap object id.
 *
 * @module
 */
import { compare, growingHolders, holderHeadline, type LeakHolder } from "@heapgraph/graph";
import { compareTable, formatSize, printable, tableToText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { limitFlag } from "../flags.ts";
import { compareCountsOnly } from "../counts-only.ts";
import { loadGraph } from "../load-graph.ts";
import { holderJson } from "../../json/leak-report.ts";
import { hiddenNote, NOISE_FLAGS, noiseOptions } from "../noise-flags.ts";
import { printResult } from "../output.ts";
import { STABLE_IDS_OPTION, withStableIds } from "../stable-ids.ts";

/**
 * `compare BEFORE AFTER [--limit N] [--stable-ids] [--all] [--class PATTERN]... [--type TYPE]... [--user]`. JSON:
 * `{ before, after, types: [{ name, qualifiedName, added, removed, countDelta, addedSize, removedSize, sizeDelta }], hidden: { classes, objects, bytes, reasons } }`.
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
    ...NOISE_FLAGS,
  },
  details: `
Matches objects by heap id, so both snapshots must come from one process (Node, Deno,
Chrome) and one inspector connection (heapgraph capture --count 2 -o DIR, not two capture
calls: V8 numbers objects afresh per connection). Snapshots from different connections or
processes are compared by class counts only, and compare says so. Bun renumbers objects in
every snapshot, and compare then answers with exit code 1.

The answer comes first: the objects of BEFORE that new objects were added to and that grew
(arrays, Maps and Sets, objects used as dictionaries, listener lists), most retained first,
each in one line with its entries in both snapshots, what it holds and the code behind it.
Then the classes.

Noise is hidden, as by growth, and a last line says how much: heapgraph's own objects
and its dependencies', the snapshot machinery, engine internals ((compiled code),
(string), (number), ...). --all shows everything; --class, --type and --user narrow.`,
  examples: ["heapgraph compare before.heapsnapshot after.heapsnapshot", "heapgraph compare before.heapsnapshot after.heapsnapshot --json --limit 100"],
  async run(args, ctx) {
    const { limit } = args.values;
    const [beforeFile, afterFile] = args.positionals;
    const before = await loadGraph(beforeFile, ctx, { index: 0, count: 2 });
    const after = await loadGraph(afterFile, ctx, { index: 1, count: 2 });
    const stableIds = args.values["stable-ids"];
    const options = { ...(stableIds ? { stableIds } : {}), ...noiseOptions(args.values) };
    if (!stableIds && compareCountsOnly(ctx, [beforeFile, afterFile], before, after, { limit, noise: noiseOptions(args.values) })) return;
    const rows = withStableIds("compare", [beforeFile, afterFile], () => compare(before, after, options), [before, after]);
    const holders = growingHolders(before, after, { ...options, limit: HOLDERS });
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
    printResult(ctx, { before: beforeFile, after: afterFile, holders: holders.map(holderJson), types, hidden: rows.hidden }, () =>
      holdersText(holders) +
      (types.length === 0
        ? `No object was added or removed between ${beforeFile} and ${afterFile}.\n`
        : tableToText(compareTable(types, { title: `Comparison of ${afterFile} with ${beforeFile}` }))) + hiddenNote(rows.hidden),
    );
  },
});

/** How many growing holders `compare` lists. */
const HOLDERS = 5;

/** `What grew:` and one numbered line per growing holder, or nothing when none grew. */
function holdersText(holders: readonly LeakHolder[]): string {
  if (holders.length === 0) return "";
  const lines = holders.map((h, i) => `  ${i + 1}. ${printable(holderHeadline(h), 240)}  [${formatSize(h.retainedSize)}]`);
  return `What grew, by holder:\n${lines.join("\n")}\n\n`;
}
