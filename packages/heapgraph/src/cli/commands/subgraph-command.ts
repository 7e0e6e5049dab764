/**
 * What `heapgraph refs` and `heapgraph backrefs` share: the part of the heap around one
 * object, bounded by depth and by references per object, as text, JSON and drawings.
 *
 * @module
 */
import { backrefs, refs } from "@heapgraph/graph";
import { countNoun, selectionEdgesText, selectionTable, tableToText } from "@heapgraph/render";
import { defineCommand } from "../command.ts";
import { countFlag, switchFlag } from "../flags.ts";
import { GRAPH_FILE_OPTIONS, graphFiles, writeGraphFiles, writtenLines } from "../graph-files.ts";
import { loadGraph } from "../load-graph.ts";
import { checkOutputDirectory, printResult } from "../output.ts";
import { checkTargetArgs, TARGET_OPTIONS, targetNode } from "../target-node.ts";
import { selectionJson } from "../../json/selection-json.ts";

/**
 * The `refs` or `backrefs` command.
 *
 * @example
 * ```ts
 * export const refsCommand = subgraphCommand("refs");
 * ```
 */
export function subgraphCommand(kind: "refs" | "backrefs") {
  const forwards = kind === "refs";
  return defineCommand({
    name: kind,
    summary: forwards
      ? "what an object refers to, a few levels deep (objgraph's show_refs)"
      : "what refers to an object, a few levels back, stopping at modules and globals (objgraph's show_backrefs)",
    positionals: ["FILE"],
    usage: "FILE (--id ID | --type NAME)",
    options: {
      ...TARGET_OPTIONS,
      depth: countFlag("how many levels to follow (default 3)", 3),
      "too-many": countFlag(`at most N ${forwards ? "references" : "referrers"} per object; the rest are counted (default 10)`, 10),
      internals: switchFlag("show V8 plumbing too (hidden classes, backing stores, code)"),
      ...GRAPH_FILE_OPTIONS,
    },
    details: `
Edges always point from holder to held. V8 plumbing is hidden unless --internals.
Without --dot, --svg or --html the objects and references are printed as text.`,
    examples: [`heapgraph ${kind} app.heapsnapshot --id @12345 --depth 4 --svg ${kind}.svg`, `heapgraph ${kind} app.heapsnapshot --type Session --html ${kind}.html`],
    async run(args, ctx) {
      checkTargetArgs(this, args.values);
      const { depth: maxDepth, "too-many": tooMany, internals } = args.values;
      const files = graphFiles(args.values);
      await checkOutputDirectory(files.dot, files.svg, files.html);
      const [file] = args.positionals;
      const graph = await loadGraph(file, ctx);
      const { node, candidates } = targetNode(this, args.values, graph, file);
      const options = { maxDepth, tooMany, internals };
      const selection = forwards ? refs(graph, [node], options) : backrefs(graph, [node], options);
      const title = `${forwards ? "References from" : "Referrers of"} ${node.className} @${node.id}`;
      const drawLess = `lower --depth (now ${maxDepth}) or --too-many (now ${tooMany})${internals ? ", leave out --internals" : ""}`;
      const written = await writeGraphFiles(files, selection, title, ctx, drawLess, args.values.interactive ? { graph } : undefined);
      printResult(ctx, { file, kind, target: { id: node.id, className: node.className, candidates }, ...selectionJson(selection), files: written }, () => {
        const head = `${title}: ${countNoun(selection.nodes.length, "object")}, ${countNoun(selection.edges.length, "reference")} (depth ${maxDepth}, at most ${tooMany} per object)\n`;
        if (written.dot || written.svg || written.html) return head + writtenLines(written);
        return `${head}${selectionEdgesText(selection)}\n${tableToText(selectionTable(selection))}`;
      });
    },
  });
}
