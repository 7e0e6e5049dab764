/**
 * Where the `heapgraph` command writes: stdout for results, stderr for errors and the
 * progress bar. Tests and embedders may pass their own.
 *
 * @module
 */
import process from "node:process";

/**
 * The command's two output streams and what it needs to know about the terminal.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const io: CliIo = { out: (t) => lines.push(t), err: (t) => lines.push(t), stderrIsTTY: false, columns: 80 };
 * await main(["summary", "app.heapsnapshot"], io);
 * ```
 */
export interface CliIo {
  /** Writes to standard output (results). */
  out(text: string): void;
  /** Writes to standard error (errors, progress). */
  err(text: string): void;
  /** Whether standard error is a terminal: the progress bar is drawn only then. */
  readonly stderrIsTTY: boolean;
  /** Width of the terminal, for the progress bar (80 when unknown). */
  readonly columns: number;
}

/**
 * The process's own stdout and stderr.
 *
 * @example
 * ```ts
 * const io = processIo();
 * io.out("hello\n");
 * ```
 */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns || 80,
  };
}
