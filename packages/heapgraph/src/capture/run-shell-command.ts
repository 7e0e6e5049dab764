/**
 * Runs a user's command line through the system shell, as the action between two snapshots of a
 * capture series (`--run "CMD"`).
 *
 * @module
 */
import { spawn } from "node:child_process";
import { HeapgraphError } from "@heapgraph/snapshot";

/** How much of the command's output is kept for the error message (its end). */
const TAIL_CHARS = 2_000;

/**
 * What {@link runShellCommand} resolves to: the command's output (stdout and stderr interleaved,
 * its last 2,000 characters).
 *
 * @example
 * ```ts
 * const { output } = await runShellCommand("curl -s http://127.0.0.1:3000/orders");
 * ```
 */
export interface ShellCommandResult {
  readonly output: string;
}

/**
 * A command that could not run or exited non-zero: `code` `COMMAND_FAILED`; the message names the
 * command, its exit code or signal, and the last lines of its output.
 *
 * @example
 * ```ts
 * try { await runShellCommand("false"); } catch (e) { if (e instanceof ShellCommandError) console.log(e.exitCode); }
 * ```
 */
export class ShellCommandError extends HeapgraphError<"COMMAND_FAILED"> {
  /** The exit code, or null when a signal ended it or it did not start. */
  readonly exitCode: number | null;

  constructor(message: string, exitCode: number | null, options?: { cause?: unknown }) {
    super("COMMAND_FAILED", message, options);
    this.exitCode = exitCode;
  }
}

/**
 * Runs `command` with the system shell (`/bin/sh -c`, `cmd.exe /d /s /c` on Windows), stdin
 * closed, its output collected (not shown); resolves when it exits with 0, rejects with a
 * {@link ShellCommandError} otherwise.
 *
 * @example
 * ```ts
 * await runShellCommand("for i in 1 2 3; do curl -s http://127.0.0.1:3000/orders >/dev/null; done");
 * ```
 */
export function runShellCommand(command: string): Promise<ShellCommandResult> {
  return new Promise((resolve, reject) => {
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-TAIL_CHARS);
    };
    const child = spawn(command, { shell: true, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", (error) => reject(new ShellCommandError(`${JSON.stringify(command)} could not start: ${error.message}`, null, { cause: error })));
    child.once("close", (code, signal) => {
      if (code === 0) return resolve({ output });
      const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`;
      const tail = output.trim().split("\n").slice(-3).join(" | ");
      reject(new ShellCommandError(`${JSON.stringify(command)} ${how}${tail ? ` (${tail.slice(-300)})` : ""}`, code));
    });
  });
}
