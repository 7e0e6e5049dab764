/**
 * What a `heapgraph` subcommand is: its command line (for parsing and for `--help`) and
 * what it does.
 *
 * @module
 */
import type { z } from "zod";
import type { CacheSession } from "./cache-session.ts";
import type { CliIo } from "./cli-io.ts";
import type { ProgressBar } from "./progress-bar.ts";

/**
 * One option of a subcommand: how `node:util` `parseArgs` reads it, its help, and the zod
 * schema its raw value (a string, `true`, or undefined when absent) must pass, which also gives
 * the checked value `run` sees (a number for `--limit`, with its default). Made by the helpers
 * of `flags.ts`.
 *
 * @example
 * ```ts
 * const limit: OptionSpec<number> = countFlag("how many types to list", 10);
 * ```
 */
export interface OptionSpec<T = unknown> {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** The value's placeholder in the help, e.g. `N` or `FILE`. */
  readonly value?: string;
  /** The option may be given more than once (`--class A --class B`); its schema then reads an array of strings. */
  readonly multiple?: boolean;
  readonly help: string;
  /** Checks the raw value; its issues' messages say what the flag takes ("a positive whole number"). */
  readonly schema: z.ZodType<T, string | boolean | string[] | undefined>;
}

/**
 * The options of a subcommand, by name.
 *
 * @example
 * ```ts
 * const options = { limit: countFlag("how many", 10), json: switchFlag("print JSON") } satisfies OptionSpecs;
 * ```
 */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/**
 * The checked values of a command's options: for each option, what its schema gives.
 *
 * @example
 * ```ts
 * const values: FlagValues<{ limit: OptionSpec<number> }> = { limit: 10 };
 * ```
 */
export type FlagValues<O extends OptionSpecs> = { readonly [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never };

/**
 * A parsed and checked command line: positionals in order, option values by name (with their
 * defaults), and the options every command has.
 *
 * @example
 * ```ts
 * const args: CommandArgs<typeof summaryOptions> = { positionals: ["app.heapsnapshot"], values: { limit: 5, json: true, debug: false, help: false } };
 * ```
 */
export interface CommandArgs<O extends OptionSpecs = OptionSpecs> {
  readonly positionals: readonly string[];
  readonly values: FlagValues<O> & { readonly json: boolean; readonly debug: boolean; readonly help: boolean };
}

/**
 * What a running subcommand can use.
 *
 * @example
 * ```ts
 * ctx.progress.clear();
 * ctx.io.out(ctx.json ? JSON.stringify(result) : text);
 * ```
 */
export interface CommandContext {
  readonly io: CliIo;
  readonly progress: ProgressBar;
  /** `--json`: print machine-readable JSON instead of text. */
  readonly json: boolean;
  /** `--debug`: stack traces on errors. */
  readonly debug: boolean;
  /** The index cache of this run (absent: files are read and analysed afresh, nothing is written). */
  readonly cache?: CacheSession;
}

/**
 * A subcommand of `heapgraph`. `run` returns on success (exit 0) and throws a `CliError`
 * otherwise.
 *
 * @example
 * ```ts
 * const hello: Command<{}> = {
 *   name: "hello", summary: "say hello", positionals: ["NAME"], options: {},
 *   examples: ["heapgraph hello world"],
 *   run: async (args, ctx) => ctx.io.out(`hello ${args.positionals[0]}\n`),
 * };
 * ```
 */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Names of the positional arguments, in order, e.g. `["BEFORE", "AFTER"]`. */
  readonly positionals: readonly string[];
  /** The options besides `--json`, `--debug` and `--help`, which every command has. */
  readonly options: O;
  /** A short usage line after the command name when the options need explaining, e.g. `FILE (--id ID | --type NAME)`. */
  readonly usage?: string;
  /** More text for `--help`, paragraphs separated by blank lines. */
  readonly details?: string;
  /** Example command lines for `--help`. */
  readonly examples: readonly string[];
  /** Whether it analyses snapshot files through the index cache (and takes `--no-cache`); default: when it has positionals. */
  readonly indexCache?: boolean;
  run(args: CommandArgs<O>, ctx: CommandContext): Promise<void>;
}

/**
 * A subcommand, with its option values typed from its option specs.
 *
 * @example
 * ```ts
 * export const helloCommand = defineCommand({
 *   name: "hello", summary: "say hello", positionals: ["NAME"], options: { times: countFlag("how often", 1) },
 *   examples: ["heapgraph hello world --times 2"],
 *   run: async (args, ctx) => ctx.io.out(`hello ${args.positionals[0]}\n`.repeat(args.values.times)),
 * });
 * ```
 */
export function defineCommand<O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}
