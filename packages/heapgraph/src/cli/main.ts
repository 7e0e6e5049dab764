/**
 * `heapgraph`'s entry point: picks the subcommand, parses its arguments, runs it, and turns
 * every failure into one line on stderr and an exit code (0 success, 1 no answer, 2 bad usage
 * or bad input). `--debug` adds the stack trace.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { QueryError } from "@heapgraph/graph";
import { RenderError } from "@heapgraph/render";
import { CaptureError, SnapshotFormatError, SnapshotIoError } from "@heapgraph/snapshot";
import { parseCommandArgs, usesIndexCache } from "./args.ts";
import { isCacheFailure } from "../files/load-graph.ts";
import { CacheSession } from "./cache-session.ts";
import { CliError } from "./cli-error.ts";
import { processIo, type CliIo } from "./cli-io.ts";
import { COMMAND_LOADERS, loadCommand, loadCommands } from "./commands.ts";
import { graphTooLarge } from "./graph-files.ts";
import { commandHelp, mainHelp } from "./help.ts";
import { ProgressBar } from "./progress-bar.ts";

/**
 * Runs `heapgraph` with `argv` (the arguments after the program name) and resolves with the
 * exit code; never rejects. Results go to `io.out`, errors and the progress bar to `io.err`.
 *
 * @example
 * ```ts
 * import process from "node:process";
 * process.exitCode = await main(process.argv.slice(2));
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = argv.includes("--debug");
  const progress = new ProgressBar(io);
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.err(mainHelp(await loadCommands(), version()));
      return 2;
    }
    if (name === "--help" || name === "-h") {
      io.out(mainHelp(await loadCommands(), version()));
      return 0;
    }
    if (name === "--version" || name === "-v") {
      io.out(`${version()}\n`);
      return 0;
    }
    if (name === "help") {
      const command = rest[0] === undefined ? undefined : await findCommand(rest[0]);
      io.out(command ? commandHelp(command) : mainHelp(await loadCommands(), version()));
      return 0;
    }
    const command = await findCommand(name);
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    const cached = usesIndexCache(command) && (args.values as Record<string, unknown>)["no-cache"] !== true;
    let cache = cached ? new CacheSession(io, debug) : undefined;
    let printed = false;
    const watched: CliIo = { ...io, out: (text) => ((printed = true), io.out(text)) };
    const run = () => command.run(args, { io: watched, progress, json: args.values.json === true, debug, ...(cache ? { cache } : {}) });
    try {
      await run();
    } catch (error) {
      // A cache section found damaged when first read (after the cache's header was checked): the
      // cache goes, and the command answers again from the snapshot, unless it had begun to answer.
      if (!cache?.servedFromCache() || !isCacheFailure(error)) throw error;
      const removed = await cache.discard();
      if (printed) throw new CliError("BAD_INPUT", `the index cache ${removed.join(", ")} turned out damaged after part of the answer was printed; it was removed: run the command again (${oneLine((error as Error).message)})`, { cause: error });
      io.err(`heapgraph: warning: the index cache ${removed.join(", ")} turned out damaged; rebuilding it (${oneLine((error as Error).message)})\n`);
      cache = new CacheSession(io, debug, { rebuild: true });
      await run();
    }
    await cache?.flush();
    progress.clear();
    return 0;
  } catch (error) {
    progress.clear();
    const failure = asCliError(error);
    io.err(`heapgraph: ${oneLine(failure.message)}\n`);
    if (debug) io.err(`${stackOf(error)}\n`);
    return failure.exitCode;
  }
}

async function findCommand(name: string) {
  const command = await loadCommand(name);
  if (!command) {
    throw new CliError("USAGE", `unknown command ${JSON.stringify(name)}; the commands are ${COMMAND_LOADERS.map((c) => c.name).join(", ")} (see heapgraph --help)`);
  }
  return command;
}

/** The library's errors that reach here, as the command's. */
function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof QueryError) {
    if (error.code === "NOT_FOUND") return new CliError("NOT_FOUND", message, { cause: error });
    if (error.code === "IDS_NOT_STABLE") return new CliError("UNANSWERABLE", message, { cause: error });
    if (error.code === "AMBIGUOUS_NAME" || error.code === "INVALID_OPTIONS") return new CliError("USAGE", message, { cause: error });
  }
  if (error instanceof RenderError && error.code === "GRAPH_TOO_LARGE") return graphTooLarge(error, "a retaining chain", "leave out the drawing (--svg) and read the chain printed as text") as CliError;
  if (error instanceof CaptureError) return new CliError("CAPTURE_FAILED", message, { cause: error });
  if (error instanceof SnapshotFormatError || error instanceof SnapshotIoError) return new CliError("BAD_INPUT", message, { cause: error });
  return new CliError("INTERNAL", `internal error: ${message} (run again with --debug for the stack trace, and please report it)`, { cause: error });
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

/** The stack of `error` and of each `cause` under it. */
function stackOf(error: unknown): string {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    lines.push(lines.length === 0 ? "" : "Caused by:", e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e));
  }
  return lines.filter((l, i) => i > 0 || l !== "").join("\n");
}

let cachedVersion: string | undefined;

/** The package's version, from its package.json (beside `src/` and `dist/`). */
function version(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = String(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version);
    } catch {
      cachedVersion = "unknown";
    }
  }
  return cachedVersion;
}
