/**
 * The object a command is about, chosen on the command line by `--id ID` or `--type NAME`.
 *
 * @module
 */
import { byType, type HeapGraph, type HeapNode } from "@heapgraph/graph";
import { usage } from "./args.ts";
import { CliError } from "./cli-error.ts";
import type { Command, OptionSpecs } from "./command.ts";
import { heapIdFlag, textFlag } from "./flags.ts";

/**
 * The `--id` and `--type` options, for commands that start from one object.
 *
 * @example
 * ```ts
 * const options = { ...TARGET_OPTIONS, depth: countFlag("levels", 3) };
 * ```
 */
export const TARGET_OPTIONS = {
  id: heapIdFlag("the object's heap id, as DevTools shows it (12345 or @12345)"),
  type: textFlag("NAME", "a class name; the instance that retains the most is used"),
} satisfies OptionSpecs;

/**
 * The checked `--id` and `--type` values.
 *
 * @example
 * ```ts
 * const target: TargetArgs = { id: 12345, type: undefined };
 * ```
 */
export interface TargetArgs {
  readonly id: number | undefined;
  readonly type: string | undefined;
}

/**
 * The chosen object, and how it was chosen (for `--type`: among how many).
 *
 * @example
 * ```ts
 * const { node, candidates }: TargetNode = targetNode(chainCommand, args.values, graph, file);
 * ```
 */
export interface TargetNode {
  readonly node: HeapNode;
  /** Instances of the class when chosen by `--type`, else 1. */
  readonly candidates: number;
}

/**
 * Resolves `--id ID` or `--type NAME` in `graph`. `--type` picks the instance with the largest
 * retained size (the smallest id among equals). Fails with `NOT_FOUND` (naming `file`) when no
 * node matches; call {@link checkTargetArgs} first.
 *
 * @example
 * ```ts
 * const { node } = targetNode(chainCommand, args.values, graph, "app.heapsnapshot");
 * ```
 */
export function targetNode(command: Command<OptionSpecs>, target: TargetArgs, graph: HeapGraph, file: string): TargetNode {
  checkTargetArgs(command, target);
  if (target.id !== undefined) {
    const node = graph.nodeById(target.id);
    if (!node) throw new CliError("NOT_FOUND", `${file}: no object has id @${target.id}`);
    return { node, candidates: 1 };
  }
  const name = target.type!;
  const nodes = byType(graph, name);
  if (nodes.length === 0) throw new CliError("NOT_FOUND", `${file}: no objects of class ${JSON.stringify(name)}`);
  let best = nodes[0];
  for (const n of nodes) if (n.retainedSize > best.retainedSize || (n.retainedSize === best.retainedSize && n.id < best.id)) best = n;
  return { node: best, candidates: nodes.length };
}

/**
 * Checks that exactly one of `--id` and `--type` is given, before any file is read, so that a
 * usage error comes first.
 *
 * @example
 * ```ts
 * checkTargetArgs(refsCommand, args.values);
 * ```
 */
export function checkTargetArgs(command: Command<OptionSpecs>, target: TargetArgs): void {
  if ((target.id === undefined) === (target.type === undefined)) throw usage(command, "give either --id ID or --type NAME");
}
