/**
 * What a `heapgraph` subcommand is: its command line (for parsing and for `--help`) and
 * what it does.
 *
 * @module
 */
import type { CliIo } from "./cli-io.ts";
import type { ProgressBar } from "./progress-bar.ts";

/**
 * One option of a subcommand, as `node:util` `parseArgs` takes it, plus its help.
 *
 * @example
 * ```ts
 * const limit: OptionSpec = { type: "string", value: "N", help: "how many types to list (default 10)" };
 * ```
 */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** The value's placeholder in the help, e.g. `N` or `FILE`. */
  readonly value?: string;
  readonly help: string;
}

/**
 * A parsed command line: positionals in order, options by name.
 *
 * @example
 * ```ts
 * const args: CommandArgs = { positionals: ["app.heapsnapshot"], values: { limit: "5", json: true } };
 * ```
 */
export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
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
}

/**
 * A subcommand of `heapgraph`. `run` returns on success (exit 0) and throws a `CliError`
 * otherwise.
 *
 * @example
 * ```ts
 * const hello: Command = {
 *   name: "hello", summary: "say hello", positionals: ["NAME"], options: {},
 *   examples: ["heapgraph hello world"],
 *   run: async (args, ctx) => ctx.io.out(`hello ${args.positionals[0]}\n`),
 * };
 * ```
 */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Names of the positional arguments, in order, e.g. `["BEFORE", "AFTER"]`. */
  readonly positionals: readonly string[];
  /** The options besides `--json`, `--debug` and `--help`, which every command has. */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** A short usage line after the command name when the options need explaining, e.g. `FILE (--id ID | --type NAME)`. */
  readonly usage?: string;
  /** More text for `--help`, paragraphs separated by blank lines. */
  readonly details?: string;
  /** Example command lines for `--help`. */
  readonly examples: readonly string[];
  run(args: CommandArgs, ctx: CommandContext): Promise<void>;
}
