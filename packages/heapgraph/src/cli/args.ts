/**
 * Command-line parsing for `heapgraph` subcommands: `node:util` `parseArgs` reads the words,
 * then the command's option schemas (zod, through `parseOptions`) check the values, so that
 * every bad command line is a one-line `USAGE` error naming the option and the value.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { parseOptions } from "@heapgraph/snapshot";
import { z } from "zod";
import { CliError } from "./cli-error.ts";
import type { Command, CommandArgs, OptionSpecs } from "./command.ts";
import { switchFlag } from "./flags.ts";

/**
 * The options every subcommand has.
 *
 * @example
 * ```ts
 * Object.keys(COMMON_OPTIONS); // ["json", "debug", "help"]
 * ```
 */
export const COMMON_OPTIONS = {
  json: switchFlag("print JSON for machines (fields in the README)"),
  debug: switchFlag("show the stack trace of an error (and whether each file came from the index cache)"),
  help: switchFlag("show this help", "h"),
} satisfies OptionSpecs;

/**
 * The option of every command that analyses snapshot files (see {@link usesIndexCache}).
 *
 * @example
 * ```ts
 * Object.keys(CACHE_OPTIONS); // ["no-cache"]
 * ```
 */
export const CACHE_OPTIONS = {
  "no-cache": switchFlag("read and analyse the snapshot afresh: neither use nor write the index cache"),
} satisfies OptionSpecs;

/**
 * Whether `command` analyses snapshot files, and so takes `--no-cache`: its `indexCache`, else
 * whether it takes file arguments.
 *
 * @example
 * ```ts
 * usesIndexCache(summaryCommand); // true
 * ```
 */
export function usesIndexCache(command: Command<OptionSpecs>): boolean {
  return command.indexCache ?? command.positionals.length > 0;
}

/**
 * Every option of `command`: its own, `--no-cache` when it analyses files, and the common ones.
 *
 * @example
 * ```ts
 * Object.keys(commandOptions(summaryCommand)); // [..., "no-cache", "json", "debug", "help"]
 * ```
 */
export function commandOptions(command: Command<OptionSpecs>): OptionSpecs {
  return { ...command.options, ...(usesIndexCache(command) ? CACHE_OPTIONS : {}), ...COMMON_OPTIONS };
}

/**
 * Parses `argv` (what follows the subcommand's name) against `command`'s options, checks every
 * value with its schema, and checks the number of positionals. `--help` skips the checks.
 *
 * @throws {CliError} `USAGE`: an unknown option, a missing or extra argument, or a bad value
 * (`summary: --limit takes a positive whole number, got "-3" (see heapgraph summary --help)`).
 *
 * @example
 * ```ts
 * const args = parseCommandArgs(summaryCommand, ["app.heapsnapshot", "--limit", "5"]);
 * args.values.limit; // 5
 * ```
 */
export function parseCommandArgs<O extends OptionSpecs>(command: Command<O>, argv: readonly string[]): CommandArgs<O> {
  const specs: OptionSpecs = commandOptions(command as Command<OptionSpecs>);
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  let parsed: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: attachDashValues(argv, specs), options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw usage(command, parseProblem(error), error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { positionals, values: { ...values, help: true } } as unknown as CommandArgs<O>;
  const wanted = command.positionals;
  // Names in brackets (`[FILE2]`) are optional; they come after the required ones.
  const required = wanted.filter((name) => !name.startsWith("[")).length;
  if (positionals.length < required) throw usage(command, `missing ${wanted.slice(positionals.length, required).join(" ")}`);
  if (positionals.length > wanted.length) throw usage(command, `unexpected argument ${JSON.stringify(positionals[wanted.length])}`);
  return { positionals, values: parseFlags(command, specs, values) as CommandArgs<O>["values"] };
}

/** Checks the raw option values with their schemas: the one place the command line meets zod (through `parseOptions`). */
function parseFlags(command: Command<OptionSpecs>, specs: OptionSpecs, values: Readonly<Record<string, string | boolean | string[] | undefined>>): Record<string, unknown> {
  const schema = z.object(Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.schema])));
  return parseOptions(schema, values, command.name, (_message, cause) => {
    const issue = cause.issues[0];
    const name = String(issue.path[0]);
    const short = specs[name]?.short;
    return usage(command, `${short ? `-${short}/` : ""}--${name} takes ${issue.message}, got ${JSON.stringify(values[name])}`, cause);
  });
}

/**
 * A `USAGE` error for `command`, pointing at its `--help`.
 *
 * @example
 * ```ts
 * throw usage(chainCommand, "give --id ID or --type NAME");
 * ```
 */
export function usage(command: Command<OptionSpecs>, problem: string, cause?: unknown): CliError {
  return new CliError("USAGE", `${command.name}: ${problem} (see heapgraph ${command.name} --help)`, cause === undefined ? undefined : { cause });
}

/**
 * `--limit -3` as `--limit=-3`: a value option followed by a word that starts with a dash but
 * is no option of the command takes that word as its value, so that the schema can say what is
 * wrong with it (parseArgs would call it ambiguous).
 */
function attachDashValues(argv: readonly string[], specs: OptionSpecs): string[] {
  const valued = new Set<string>();
  const known = new Set<string>();
  for (const [name, spec] of Object.entries(specs)) {
    const flags = [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])];
    for (const flag of flags) {
      known.add(flag);
      if (spec.type === "string") valued.add(flag);
    }
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (valued.has(word) && next !== undefined && next.startsWith("-") && next !== "--" && !known.has(next.split("=")[0])) {
      out.push(word.startsWith("--") ? `${word}=${next}` : `${word}${next}`);
      i++;
    } else {
      out.push(word);
    }
  }
  return out;
}

/** parseArgs' error as a short phrase, whatever the runtime's wording. */
function parseProblem(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && quoted) return `unknown option ${quoted}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && quoted) {
    const flag = quoted.split(/[ ,]/)[0];
    return /does not take an argument/i.test(message) ? `${flag} takes no value` : `${flag} needs a value`;
  }
  return message.split(/\.\s|\n/)[0].replace(/\.$/, "");
}
