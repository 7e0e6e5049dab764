/**
 * Results on stdout (text or `--json`) and output files, written atomically; a file that
 * cannot be written is a one-line `CANNOT_WRITE` error naming it.
 *
 * @module
 */
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { writeFileAtomically } from "../files/write-file-atomically.ts";
import { CliError } from "./cli-error.ts";
import type { CommandContext } from "./command.ts";

/**
 * Prints a result: `value` as JSON with `--json`, else the text `text()` makes. The progress
 * bar is cleared first.
 *
 * @example
 * ```ts
 * printResult(ctx, { nodeCount, edgeCount }, () => `${nodeCount} nodes\n`);
 * ```
 */
export function printResult(ctx: CommandContext, value: unknown, text: () => string): void {
  ctx.progress.clear();
  ctx.io.out(ctx.json ? `${JSON.stringify(value, null, 2)}\n` : text());
}

/**
 * Writes an output file atomically (it appears only when complete, never partial).
 *
 * @example
 * ```ts
 * await writeOutputFile("graph.svg", svg);
 * ```
 */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomically(path, data);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/**
 * The `CANNOT_WRITE` error for `path`, with the file system's reason in words.
 *
 * @example
 * ```ts
 * throw cannotWrite("out/report.html", error);
 * ```
 */
export function cannotWrite(path: string, error: unknown): CliError {
  const code = (error as { code?: unknown })?.code;
  const why =
    code === "ENOENT" ? "no such directory" :
    code === "EACCES" || code === "EPERM" ? "permission denied" :
    code === "EISDIR" ? "it is a directory" :
    code === "ENOTDIR" ? "a part of the path is not a directory" :
    code === "ENOSPC" ? "no space left on the device" :
    error instanceof Error ? error.message : String(error);
  return new CliError("CANNOT_WRITE", `cannot write ${path}: ${why}`, { cause: error });
}

/**
 * Fails with `CANNOT_WRITE` when the directory of an output file does not exist, so that a
 * command stops before doing its work (reading snapshots, starting processes).
 *
 * @example
 * ```ts
 * await checkOutputDirectory("out/report.html");
 * ```
 */
export async function checkOutputDirectory(...paths: readonly (string | undefined)[]): Promise<void> {
  for (const path of paths) {
    if (path === undefined) continue;
    try {
      const info = await stat(dirname(path));
      if (!info.isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    } catch (error) {
      throw cannotWrite(path, error);
    }
  }
}
