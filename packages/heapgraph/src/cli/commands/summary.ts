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
import { FILTER_FLAGS, noiseOptions } from "../noise-flags.ts";
import { printResult } from "../output.ts";

/**
 * `summary FILE [--limit N] [--class PATTERN]... [--type TYPE]... [--user]`. JSON: `{ file, format, nodeCount, edgeCount, totalSize, types: [{ name, qualifiedName, count, selfSize, retainedSize }] }`.
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
    ...FILTER_FLAGS,
  },
  details: `
FILE is a heap snapshot: .heapsnapshot from Node, Deno, Chrome or Bun, gzip or not, or
Bun's JavaScriptCore JSON. Types are DevTools' classes; counts and sizes are DevTools'
Summary view's (objects of size 0 are not counted). The total size is the root's retained
size: every byte reachable from the roots.

Every class is listed, as in DevTools; --class and --type narrow the list (objgraph's
filter), --user keeps user objects only (no engine internals such as (compiled code) or
(string), no heapgraph objects, no runtime internals).`,
  examples: [
    "heapgraph summary app.heapsnapshot --limit 20",
    "heapgraph summary app.heapsnapshot.gz --json",
    "heapgraph summary app.heapsnapshot --user --class 'Request*'",
  ],
  async run(args, ctx) {
    const { limit } = args.values;
    const [file] = args.positionals;
    const graph = await loadGraph(file, ctx);
    const types = mostCommonTypes(graph, { limit, ...noiseOptions(args.values) }).map((t) => ({
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
