/**
 * `heapgraph dominators FILE`: the objects that keep the most memory alive (Eclipse MAT's
 * dominator tree top level, without containers such as globals and V8 internals).
 *
 * @module
 */
import { largestRetainers } from "@heapgraph/graph";
import { largestRetainersTable, tableToText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { limitFlag } from "../flags.ts";
import { loadGraph } from "../load-graph.ts";
import { printResult } from "../output.ts";

/**
 * `dominators FILE [--top N]`. JSON: `{ file, totalSize, nodes: [{ id, name, className, preview, selfSize, retainedSize, share, dominatedBy }] }`.
 *
 * @example
 * ```ts
 * await main(["dominators", "app.heapsnapshot", "--top", "5"]);
 * ```
 */
export const dominatorsCommand = defineCommand({
  name: "dominators",
  summary: "the objects that retain the most memory (largest retained sizes in the dominator tree)",
  positionals: ["FILE"],
  options: {
    top: limitFlag("how many objects to list (default 10; all: every top-level retainer)", 10),
  },
  details: `
An object's retained size is what collecting it would free: itself and everything only it
keeps alive. Containers (global objects, GC roots, V8 internals) are looked through, so the
list shows program objects, as Eclipse MAT's "biggest objects" does.`,
  examples: ["heapgraph dominators app.heapsnapshot --top 20"],
  async run(args, ctx) {
    const { top } = args.values;
    const [file] = args.positionals;
    const graph = await loadGraph(file, ctx);
    const rows = largestRetainers(graph, { limit: top });
    const nodes = rows.map((r) => ({
      id: r.id,
      name: graph.nodeById(r.id)?.name ?? r.className,
      className: r.className,
      preview: r.preview,
      selfSize: r.selfSize,
      retainedSize: r.retainedSize,
      share: r.share,
      dominatedBy: r.dominatedBy,
    }));
    const totalSize = graph.retainedSizes()[graph.rootOrdinal];
    printResult(ctx, { file, totalSize, nodes }, () => tableToText(largestRetainersTable(rows, { title: `Largest retainers in ${file}` })));
  },
});
