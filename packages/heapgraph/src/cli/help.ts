/**
 * The `--help` texts of `heapgraph` and its subcommands, made from the command specs so that
 * they cannot drift from what the parser accepts.
 *
 * @module
 */
import { commandOptions } from "./args.ts";
import type { Command, OptionSpec } from "./command.ts";

/**
 * The help of one subcommand: what it does, its usage line, its options, and examples.
 *
 * @example
 * ```ts
 * io.out(commandHelp(summaryCommand));
 * ```
 */
export function commandHelp(command: Command): string {
  const lines = [`heapgraph ${command.name}: ${command.summary}`, "", `Usage: ${usageLine(command)}`];
  if (command.details) lines.push("", ...command.details.trim().split("\n"));
  lines.push("", "Options:");
  const entries = Object.entries(commandOptions(command));
  const heads = entries.map(([name, spec]) => optionHead(name, spec));
  const width = Math.max(...heads.map((h) => h.length));
  entries.forEach(([, spec], i) => lines.push(`  ${heads[i].padEnd(width)}  ${spec.help}`));
  lines.push("", command.examples.length > 1 ? "Examples:" : "Example:");
  for (const example of command.examples) lines.push(`  ${example}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The help of `heapgraph` itself: the subcommands, one line each.
 *
 * @example
 * ```ts
 * io.out(mainHelp(await loadCommands(), "0.1.0"));
 * ```
 */
export function mainHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `heapgraph ${version}: objgraph for JavaScript heap snapshots (V8: Node, Deno, Chrome; Bun)`,
    "",
    "Usage: heapgraph COMMAND [ARGS] [--json] [--debug]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `heapgraph COMMAND --help` for a command's options and an example.",
    "Exit codes: 0 success, 1 no answer (e.g. no such id), 2 bad usage or bad input.",
    "Snapshots of 40 MB or more are analysed on two threads where there are two cores or more;",
    "HEAPGRAPH_THREADS=1 keeps one thread, HEAPGRAPH_THREADS=2 forces two.",
    "",
    "Start here: heapgraph demo",
    "",
  ].join("\n");
}

/**
 * The usage line of a subcommand, e.g. `heapgraph growth BEFORE AFTER [options]`.
 *
 * @example
 * ```ts
 * usageLine(summaryCommand); // "heapgraph summary FILE [options]"
 * ```
 */
export function usageLine(command: Command): string {
  const args = command.usage ?? command.positionals.join(" ");
  return `heapgraph ${command.name}${args ? ` ${args}` : ""} [options]`;
}

function optionHead(name: string, spec: OptionSpec): string {
  const flag = spec.short ? `-${spec.short}, --${name}` : `--${name}`;
  return spec.type === "string" ? `${flag} ${spec.value ?? "VALUE"}` : flag;
}
