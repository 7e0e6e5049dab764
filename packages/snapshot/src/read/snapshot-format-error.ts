/**
 * The error of reading heap snapshot bytes: everything that is wrong with the data
 * itself, as opposed to the file system (`SnapshotIoError`) or the caller's
 * arguments (`SnapshotOptionsError`).
 *
 * @module
 */
import { HeapgraphError } from "../errors/heapgraph-error.ts";

/**
 * What is wrong with the data:
 * - `TRUNCATED`: the input ended before the snapshot did.
 * - `NOT_A_HEAP_SNAPSHOT`: valid or invalid JSON, but not a V8 or JavaScriptCore heap snapshot
 *   (wrong first key, a required section missing, a section of the wrong kind).
 * - `UNSUPPORTED_META`: the header does not say how to read the columns (fields missing,
 *   type lists missing, counts that are not counts).
 * - `COUNT_MISMATCH`: the sections disagree with the header's counts, or the counts cannot fit
 *   in the input.
 * - `BAD_EDGE_TARGET`: an edge points at no node.
 * - `BAD_LOCATION`: the `locations` section is damaged: a record cut short, a script id, line or
 *   column out of range. (A record that points at no node is skipped with a `LOCATION_WITHOUT_NODE`
 *   warning instead, as DevTools loads such files.)
 * - `BAD_STRING_INDEX`: a name points past the string table.
 * - `BAD_NUMBER`: a value that is not a non-negative integer, or too big for its column.
 * - `BAD_JSON`: a syntax error: unexpected character, bad escape, data after the end.
 * - `BAD_GZIP`: the input starts like gzip but does not decompress.
 * - `TOO_LARGE`: a string or section beyond what a JavaScript runtime can hold.
 *
 * @example
 * ```ts
 * if (error instanceof SnapshotFormatError && error.code === "TRUNCATED") console.log("the file is incomplete");
 * ```
 */
export type SnapshotFormatErrorCode =
  | "TRUNCATED"
  | "NOT_A_HEAP_SNAPSHOT"
  | "UNSUPPORTED_META"
  | "COUNT_MISMATCH"
  | "BAD_EDGE_TARGET"
  | "BAD_LOCATION"
  | "BAD_STRING_INDEX"
  | "BAD_NUMBER"
  | "BAD_JSON"
  | "BAD_GZIP"
  | "TOO_LARGE";

/**
 * Where and what, for {@link SnapshotFormatError}.
 *
 * @example
 * ```ts
 * new SnapshotFormatError("BAD_NUMBER", "not a number", { section: "edges", offset: 1234, expected: '"," or "]"', found: '"x"' });
 * ```
 */
export interface SnapshotFormatErrorDetails {
  /** The top-level section being read (`"nodes"`, `"strings"`, ...), or null outside any. */
  section?: string | null;
  /** Byte offset in the (decompressed) snapshot text, or null when the problem has no one place. */
  offset?: number | null;
  /** What the reader expected there. */
  expected?: string;
  /** What it found instead. */
  found?: string;
  /** The file being read, when the source is a file. */
  fileName?: string | null;
  cause?: unknown;
}

/**
 * Thrown by `readSnapshot` (and the JavaScriptCore reader) for any problem in the data.
 * Carries the section, the byte offset, what was expected and what was found; the
 * message says all of it, with the file name when there is one.
 *
 * @example
 * ```ts
 * import { readSnapshot, SnapshotFormatError } from "@heapgraph/snapshot";
 * try {
 *   await readSnapshot("cut.heapsnapshot");
 * } catch (e) {
 *   if (e instanceof SnapshotFormatError && e.code === "TRUNCATED") console.log("the file is incomplete");
 *   else throw e;
 * }
 * ```
 */
export class SnapshotFormatError extends HeapgraphError<SnapshotFormatErrorCode> {
  readonly section: string | null;
  readonly offset: number | null;
  readonly expected: string | null;
  readonly found: string | null;
  readonly fileName: string | null;
  /** The problem without location, as given by the reader. */
  readonly problem: string;

  constructor(code: SnapshotFormatErrorCode, problem: string, details: SnapshotFormatErrorDetails = {}) {
    const section = details.section ?? null;
    const offset = details.offset ?? null;
    const where = [section !== null ? `in "${section}"` : "", offset !== null ? `at byte ${offset}` : ""].filter(Boolean).join(" ");
    const what = [
      details.expected !== undefined ? `expected ${details.expected}` : "",
      details.found !== undefined ? `found ${details.found}` : "",
    ].filter(Boolean).join(", ");
    const file = details.fileName ? `${details.fileName}: ` : "";
    super(code, `${file}${code}: ${problem}${where ? ` (${where})` : ""}${what ? `; ${what}` : ""}`, { cause: details.cause });
    this.problem = problem;
    this.section = section;
    this.offset = offset;
    this.expected = details.expected ?? null;
    this.found = details.found ?? null;
    this.fileName = details.fileName ?? null;
  }

  /** The same error for the named file (used once the reader knows the file name). */
  withFileName(fileName: string | null): SnapshotFormatError {
    if (!fileName || this.fileName) return this;
    const copy = new SnapshotFormatError(this.code, this.problem, {
      section: this.section,
      offset: this.offset,
      expected: this.expected ?? undefined,
      found: this.found ?? undefined,
      fileName,
      cause: this.cause,
    });
    copy.stack = this.stack;
    return copy;
  }
}

/**
 * Shows a byte as the reader saw it, for `found`.
 *
 * @example
 * ```ts
 * describeByte(0x78); // '"x"'
 * describeByte(undefined); // "end of input"
 * ```
 */
export function describeByte(byte: number | undefined): string {
  if (byte === undefined) return "end of input";
  if (byte >= 0x20 && byte < 0x7f) return `"${String.fromCharCode(byte)}"`;
  return `byte 0x${byte.toString(16).padStart(2, "0")}`;
}
