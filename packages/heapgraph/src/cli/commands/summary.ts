/**
 * `heapgraph summary FILE`: counts, total size and the most common types.
 *
 * @module
 */
import { mostCommonTypes } from "@heapgraph/graph";
import { formatCount, formatSize, mostCommonTypesTable, tableToText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { limitFlag } from "../flags.ts";
import { loadGraph } from "../load-graph.ts";
import { printResult } from "../output.ts";

/**
 * `summary FILE [--limit N]`. JSON: `{ file, format, nodeCount, edgeCount, totalSize, types: [{ name, qualifiedName, count, selfSize, retainedSize }] }`.
 *
 * @example
 * ```ts
 * await main(["summary", "app.heapsnapshot", "--limit", "5"]);
 * ```
 */
export const summaryCommand = defineCommand({
  name: "summary",
  summary: "node and edge counts, total size, and the most common types with their sizes",
  positionals: ["FILE"],
  options: {
    limit: limitFlag("how many types to list (default 10; all: every type)", 10),
  },
  details: `
FILE is a heap snapshot: .heapsnapshot from Node, Deno, Chrome or Bun, gzip or not, or
Bun's JavaScriptCore JSON. Types are DevTools' classes; counts and sizes are DevTools'
Summary view's (objects of size 0 are not counted). The total size is the root's retained
size: every byte reachable from the roots.`,
  examples: ["heapgraph summary app.heapsnapshot --limit 20", "heapgraph summary app.heapsnapshot.gz --json"],
  async run(args, ctx) {
    const { limit } = args.values;
    const [file] = args.positionals;
    const graph = await loadGraph(file, ctx);
    const types = mostCommonTypes(graph, { limit }).map((t) => ({
      name: t.name,
      qualifiedName: t.qualifiedName,
      count: t.count,
      selfSize: t.selfSize,
      retainedSize: t.retainedSize,
    }));
    const totalSize = graph.retainedSizes()[graph.rootOrdinal];
    const result = { file, format: graph.snapshot.format, nodeCount: graph.nodeCount, edgeCount: graph.edgeCount, totalSize, types };
    printResult(ctx, result, () =>
      [
        `${file} (${graph.snapshot.format === "jsc" ? "JavaScriptCore" : "V8"} heap snapshot)`,
        `  nodes       ${formatCount(graph.nodeCount)}`,
        `  edges       ${formatCount(graph.edgeCount)}`,
        `  total size  ${formatSize(totalSize)}`,
        "",
        tableToText(mostCommonTypesTable(types)),
      ].join("\n"),
    );
  },
});
