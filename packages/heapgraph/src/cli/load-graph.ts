/**
 * Input files of the command: read a snapshot (with the progress bar), index it, and turn
 * every way a file can be wrong into one line naming the file, with exit code 2.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { buildGraph, GraphError, type HeapGraph } from "@heapgraph/graph";
import { readSnapshot, SnapshotFormatError, SnapshotIoError, type HeapSnapshot } from "@heapgraph/snapshot";
import { phaseWorkers } from "../parallel/phase-workers.ts";
import { parseWorkersFor } from "../parallel/parse-workers.ts";
import { CliError } from "./cli-error.ts";
import type { CommandContext } from "./command.ts";
import { openGraph } from "../files/load-graph.ts";
import { cacheFraction, ONLY_FILE, phaseFraction, readingFraction, type ProgressPart } from "./progress-plan.ts";

/** What each format problem is, in words. */
const FORMAT_PROBLEMS: Record<string, string> = {
  TRUNCATED: "the file ends before the snapshot does (cut short?)",
  NOT_A_HEAP_SNAPSHOT: "not a heap snapshot",
  UNSUPPORTED_META: "a heap snapshot whose header this version cannot read",
  COUNT_MISMATCH: "a damaged or truncated heap snapshot (its counts do not match its size)",
  BAD_EDGE_TARGET: "a damaged heap snapshot (an edge points at no node)",
  BAD_LOCATION: "a damaged heap snapshot (a bad location record)",
  BAD_STRING_INDEX: "a damaged heap snapshot (a name points past the string table)",
  BAD_NUMBER: "a damaged heap snapshot (a bad number)",
  BAD_JSON: "not valid JSON",
  BAD_GZIP: "broken gzip data",
  TOO_LARGE: "too large for this JavaScript runtime",
};

/**
 * Reads the heap snapshot at `path` (plain or gzip, V8 or JavaScriptCore format), drawing the
 * progress bar (`part`: which part of the command this file is). Fails with a `BAD_INPUT`
 * `CliError` naming the file: missing, a directory, unreadable, truncated, not JSON, not a snapshot.
 *
 * @example
 * ```ts
 * const snapshot = await loadSnapshot("app.heapsnapshot.gz", ctx);
 * ```
 */
export async function loadSnapshot(path: string, ctx: CommandContext, part: ProgressPart = ONLY_FILE): Promise<HeapSnapshot> {
  // Started first: the worker loads while the file is opened and its header read.
  const parallel = parseWorkersFor(path);
  await checkFile(path);
  const file = basename(path);
  ctx.progress.update("reading", readingFraction(part, 0), { file });
  try {
    return await readSnapshot(path, {
      onProgress: ({ bytesRead, totalBytes }) => ctx.progress.update("reading", totalBytes ? readingFraction(part, bytesRead / totalBytes) : null, { file }),
      // What the reader skipped (as DevTools does) is said on stderr, never silently.
      onWarning: (warning) => ctx.io.err(`heapgraph: warning: ${path}: ${warning.message}\n`),
      sharedMemory: phaseWorkers()?.prepare(path) ?? false,
      parallel,
    });
  } catch (error) {
    throw inputError(path, error);
  }
}

/**
 * Reads and indexes the snapshot at `path` — through the index cache when the run has one
 * (`ctx.cache`: not with `--no-cache`), so that a file analysed before opens without parsing or
 * analysis. The engine's later work (dominators, retained
 * sizes...) reports to the progress bar too, labelled with the file name. `part`: the file's
 * part of the command (`{ index: 1, count: 2 }` for compare's AFTER), so that the bar goes
 * from 0% to 100% once over all files.
 *
 * @example
 * ```ts
 * const graph = await loadGraph("app.heapsnapshot", ctx);
 * console.log(graph.nodeCount);
 * ```
 */
export async function loadGraph(path: string, ctx: CommandContext, part: ProgressPart = ONLY_FILE): Promise<HeapGraph> {
  if (!ctx.cache) {
    const snapshot = await loadSnapshot(path, ctx, part);
    return graphOf(snapshot, basename(path), ctx, path, part);
  }
  await checkFile(path);
  const file = basename(path);
  ctx.progress.update("reading", readingFraction(part, 0), { file });
  try {
    const opened = await openGraph(path, {
      rebuild: ctx.cache.rebuild,
      // A miss reads and indexes as without the cache (workers included).
      read: async () => graphOf(await loadSnapshot(path, ctx, part), file, ctx, path, part),
      onProgress: ({ phase, done, total }) => {
        if (phase === "reading cache" || phase === "writing cache") ctx.progress.update(phase, cacheFraction(part, total ? done / total : 0), { file });
        else if (phase !== "reading") ctx.progress.update(phase, phaseFraction(part, phase, done, total), { file });
      },
      onWarning: (message) => ctx.io.err(`heapgraph: warning: ${path}: ${message}\n`),
    });
    ctx.cache.add(opened, path);
    return opened.graph;
  } catch (error) {
    throw inputError(path, error);
  }
}

/**
 * Indexes a snapshot already in memory (a capture), with progress labelled `label` (a file
 * name, or what the snapshot is), as `part` of the command.
 *
 * @example
 * ```ts
 * const graph = graphOf(await session.capture(), "baseline", ctx);
 * ```
 */
export function graphOf(snapshot: HeapSnapshot, label: string, ctx: CommandContext, path: string = label, part: ProgressPart = ONLY_FILE): HeapGraph {
  try {
    return buildGraph(snapshot, {
      parallel: phaseWorkers(),
      onProgress: ({ phase, done, total }) => ctx.progress.update(phase, phaseFraction(part, phase, done, total), { file: label }),
    });
  } catch (error) {
    throw inputError(path, error);
  }
}

/**
 * The one-line `BAD_INPUT` error for a problem with input file `path`; other errors pass through.
 *
 * @example
 * ```ts
 * try { await readSnapshot(path); } catch (e) { throw inputError(path, e); }
 * ```
 */
export function inputError(path: string, error: unknown): unknown {
  if (error instanceof CliError) return error;
  if (error instanceof SnapshotFormatError) {
    const detail = error.message.startsWith(`${error.fileName}: `) ? error.message.slice(`${error.fileName}: `.length) : error.message;
    return new CliError("BAD_INPUT", `${path}: ${FORMAT_PROBLEMS[error.code] ?? "not a readable heap snapshot"} [${detail}]`, { cause: error });
  }
  if (error instanceof SnapshotIoError) {
    const why = error.code === "NOT_FOUND" ? "no such file" : fileProblem(error.cause) ?? "cannot read the file";
    return new CliError("BAD_INPUT", `${path}: ${why}`, { cause: error });
  }
  if (error instanceof GraphError && error.code === "INVALID_SNAPSHOT") {
    return new CliError("BAD_INPUT", `${path}: a damaged heap snapshot [${error.message}]`, { cause: error });
  }
  return error;
}

/** Fails early, and in plain words, for a path that is missing or not a file. */
async function checkFile(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    throw new CliError("BAD_INPUT", `${path}: ${code === "ENOENT" || code === "ENOTDIR" ? "no such file" : fileProblem(error) ?? "cannot read the file"}`, { cause: error });
  }
  if (info.isDirectory()) throw new CliError("BAD_INPUT", `${path}: is a directory, not a heap snapshot file`);
  if (!info.isFile()) throw new CliError("BAD_INPUT", `${path}: not a regular file`);
}

function fileProblem(error: unknown): string | null {
  const code = (error as { code?: unknown })?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory, not a heap snapshot file";
  return error instanceof Error ? `cannot read the file (${error.message})` : null;
}
