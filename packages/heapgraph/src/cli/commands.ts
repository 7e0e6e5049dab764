/**
 * The subcommands of `heapgraph`, in the order `heapgraph --help` lists them.
 *
 * @module
 */
import type { Command } from "./command.ts";
import { backrefsCommand } from "./commands/backrefs.ts";
import { cacheCommand } from "./commands/cache.ts";
import { captureCommand } from "./commands/capture.ts";
import { chainCommand } from "./commands/chain.ts";
import { compareCommand } from "./commands/compare.ts";
import { convertCommand } from "./commands/convert.ts";
import { demoCommand } from "./commands/demo.ts";
import { detachedCommand } from "./commands/detached.ts";
import { dominatorsCommand } from "./commands/dominators.ts";
import { exploreCommand } from "./commands/explore.ts";
import { growthCommand } from "./commands/growth.ts";
import { leaksCommand } from "./commands/leaks.ts";
import { mcpCommand } from "./commands/mcp.ts";
import { refsCommand } from "./commands/refs.ts";
import { runCommand } from "./commands/run.ts";
import { stringsCommand } from "./commands/strings.ts";
import { summaryCommand } from "./commands/summary.ts";
import { watchCommand } from "./commands/watch.ts";

/**
 * Every subcommand.
 *
 * @example
 * ```ts
 * const command = COMMANDS.find((c) => c.name === "summary");
 * ```
 */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  summaryCommand,
  growthCommand,
  compareCommand,
  leaksCommand,
  runCommand,
  chainCommand,
  refsCommand,
  backrefsCommand,
  dominatorsCommand,
  detachedCommand,
  stringsCommand,
  captureCommand,
  convertCommand,
  cacheCommand,
  mcpCommand,
  exploreCommand,
  watchCommand,
];
