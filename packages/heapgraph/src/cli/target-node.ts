/**
 * The object a command is about, chosen on the command line by `--id ID` or `--type NAME`.
 *
 * @module
 */
import { findTarget, type HeapGraph, type TargetChoice } from "@heapgraph/graph";
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
  type: textFlag("NAME", "a class name, or a function's name for closures; the instance is picked from the retaining path most instances share"),
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
 * Resolves `--id ID` or `--type NAME` in `graph`. `--type` takes the class's instances, or the
 * closures whose function has that name (`handler`, `handler()`), and picks a representative
 * (see `representativeInstance`): from the retaining path most instances share (Eclipse MAT's
 * merged shortest paths), the one that retains most. Fails with `NOT_FOUND` (naming `file`) when
 * no node matches; call {@link checkTargetArgs} first.
 *
 * @example
 * ```ts
 * const { node, choice } = targetNode(chainCommand, args.values, graph, "app.heapsnapshot");
 * ```
 */
export function targetNode(command: Command<OptionSpecs>, target: TargetArgs, graph: HeapGraph, file: string): TargetChoice {
  checkTargetArgs(command, target);
  const found = findTarget(graph, target.id !== undefined ? { id: target.id } : { className: target.type! });
  if (found) return found;
  throw new CliError("NOT_FOUND", target.id !== undefined ? `${file}: no object has id @${target.id}` : `${file}: no objects of class ${JSON.stringify(target.type)}`);
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
