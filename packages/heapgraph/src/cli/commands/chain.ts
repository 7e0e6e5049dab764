/**
 * `heapgraph chain FILE (--id ID | --type NAME)`: why an object is alive, as the chain of
 * references from a root to it (objgraph's `find_backref_chain` + `show_chain`).
 *
 * @module
 */
import { chainSelection, chainSteps, findBackrefChain, isGlobal, isModule, pathToRoot, type ChainStep, type HeapNode } from "@heapgraph/graph";
import { chainText, countNoun } from "@heapgraph/render";
import { choiceFlag, countFlag } from "../flags.ts";
import { stepJson } from "../chain-json.ts";
import { CliError } from "../cli-error.ts";
import { defineCommand } from "../command.ts";
import { GRAPH_FILE_OPTIONS, graphFiles, writeGraphFiles, writtenLines } from "../graph-files.ts";
import { loadGraph } from "../load-graph.ts";
import { checkOutputDirectory, printResult } from "../output.ts";
import { checkTargetArgs, TARGET_OPTIONS, targetNode } from "../target-node.ts";

/**
 * `chain FILE (--id ID | --type NAME) [--to root|global|module] [--depth N] [--dot F] [--svg F] [--html F]`.
 * JSON: `{ file, target: { id, className, candidates }, to, chain: [{ id, type, name, className, preview, selfSize, retainedSize, edge }], files }`, root first.
 *
 * @example
 * ```ts
 * await main(["chain", "app.heapsnapshot", "--type", "RequestContext", "--svg", "chain.svg"]);
 * ```
 */
export const chainCommand = defineCommand({
  name: "chain",
  summary: "the chain of references that keeps an object alive, root first, each step with its edge",
  positionals: ["FILE"],
  usage: "FILE (--id ID | --type NAME)",
  options: {
    ...TARGET_OPTIONS,
    to: choiceFlag("WHERE", "root (default: the shortest retaining path from a GC root), global or module", ["root", "global", "module"], "root"),
    depth: countFlag("longest chain searched with --to global or module (default 20)", 20),
    ...GRAPH_FILE_OPTIONS,
  },
  details: `
--to root follows only references that keep the object alive (no weak references), as
DevTools' retainers view does. --to global and --to module search backwards for the nearest
global object or module, as objgraph's find_backref_chain(obj, is_proper_module) does.`,
  examples: [
    "heapgraph chain app.heapsnapshot --id @12345",
    "heapgraph chain app.heapsnapshot --type RequestContext --to global --svg chain.svg",
  ],
  async run(args, ctx) {
    checkTargetArgs(this, args.values);
    const { to, depth } = args.values;
    const files = graphFiles(args.values);
    await checkOutputDirectory(files.dot, files.svg, files.html);
    const [file] = args.positionals;
    const graph = await loadGraph(file, ctx);
    const { node, candidates } = targetNode(this, args.values, graph, file);
    let steps: readonly ChainStep[];
    let nodes: HeapNode[];
    if (to === "root") {
      const path = pathToRoot(graph, node);
      if (!path.found) throw new CliError("NOT_FOUND", `${file}: no retaining path to ${node.className} @${node.id}: ${path.reason}`);
      steps = path.steps;
      nodes = steps.map((s) => graph.node(s.ordinal));
    } else {
      const predicate = to === "global" ? isGlobal : isModule;
      nodes = findBackrefChain(graph, node, predicate, { maxDepth: depth });
      if (nodes.length === 1 && !predicate(node)) {
        throw new CliError("NOT_FOUND", `${file}: no chain from a ${to} to ${node.className} @${node.id} within ${countNoun(depth, "reference")} (try --to root, or a larger --depth)`);
      }
      steps = chainSteps(graph, nodes);
    }
    const title = `Retaining chain of ${node.className} @${node.id}`;
    const drawLess = to === "root" ? "pick a nearer object with --id" : "use --to root (the shortest chain) or a lower --depth";
    const written = await writeGraphFiles(files, chainSelection(graph, nodes), title, ctx, drawLess);
    const result = {
      file,
      target: { id: node.id, className: node.className, candidates },
      to,
      chain: steps.map(stepJson),
      files: written,
    };
    printResult(ctx, result, () => {
      const from = to === "root" ? "a GC root" : `a ${to}`;
      const choice = candidates > 1 ? `(${countNoun(candidates, "object")} of class ${node.className}; this one retains the most. Pick another with --id.)\n` : "";
      return `${title}, from ${from} (${countNoun(steps.length - 1, "reference")}):\n${choice}${chainText(steps)}${writtenLines(written)}`;
    });
  },
});
