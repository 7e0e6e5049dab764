/**
 * What every section reader shares while one snapshot is parsed: where the current
 * chunk starts in the stream (for error offsets), the file name, and what is known
 * about the size of the input (to refuse impossible counts before allocating).
 *
 * @module
 */
import type { ReadWarning, ReadWarningCode, ReadWarningListener } from "../read-warning.ts";
import { describeByte, SnapshotFormatError, type SnapshotFormatErrorCode } from "../snapshot-format-error.ts";

/**
 * The parse-wide context. `base` is the stream offset of byte 0 of the current chunk.
 *
 * @example
 * ```ts
 * const ctx = new ParseContext("app.heapsnapshot", null, false);
 * ctx.base = 0;
 * throw ctx.error("BAD_JSON", "unexpected character", "nodes", 12, { expected: '","' });
 * ```
 */
export class ParseContext {
  base = 0;
  readonly fileName: string | null;
  /** Most bytes the decompressed input can have, when known (plain size, or gzip size x 1032). */
  readonly maxBytes: number | null;
  /** True when {@link maxBytes} is the exact size (uncompressed input of known length): columns are then allocated whole. */
  readonly exactSize: boolean;
  /** Receives what the readers skip past (see {@link warn}). */
  readonly onWarning: ReadWarningListener | null;
  /** True when the V8 columns go on `SharedArrayBuffer` (readable by workers without a copy). */
  sharedMemory = false;

  constructor(fileName: string | null, maxBytes: number | null, exactSize = false, onWarning: ReadWarningListener | null = null) {
    this.fileName = fileName;
    this.maxBytes = maxBytes;
    this.exactSize = exactSize && maxBytes !== null;
    this.onWarning = onWarning;
  }

  /**
   * Reports records skipped in `section` (`count` of them; the first at `offset`, an absolute
   * byte offset, holding `found`). A listener that throws is ignored.
   */
  warn(code: ReadWarningCode, problem: string, section: string, count: number, offset: number | null, found: string): void {
    if (!this.onWarning) return;
    const where = offset !== null ? ` (first at byte ${offset}, found ${found})` : ` (first found ${found})`;
    const warning: ReadWarning = { code, message: `${code}: ${problem}${where}; skipped`, section, count, offset, found, fileName: this.fileName };
    try {
      this.onWarning(warning);
    } catch {
      // A listener's failure does not stop the read.
    }
  }

  /** An error at position `index` of the current chunk (or with no position when `index` is null). */
  error(
    code: SnapshotFormatErrorCode,
    problem: string,
    section: string | null,
    index: number | null,
    details: { expected?: string; found?: string; cause?: unknown } = {},
  ): SnapshotFormatError {
    return new SnapshotFormatError(code, problem, {
      ...details,
      section,
      offset: index === null ? null : this.base + index,
      fileName: this.fileName,
    });
  }

  /** A syntax error for an unexpected byte. */
  unexpected(section: string | null, bytes: Uint8Array, index: number, expected: string): SnapshotFormatError {
    return this.error("BAD_JSON", "unexpected character", section, index, { expected, found: describeByte(bytes[index]) });
  }
}

/**
 * JSON whitespace: space, tab, line feed, carriage return.
 *
 * @example
 * ```ts
 * isJsonSpace(0x0a); // true
 * ```
 */
export function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Copies `typed` into a new array of the same kind with room for `length` elements.
 *
 * @example
 * ```ts
 * grown(new Uint32Array([1, 2]), 4); // Uint32Array [1, 2, 0, 0]
 * ```
 */
export function grown<T extends Uint8Array | Uint32Array | Float64Array>(typed: T, length: number): T {
  const Ctor = typed.constructor as new (length: number) => T;
  const next = new Ctor(length);
  next.set(typed.subarray(0, Math.min(typed.length, length)));
  return next;
}
