/**
 * `heapgraph growth BEFORE AFTER`: the classes with more instances after than before
 * (objgraph's `show_growth`).
 *
 * @module
 */
import { growth } from "@heapgraph/graph";
import { growthTable, tableToText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { limitFlag } from "../flags.ts";
import { loadGraph } from "../load-graph.ts";
import { hiddenNote, NOISE_FLAGS, noiseOptions } from "../noise-flags.ts";
import { printResult } from "../output.ts";

/**
 * `growth BEFORE AFTER [--limit N] [--all] [--class PATTERN]... [--type TYPE]... [--user]`. JSON:
 * `{ before, after, types: [{ name, qualifiedName, count, previous, delta, selfSize, sizeDelta }], hidden: { classes, objects, bytes, reasons } }`.
 *
 * @example
 * ```ts
 * await main(["growth", "before.heapsnapshot", "after.heapsnapshot"]);
 * ```
 */
export const growthCommand = defineCommand({
  name: "growth",
  summary: "class-level growth between two snapshots, largest increase first (objgraph's show_growth)",
  positionals: ["BEFORE", "AFTER"],
  options: {
    limit: limitFlag("how many classes to list (default 10; all: every class that grew)", 10),
    ...NOISE_FLAGS,
  },
  details: `
Counts instances per class in both snapshots and lists the classes that grew. Needs no
heap ids, so the two snapshots may come from different processes (or from Bun).

Noise is hidden, and a last line says how much: heapgraph's own objects and its
dependencies' (zod, ws, Graphviz), the snapshot machinery, and engine internals
((compiled code), (string), (number), (system), (object shape), ...). --all shows
everything; --class and --type narrow (--class '(string)' shows strings); --user keeps
user objects only.`,
  examples: [
    "heapgraph growth before.heapsnapshot after.heapsnapshot --limit 20",
    "heapgraph growth before.heapsnapshot after.heapsnapshot --class 'Request*' --class '/Session$/'",
    "heapgraph growth before.heapsnapshot after.heapsnapshot --all",
  ],
  async run(args, ctx) {
    const { limit } = args.values;
    const [beforeFile, afterFile] = args.positionals;
    const before = await loadGraph(beforeFile, ctx, { index: 0, count: 2 });
    const after = await loadGraph(afterFile, ctx, { index: 1, count: 2 });
    const rows = growth(before, after, { limit, ...noiseOptions(args.values) });
    const types = rows.map((r) => ({
      name: r.name,
      qualifiedName: r.qualifiedName,
      count: r.count,
      previous: r.previous,
      delta: r.delta,
      selfSize: r.selfSize,
      sizeDelta: r.sizeDelta,
    }));
    printResult(ctx, { before: beforeFile, after: afterFile, types, hidden: rows.hidden }, () =>
      (types.length === 0
        ? `No class has more instances in ${afterFile} than in ${beforeFile}.\n`
        : tableToText(growthTable(types, { title: `Growth from ${beforeFile} to ${afterFile}` }))) + hiddenNote(rows.hidden),
    );
  },
});
