/**
 * Reads a JSON array of non-negative integers into a growing `Float64Array`: the
 * small V8 sections (`locations`, `trace_function_infos`, `samples`, and `trace_tree`
 * with its nesting kept as markers) and JavaScriptCore's `nodes` and `edges`, whose
 * counts are not announced anywhere.
 *
 * @module
 */
import { TRACE_TREE_CLOSE, TRACE_TREE_OPEN } from "../../model/heap-snapshot.ts";
import { grown, isJsonSpace, type ParseContext } from "./parse-context.ts";
import type { ValueReader } from "./value-reader.ts";

const BEFORE = 0;
const OPEN = 1;
const COMMA = 2;
const AFTER = 3;
const NUMBER = 4;
const SLICE = 1 << 16;

/**
 * Collects the numbers of one array; with `nested`, inner arrays become
 * {@link TRACE_TREE_OPEN} / {@link TRACE_TREE_CLOSE} markers.
 *
 * @example
 * ```ts
 * const r = new FlatNumberReader(ctx, "samples", false);
 * r.feed(new TextEncoder().encode("[1,2,3]"), 0, 7);
 * r.result(); // Float64Array [1, 2, 3]
 * ```
 */
export class FlatNumberReader implements ValueReader {
  done = false;
  readonly #ctx: ParseContext;
  readonly #section: string;
  readonly #nested: boolean;
  #values = new Float64Array(1024);
  #length = 0;
  #state = BEFORE;
  #value = 0;
  #depth = 0;

  constructor(ctx: ParseContext, section: string, nested: boolean) {
    this.#ctx = ctx;
    this.#section = section;
    this.#nested = nested;
  }

  /** Number of values (and markers) read so far. */
  get length(): number {
    return this.#length;
  }

  /** The values, exactly as many as read. */
  result(): Float64Array {
    return this.#values.length === this.#length ? this.#values : this.#values.slice(0, this.#length);
  }

  feed(bytes: Uint8Array, start: number, end: number): number {
    // In slices, so that the loop is optimized as a whole rather than entered mid-loop (see v8-record-reader.ts).
    let i = start;
    while (i < end && !this.done) i = this.#scan(bytes, i, Math.min(end, i + SLICE));
    return i;
  }

  #scan(bytes: Uint8Array, start: number, end: number): number {
    let i = start;
    let state = this.#state;
    let v = this.#value;
    while (i < end) {
      let c = bytes[i];
      if (c >= 0x30 && c <= 0x39) {
        if (state !== NUMBER) {
          if (state !== OPEN && state !== COMMA) throw this.#unexpected(bytes, i, state);
          v = 0;
          state = NUMBER;
        }
        do {
          v = v * 10 + (c - 0x30);
          if (++i === end) break;
          c = bytes[i];
        } while (c >= 0x30 && c <= 0x39);
        if (i === end) break;
      }
      if (state === NUMBER) {
        if (c !== 0x2c && c !== 0x5d && !isJsonSpace(c)) throw this.#unexpected(bytes, i, AFTER);
        this.#push(v, i);
        state = AFTER;
      }
      if (c === 0x2c) {
        if (state !== AFTER) throw this.#unexpected(bytes, i, state);
        state = COMMA;
      } else if (c === 0x5d) {
        if (state !== AFTER && state !== OPEN) throw this.#unexpected(bytes, i, state);
        if (this.#depth === 0) {
          this.done = true;
          i++;
          break;
        }
        this.#depth--;
        this.#push(TRACE_TREE_CLOSE, i);
        state = AFTER;
      } else if (c === 0x5b && state === BEFORE) {
        state = OPEN;
      } else if (c === 0x5b && this.#nested && (state === OPEN || state === COMMA)) {
        this.#depth++;
        this.#push(TRACE_TREE_OPEN, i);
        state = OPEN;
      } else if (!isJsonSpace(c)) {
        throw this.#unexpected(bytes, i, state);
      }
      i++;
    }
    this.#state = state;
    this.#value = v;
    return i;
  }

  #push(value: number, index: number): void {
    if (value > Number.MAX_SAFE_INTEGER) {
      throw this.#ctx.error("BAD_NUMBER", "a number too large to hold exactly", this.#section, index, { found: String(value) });
    }
    if (this.#length === this.#values.length) {
      try {
        this.#values = grown(this.#values, this.#values.length * 2);
      } catch (cause) {
        throw this.#ctx.error("TOO_LARGE", `more than ${this.#length} values`, this.#section, index, { cause });
      }
    }
    this.#values[this.#length++] = value;
  }

  #unexpected(bytes: Uint8Array, index: number, state: number) {
    const c = bytes[index];
    if (state !== BEFORE && (c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b)) {
      return this.#ctx.error("BAD_NUMBER", "only non-negative integers belong in this section", this.#section, index, {
        found: `"${String.fromCharCode(c)}"`,
      });
    }
    const expected =
      state === BEFORE ? '"["' : state === AFTER ? '"," or "]"' : state === COMMA ? "a number" : "a number or \"]\"";
    const bad = this.#ctx.unexpected(this.#section, bytes, index, expected);
    return state === BEFORE ? bad : this.#ctx.error("BAD_NUMBER", "not a number", this.#section, index, { expected, found: bad.found ?? undefined });
  }
}
