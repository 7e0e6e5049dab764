/**
 * What the two hot loops of the reader share (node-record-reader.ts, edge-record-reader.ts):
 * V8's `nodes` and `edges` arrays, parsed from bytes straight into the typed columns. Digits accumulate into a number, each number lands in
 * the column its record position maps to (from `meta`), and every value is checked
 * against its column as it is stored: type codes against the type lists, edge targets
 * against the node count, everything against the column's range.
 *
 * @module
 */
import { isJsonSpace, type ParseContext } from "../json/parse-context.ts";
import type { ValueReader } from "../json/value-reader.ts";
import type { V8Columns } from "./v8-columns.ts";
import type { V8Layout } from "./v8-layout.ts";

// The hot loops spell these as number literals (with the name in a comment): imported or
// module-level constants are loaded from memory in optimized code, literals fold into
// compares and jump tables (measured: ~10% of the whole parse).
// Array states:
const BEFORE = 0; // before "["
const OPEN = 1; // just after "["
const COMMA = 2; // just after ","
const AFTER = 3; // after a value
const NUMBER = 4; // inside a number (may span chunks)
// Roles: see NODE_* and EDGE_* in v8-layout.ts.
export const EMPTY_U32 = new Uint32Array(0);
export const EMPTY_U8 = new Uint8Array(0);
const SLICE = 1 << 16;
/** Bytes the slow scan reads at least before the fast path is tried again (at the next record boundary). */
const SLOW_WINDOW = 256;
const WARMUP_CALLS = 64;
const WARMUP_WINDOW = 256;

/** Shared state and error reporting of the two record readers. */
export abstract class RecordReader implements ValueReader {
  done = false;
  /** Complete records read so far. */
  records = 0;
  /** Position inside the record being read. */
  field = 0;
  protected state = BEFORE;
  /** Calls of {@link fast} left with a short window. */
  protected warmup = WARMUP_CALLS;
  protected value = 0;
  protected readonly ctx: ParseContext;
  protected readonly cols: V8Columns;
  protected readonly layout: V8Layout;
  protected readonly section: string;

  constructor(ctx: ParseContext, cols: V8Columns, layout: V8Layout, section: string) {
    this.ctx = ctx;
    this.cols = cols;
    this.layout = layout;
    this.section = section;
  }

  /**
   * Feeds the hot loop in slices: a loop function that returns often is optimized with
   * feedback for its whole body, instead of being entered mid-loop (OSR) and deoptimized
   * at every exit, which costs several times the parse itself.
   */
  feed(bytes: Uint8Array, start: number, end: number): number {
    let i = start;
    while (i < end && !this.done) {
      const stop = Math.min(end, i + SLICE);
      if (this.fastOk && this.field === 0 && (this.state === 1 /* OPEN */ || this.state === 2 /* COMMA */)) {
        // The first calls get short windows, so that every line of the function has run (has type
        // feedback) before the loop is optimized; else the optimized code deoptimizes at its first exit.
        const next = this.fast(bytes, i, this.warmup > 0 && this.warmup-- > 0 ? Math.min(stop, i + WARMUP_WINDOW) : stop);
        if (next !== i) {
          this.state = 2; // COMMA
          i = next;
          continue;
        }
      }
      // The record the fast path left (a chunk boundary, "]", whitespace, a bad value) and a few after it.
      i = this.scan(bytes, i, stop, i + SLOW_WINDOW);
    }
    return i;
  }

  /** True when {@link fast} can read this layout (no extra fields). */
  protected abstract readonly fastOk: boolean;

  /**
   * Reads whole records of the usual shape (numbers, separated by "," or by a line feed and
   * "," after a record) from a record boundary, and returns the position after the last
   * whole record's comma. It stops at, and leaves to {@link scan}, the first record it
   * cannot read whole or that holds a value {@link scan} would reject, so errors and their
   * offsets come from one place.
   */
  protected abstract fast(bytes: Uint8Array, start: number, end: number): number;

  /** The general reader: from `start` to `end`, or to the first record boundary (after its ",") at or past `resume`. */
  protected abstract scan(bytes: Uint8Array, start: number, end: number, resume: number): number;

  /** A byte other than a digit, comma, "]", newline or space: "[" opening the array, other whitespace, or an error. */
  protected other(bytes: Uint8Array, i: number, state: number): number {
    const c = bytes[i];
    if (c === 0x5b && state === BEFORE) return OPEN;
    if (!isJsonSpace(c)) throw this.unexpected(bytes, i, state);
    return state;
  }

  protected unexpected(bytes: Uint8Array, index: number, state: number): Error {
    const c = bytes[index];
    if (state === BEFORE) return this.ctx.unexpected(this.section, bytes, index, '"["');
    if (c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b) {
      return this.ctx.error("BAD_NUMBER", "only non-negative integers belong in this section", this.section, index, { found: `"${String.fromCharCode(c)}"` });
    }
    const expected = state === AFTER ? '"," or "]"' : state === COMMA ? "a number" : 'a number or "]"';
    const syntax = this.ctx.unexpected(this.section, bytes, index, expected);
    return this.ctx.error("BAD_NUMBER", "not a number", this.section, index, { expected, found: syntax.found ?? undefined });
  }

  protected badValue(what: string, value: number, limit: string, index: number): Error {
    return this.ctx.error("BAD_NUMBER", `${what} out of range`, this.section, index, { expected: limit, found: String(value) });
  }
}

/** Where each role sits in a record (-1 when absent), for roles 0..`maxRole`. */
export function positions(roles: Int32Array, maxRole: number): Int32Array {
  const at = new Int32Array(maxRole + 1).fill(-1);
  for (let f = roles.length - 1; f >= 0; f--) at[roles[f]] = f;
  return at;
}
