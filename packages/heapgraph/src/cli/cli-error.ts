/**
 * The one error class of the `heapgraph` command: what went wrong, as a stable `code`,
 * and the exit code it ends the command with.
 *
 * @module
 */
import { HeapgraphError } from "@heapgraph/snapshot";

/**
 * What went wrong, and the exit code each gives:
 * - `USAGE` (2): the command line is wrong (unknown command or option, a missing or extra argument, a bad number).
 * - `BAD_INPUT` (2): an input file is missing, unreadable, or not a heap snapshot.
 * - `CANNOT_WRITE` (2): an output file cannot be written (no such directory, no permission).
 * - `NOT_FOUND` (1): the inputs are fine but what was asked for is not in them (no node with that id, no object of that class, no chain).
 * - `UNANSWERABLE` (1): the snapshots cannot answer the question (ids not stable across Bun snapshots, a graph too large to draw).
 * - `CAPTURE_FAILED` (1): the inspector target refused, timed out, or went away.
 * - `DEMO_FAILED` (1): the demo's service did not start or answer.
 * - `ACTION_FAILED` (2): the action between snapshots (`capture --run`, `leaks --run`, `--request`) failed.
 * - `LEAKS_FOUND` (1): `heapgraph run` found leaks (its report is printed first), so CI can gate on it.
 * - `RUN_FAILED` (2): `heapgraph run` could not run its scenario (bad scenario, process or browser failed, capture failed).
 * - `INTERNAL` (1): a bug in heapgraph; `--debug` shows the stack.
 *
 * @example
 * ```ts
 * const code: CliErrorCode = "NOT_FOUND";
 * ```
 */
export type CliErrorCode =
  | "USAGE"
  | "BAD_INPUT"
  | "CANNOT_WRITE"
  | "NOT_FOUND"
  | "UNANSWERABLE"
  | "CAPTURE_FAILED"
  | "DEMO_FAILED"
  | "ACTION_FAILED"
  | "LEAKS_FOUND"
  | "RUN_FAILED"
  | "INTERNAL";

const EXIT_CODES: Record<CliErrorCode, 1 | 2> = {
  USAGE: 2,
  BAD_INPUT: 2,
  CANNOT_WRITE: 2,
  NOT_FOUND: 1,
  UNANSWERABLE: 1,
  CAPTURE_FAILED: 1,
  DEMO_FAILED: 1,
  ACTION_FAILED: 2,
  LEAKS_FOUND: 1,
  RUN_FAILED: 2,
  INTERNAL: 1,
};

/**
 * A failure of a `heapgraph` command. The message is the one line the user sees (after
 * `heapgraph: `), naming the file or value at fault; `cause` keeps the library's error. A
 * `HeapgraphError`, as every error of heapgraph's packages.
 *
 * @example
 * ```ts
 * throw new CliError("NOT_FOUND", `app.heapsnapshot: no node has id @${id}`);
 * ```
 */
export class CliError extends HeapgraphError<CliErrorCode> {
  /** 2 for bad usage or bad input, 1 when a valid request has no answer. */
  readonly exitCode: 1 | 2;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.exitCode = EXIT_CODES[code];
  }
}
