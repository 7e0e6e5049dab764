/**
 * The object a command is about, chosen on the command line by `--id ID` or `--type NAME`.
 *
 * @module
 */
import { byType, type HeapGraph, type HeapNode } from "@heapgraph/graph";
import { heapId, usage } from "./args.ts";
import { CliError } from "./cli-error.ts";
import type { Command, CommandArgs, OptionSpec } from "./command.ts";

/**
 * The `--id` and `--type` options, for commands that start from one object.
 *
 * @example
 * ```ts
 * const options = { ...TARGET_OPTIONS, depth: { type: "string", value: "N", help: "levels" } };
 * ```
 */
export const TARGET_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  id: { type: "string", value: "ID", help: "the object's heap id, as DevTools shows it (12345 or @12345)" },
  type: { type: "string", value: "NAME", help: "a class name; the instance that retains the most is used" },
};

/**
 * The chosen object, and how it was chosen (for `--type`: among how many).
 *
 * @example
 * ```ts
 * const { node, candidates }: TargetNode = targetNode(chainCommand, args, graph, file);
 * ```
 */
export interface TargetNode {
  readonly node: HeapNode;
  /** Instances of the class when chosen by `--type`, else 1. */
  readonly candidates: number;
}

/**
 * Resolves `--id ID` or `--type NAME` (exactly one) in `graph`. `--type` picks the instance with
 * the largest retained size (the smallest id among equals). Fails with `USAGE` when both or
 * neither are given, and `NOT_FOUND` (naming `file`) when no node matches.
 *
 * @example
 * ```ts
 * const { node } = targetNode(chainCommand, args, graph, "app.heapsnapshot");
 * ```
 */
export function targetNode(command: Command, args: CommandArgs, graph: HeapGraph, file: string): TargetNode {
  const { id, type } = args.values;
  if ((id === undefined) === (type === undefined)) throw usage(command, "give either --id ID or --type NAME");
  if (typeof id === "string") {
    const node = graph.nodeById(heapId(command, id));
    if (!node) throw new CliError("NOT_FOUND", `${file}: no object has id @${heapId(command, id)}`);
    return { node, candidates: 1 };
  }
  const name = String(type);
  if (name === "") throw usage(command, "--type needs a class name");
  const nodes = byType(graph, name);
  if (nodes.length === 0) throw new CliError("NOT_FOUND", `${file}: no objects of class ${JSON.stringify(name)}`);
  let best = nodes[0];
  for (const n of nodes) if (n.retainedSize > best.retainedSize || (n.retainedSize === best.retainedSize && n.id < best.id)) best = n;
  return { node: best, candidates: nodes.length };
}

/**
 * Validates `--id`/`--type` before any file is read, so that a usage error comes first.
 *
 * @example
 * ```ts
 * checkTargetArgs(refsCommand, args);
 * ```
 */
export function checkTargetArgs(command: Command, args: CommandArgs): void {
  const { id, type } = args.values;
  if ((id === undefined) === (type === undefined)) throw usage(command, "give either --id ID or --type NAME");
  if (typeof id === "string") heapId(command, id);
}
