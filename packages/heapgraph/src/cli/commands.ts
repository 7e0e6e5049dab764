/**
 * The subcommands of `heapgraph`, in the order `heapgraph --help` lists them. Each command's
 * module is loaded when the command runs (or help lists them all), so that a run loads the code
 * of its own command only: in the bundled `dist/cli.js` each command is a chunk of its own.
 *
 * @module
 */
import type { Command } from "./command.ts";

/**
 * Every subcommand's name, with the loader of the module that defines it.
 *
 * @example
 * ```ts
 * const summary = await COMMAND_LOADERS.find((c) => c.name === "summary")!.load();
 * ```
 */
export const COMMAND_LOADERS: readonly { readonly name: string; readonly load: () => Promise<Command> }[] = [
  { name: "demo", load: async () => (await import("./commands/demo.ts")).demoCommand },
  { name: "summary", load: async () => (await import("./commands/summary.ts")).summaryCommand },
  { name: "growth", load: async () => (await import("./commands/growth.ts")).growthCommand },
  { name: "compare", load: async () => (await import("./commands/compare.ts")).compareCommand },
  { name: "leaks", load: async () => (await import("./commands/leaks.ts")).leaksCommand },
  { name: "run", load: async () => (await import("./commands/run.ts")).runCommand },
  { name: "chain", load: async () => (await import("./commands/chain.ts")).chainCommand },
  { name: "refs", load: async () => (await import("./commands/refs.ts")).refsCommand },
  { name: "backrefs", load: async () => (await import("./commands/backrefs.ts")).backrefsCommand },
  { name: "dominators", load: async () => (await import("./commands/dominators.ts")).dominatorsCommand },
  { name: "detached", load: async () => (await import("./commands/detached.ts")).detachedCommand },
  { name: "strings", load: async () => (await import("./commands/strings.ts")).stringsCommand },
  { name: "capture", load: async () => (await import("./commands/capture.ts")).captureCommand },
  { name: "convert", load: async () => (await import("./commands/convert.ts")).convertCommand },
  { name: "cache", load: async () => (await import("./commands/cache.ts")).cacheCommand },
  { name: "mcp", load: async () => (await import("./commands/mcp.ts")).mcpCommand },
  { name: "explore", load: async () => (await import("./commands/explore.ts")).exploreCommand },
  { name: "watch", load: async () => (await import("./commands/watch.ts")).watchCommand },
];

/**
 * Every subcommand, loaded (for help, which lists them all).
 *
 * @example
 * ```ts
 * io.out(mainHelp(await loadCommands(), "0.1.0"));
 * ```
 */
export async function loadCommands(): Promise<readonly Command[]> {
  return Promise.all(COMMAND_LOADERS.map((c) => c.load()));
}

/**
 * The subcommand named `name`, loaded, or undefined when there is none.
 *
 * @example
 * ```ts
 * const command = await loadCommand("summary");
 * ```
 */
export async function loadCommand(name: string): Promise<Command | undefined> {
  return COMMAND_LOADERS.find((c) => c.name === name)?.load();
}
