/**
 * `heapgraph chain FILE (--id ID | --type NAME)`: why an object is alive, as the chain of
 * references from a root to it (objgraph's `find_backref_chain` + `show_chain`).
 *
 * @module
 */
import {
  chainSelection,
  chainSteps,
  collapseRepeats,
  findBackrefChain,
  isGlobal,
  isModule,
  pathToRoot,
  type AlsoHeldBy,
  type ChainStep,
  type HeapNode,
  type Representative,
} from "@heapgraph/graph";
import { chainText, countNoun, formatTrace } from "@heapgraph/render";
import { choiceFlag, countFlag, textFlag } from "../flags.ts";
import { stepJson } from "../../json/chain-json.ts";
import { CliError } from "../cli-error.ts";
import { defineCommand } from "../command.ts";
import { GRAPH_FILE_OPTIONS, graphFiles, writeGraphFiles, writtenLines } from "../graph-files.ts";
import { loadGraph } from "../load-graph.ts";
import { checkOutputDirectory, printResult } from "../output.ts";
import { checkTargetArgs, TARGET_OPTIONS, targetNode } from "../target-node.ts";

/**
 * `chain FILE (--id ID | --type NAME) [--to root|global|module] [--depth N] [--dot F] [--svg F] [--html F]`.
 * JSON: `{ file, target: { id, className, candidates, held?, groups? }, to, chain: [{ id, type, name, className,
 * label?, preview, selfSize, retainedSize, edge }], alsoHeldBy?, files }`, root first. With `--type`, `held` is how
 * many instances share the chosen one's retaining path and `groups` lists the largest paths
 * (`{ count, id, path }`, path from the last user-visible root).
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
    type: textFlag("NAME", "a class name, or a function's name for closures (handler); picks an instance held the way most of them are"),
    to: choiceFlag("WHERE", "root (default: the shortest retaining path from a GC root), global or module", ["root", "global", "module"], "root"),
    depth: countFlag("longest chain searched with --to global or module (default 20)", 20),
    ...GRAPH_FILE_OPTIONS,
  },
  details: `
--to root follows only references that keep the object alive (no weak references), as
DevTools' retainers view does, and prefers durable holders: global objects and the program's
modules first, the runtime's own closures (node:internal, ext:) next, the running code's stack
last; when the stack holds the object too, the output says so. --to global and --to module
search backwards for the nearest global object or module, as objgraph's
find_backref_chain(obj, is_proper_module) does.

--type NAME groups the instances of class NAME (or the closures of functions named NAME) by
their retaining path from the last global or module, and picks the one that retains the most
in the largest group, as Eclipse MAT's merged shortest paths do: "37 of 40 RequestContext are
held through ...". Closures, timers, listeners and modules are named by function, callback,
event and file; repeated steps read "x170".`,
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
    const { node, candidates, choice } = targetNode(this, args.values, graph, file);
    let steps: readonly ChainStep[];
    let nodes: HeapNode[];
    let alsoHeldBy: readonly AlsoHeldBy[] = [];
    if (to === "root") {
      const path = pathToRoot(graph, node);
      if (!path.found) throw new CliError("NOT_FOUND", `${file}: no retaining path to ${node.className} @${node.id}: ${path.reason}`);
      steps = path.steps;
      alsoHeldBy = path.alsoHeldBy ?? [];
      nodes = steps.map((s) => graph.node(s.ordinal));
    } else {
      const predicate = to === "global" ? isGlobal : isModule;
      nodes = findBackrefChain(graph, node, predicate, { maxDepth: depth });
      if (nodes.length === 1 && !predicate(node)) {
        throw new CliError("NOT_FOUND", `${file}: no chain from a ${to} to ${node.className} @${node.id} within ${countNoun(depth, "reference")} (try --to root, or a larger --depth)`);
      }
      steps = chainSteps(graph, nodes);
    }
    const title = `Retaining chain of ${steps.at(-1)?.label ?? node.className} @${node.id}`;
    const drawLess = to === "root" ? "pick a nearer object with --id" : "use --to root (the shortest chain) or a lower --depth";
    const written = await writeGraphFiles(files, chainSelection(graph, nodes), title, ctx, drawLess, args.values.interactive ? { graph } : undefined);
    const result = {
      file,
      target: { id: node.id, className: node.className, candidates, ...(choice ? choiceJson(choice) : {}) },
      to,
      chain: steps.map(stepJson),
      ...(alsoHeldBy.length > 0 ? { alsoHeldBy } : {}),
      files: written,
    };
    printResult(ctx, result, () => {
      const from = to === "root" ? "a GC root" : `a ${to}`;
      const picked = choice ? choiceText(choice) : candidates > 1 ? `(${countNoun(candidates, "object")} of class ${node.className}; this one retains the most. Pick another with --id.)\n` : "";
      const also = alsoHeldBy.map((h) => `  (${ALSO_HELD_TEXT[h]})\n`).join("");
      return `${title}, from ${from} (${countNoun(steps.length - 1, "reference")}):\n${picked}${chainText(collapseRepeats(steps))}${also}${writtenLines(written)}`;
    });
  },
});

const ALSO_HELD_TEXT: Record<AlsoHeldBy, string> = {
  stack: "also held by the running code's stack at snapshot time",
  "async-frame": "also held by a suspended async function's locals (a module's async frame) at snapshot time",
};

/** `37 of 40 RequestContext are held through global -.contexts-> Array -[]-> RequestContext …`, and the other paths. */
function choiceText(choice: Representative): string {
  const { node, held, candidates, groups, groupCount } = choice;
  const [main, ...others] = groups;
  if (candidates === 1) return "";
  const through = main.path.length > 0 ? `held through ${groupPath(main.path)}` : "held by no retaining path";
  const how = groupCount === 1 ? `All ${candidates}` : `${held} of ${candidates}`;
  let text = `${how} ${node.className} are ${through}; this one retains the most of them. Pick another with --id.\n`;
  for (const g of others) text += `  ${g.count} ${g.path.length > 0 ? `through ${groupPath(g.path)}` : "with no retaining path"} (e.g. @${g.representative.id})\n`;
  const unshown = groupCount - groups.length;
  if (unshown > 0) text += `  and ${countNoun(unshown, "other path")}\n`;
  return text;
}

function choiceJson(choice: Representative) {
  return {
    held: choice.held,
    groups: choice.groups.map((g) => ({ count: g.count, id: g.representative.id, path: g.path.length > 0 ? groupPath(g.path) : null })),
  };
}

/** A group's path on one line, element indices left out (they differ within the group). */
function groupPath(path: readonly ChainStep[]): string {
  return formatTrace(path.map((s) => (s.edge?.type === "element" ? { ...s, edge: { ...s.edge, name: "" } } : s)), { labels: true });
}
