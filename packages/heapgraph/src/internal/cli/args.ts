/**
 * Command-line parsing for `heapgraph` subcommands with `node:util` `parseArgs`, and the
 * checks of option values (counts, heap ids), each failing with a one-line `USAGE` error.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { CliError } from "./cli-error.ts";
import type { Command, CommandArgs, OptionSpec } from "./command.ts";

/**
 * The options every subcommand has.
 *
 * @example
 * ```ts
 * Object.keys(COMMON_OPTIONS); // ["json", "debug", "help"]
 * ```
 */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: "boolean", help: "print JSON for machines (fields in the README)" },
  debug: { type: "boolean", help: "show the stack trace of an error" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

/**
 * Parses `argv` (what follows the subcommand's name) against `command`'s options and checks the
 * number of positionals. `--help` skips the positional check.
 *
 * @example
 * ```ts
 * const args = parseCommandArgs(summaryCommand, ["app.heapsnapshot", "--limit", "5"]);
 * args.values.limit; // "5"
 * ```
 */
export function parseCommandArgs(command: Command, argv: readonly string[]): CommandArgs {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, spec] of Object.entries({ ...command.options, ...COMMON_OPTIONS })) {
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw usage(command, parseProblem(error), error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { positionals, values };
  const wanted = command.positionals;
  if (positionals.length < wanted.length) {
    const missing = wanted.slice(positionals.length).join(" ");
    throw usage(command, `missing ${missing}`);
  }
  if (positionals.length > wanted.length) {
    throw usage(command, `unexpected argument ${JSON.stringify(positionals[wanted.length])}`);
  }
  return { positionals, values };
}

/**
 * A `USAGE` error for `command`, pointing at its `--help`.
 *
 * @example
 * ```ts
 * throw usage(chainCommand, "give --id ID or --type NAME");
 * ```
 */
export function usage(command: Command, problem: string, cause?: unknown): CliError {
  return new CliError("USAGE", `${command.name}: ${problem} (see heapgraph ${command.name} --help)`, cause === undefined ? undefined : { cause });
}

/**
 * The value of a counting option (`--limit`, `--depth`...): a whole number >= `min`, or `fallback` when absent.
 *
 * @example
 * ```ts
 * const limit = countOption(summaryCommand, args, "limit", 10);
 * ```
 */
export function countOption(command: Command, args: CommandArgs, name: string, fallback: number, min = 1): number {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  const text = String(raw).trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw usage(command, `--${name} must be a whole number of at least ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * The value of a string option, or undefined when absent (an empty value is a usage error).
 *
 * @example
 * ```ts
 * const out = stringOption(captureCommand, args, "output");
 * ```
 */
export function stringOption(command: Command, args: CommandArgs, name: string): string | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || raw === "") throw usage(command, `--${name} needs a value`);
  return raw;
}

/**
 * A heap object id as DevTools shows it: `12345` or `@12345`.
 *
 * @example
 * ```ts
 * heapId(chainCommand, "@12345"); // 12345
 * ```
 */
export function heapId(command: Command, raw: string): number {
  const text = raw.trim().replace(/^@/, "");
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value)) throw usage(command, `--id must be a heap object id such as 12345 or @12345, got ${JSON.stringify(raw)}`);
  return value;
}

/**
 * One of a fixed set of words (`--to root|global|module`), or `fallback` when absent.
 *
 * @example
 * ```ts
 * const to = choiceOption(chainCommand, args, "to", ["root", "global", "module"], "root");
 * ```
 */
export function choiceOption<T extends string>(command: Command, args: CommandArgs, name: string, choices: readonly T[], fallback: T): T {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  if (!choices.includes(raw as T)) throw usage(command, `--${name} must be one of ${choices.join(", ")}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

/** parseArgs' error as a short phrase, whatever the runtime's wording. */
function parseProblem(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && quoted) return `unknown option ${quoted}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && quoted) {
    return /argument missing/i.test(message) ? `${quoted.split(/[ ,]/)[0]} needs a value` : `${quoted} takes no value`;
  }
  return message.split(/\.\s|\n/)[0].replace(/\.$/, "");
}
