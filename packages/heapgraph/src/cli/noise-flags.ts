/**
 * objgraph's `filter`, as options of the commands that count or compare (`growth`, `compare`,
 * `summary`, `leaks`): `--all`, `--class PATTERN`, `--type TYPE`, `--user`, defined once, read
 * once, and the one line that says what was hidden.
 *
 * @module
 */
import type { HiddenSummary, NoiseFilterOptions } from "@heapgraph/graph";
import { hiddenLine } from "@heapgraph/render";
import type { OptionSpecs } from "./command.ts";
import { classPatternValue, nodeTypeValue, repeatableFlag, switchFlag } from "./flags.ts";

/**
 * `--class PATTERN` and `--type TYPE` (repeatable), `--user`: the narrowing filters, for commands
 * that show everything by default (`summary`).
 *
 * @example
 * ```ts
 * const options = { limit: limitFlag("how many", 10), ...FILTER_FLAGS };
 * ```
 */
export const FILTER_FLAGS = {
  class: repeatableFlag(
    "PATTERN",
    "only classes whose name matches: a glob (Request*) or a /regex/; repeatable. Naming an engine internal ('(string)') shows it",
    classPatternValue,
  ),
  type: repeatableFlag("TYPE", "only nodes of this V8 node type (object, closure, string, native, ...); repeatable", nodeTypeValue),
  user: switchFlag("only user objects: no engine internals, heapgraph's own objects or runtime internals (node:…, ext:…)"),
} satisfies OptionSpecs;

/**
 * {@link FILTER_FLAGS} and `--all`: for the commands that hide noise by default (`growth`,
 * `compare`, `leaks`).
 *
 * @example
 * ```ts
 * const options = { limit: limitFlag("how many", 10), ...NOISE_FLAGS };
 * ```
 */
export const NOISE_FLAGS = {
  all: switchFlag("show what is hidden by default: heapgraph's own objects and its dependencies', the snapshot machinery, engine internals ((compiled code), (string), (number), ...)"),
  ...FILTER_FLAGS,
} satisfies OptionSpecs;

/**
 * The noise filter options of the graph queries, from the values of {@link NOISE_FLAGS} (or
 * {@link FILTER_FLAGS}: `all` then stays unset).
 *
 * @example
 * ```ts
 * growth(before, after, { limit, ...noiseOptions(args.values) });
 * ```
 */
export function noiseOptions(values: { readonly all?: boolean; readonly class?: readonly string[] | undefined; readonly type?: readonly string[] | undefined; readonly user?: boolean }): NoiseFilterOptions {
  return {
    ...(values.all ? { all: true } : {}),
    ...(values.class ? { classes: [...values.class] } : {}),
    ...(values.type ? { types: [...values.type] } : {}),
    ...(values.user ? { user: true } : {}),
  };
}

/**
 * The line a command's text ends with when it hid noise, newline-terminated, or "" when it hid
 * nothing: `(hid 14 classes, … of engine internals and heapgraph's own objects — --all to show)`.
 *
 * @example
 * ```ts
 * const text = tableToText(growthTable(rows)) + hiddenNote(rows.hidden);
 * ```
 */
export function hiddenNote(hidden: HiddenSummary): string {
  const line = hiddenLine(hidden, "--all");
  return line ? `${line}\n` : "";
}
