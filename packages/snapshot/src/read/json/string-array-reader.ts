/**
 * Reads a JSON array of strings (V8's string table, JavaScriptCore's name lists) from
 * bytes, one string at a time; never as one JS string.
 *
 * Fast path: runs of escape-free ASCII strings inside one chunk are decoded with one
 * `TextDecoder` call per run (at most {@link BATCH_BYTES}) and sliced apart. Strings
 * with escapes are unescaped by `JSON.parse` of that one string (exact for every escape,
 * surrogate pairs and lone surrogates); non-ASCII strings are decoded as UTF-8 one by one;
 * strings that cross a chunk boundary are collected first.
 *
 * @module
 */
import { grown, isJsonSpace, type ParseContext } from "./parse-context.ts";
import type { ValueReader } from "./value-reader.ts";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/** Longest run of strings decoded by one call (a sliced string keeps its run alive). */
const BATCH_BYTES = 1 << 16;
/** Longest string, in bytes, before refusing (V8's string limit is ~2^29 characters). */
const MAX_STRING_BYTES = 0x1fffffe8;
const SLICE = 1 << 16;

const S = { BEFORE: 0, OPEN: 1, COMMA: 2, AFTER: 3, IN_STRING: 4 } as const;

/**
 * Appends the strings of one JSON array to `out`.
 *
 * @example
 * ```ts
 * const strings: string[] = [];
 * const r = new StringArrayReader(ctx, "strings", strings);
 * r.feed(new TextEncoder().encode('["a","b\\n"]'), 0, 11);
 * ```
 */
export class StringArrayReader implements ValueReader {
  done = false;
  readonly out: string[];
  readonly #ctx: ParseContext;
  readonly #section: string;
  readonly #decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  #state: number = S.BEFORE;
  // A string that crosses chunks: its bytes so far.
  #carry = new Uint8Array(1024);
  #carryLength = 0;
  #carryEscaped = false;
  #carryHigh = 0;
  #carryBackslash = false;
  // Pending fast-path strings of the current chunk: [start, end) byte pairs.
  #pending = new Int32Array(2 * 4096);
  #pendingCount = 0;

  constructor(ctx: ParseContext, section: string, out: string[]) {
    this.#ctx = ctx;
    this.#section = section;
    this.out = out;
  }

  feed(bytes: Uint8Array, start: number, end: number): number {
    // In slices, so that the loop is optimized as a whole rather than entered mid-loop (see v8-record-reader.ts).
    let i = start;
    while (i < end && !this.done) i = this.#scan(bytes, i, Math.min(end, i + SLICE));
    return i;
  }

  #scan(bytes: Uint8Array, start: number, end: number): number {
    let i = start;
    if (this.#state === S.IN_STRING) {
      i = this.#continueString(bytes, i, end);
      if (this.#state === S.IN_STRING) return end;
    }
    let state = this.#state;
    try {
      while (i < end) {
        const c = bytes[i];
        if (c === QUOTE) {
          if (state !== S.OPEN && state !== S.COMMA) throw this.#ctx.unexpected(this.#section, bytes, i, state === S.BEFORE ? '"["' : '"," or "]"');
          let j = i + 1;
          let high = 0;
          let escaped = false;
          for (; j < end; j++) {
            const d = bytes[j];
            if (d === QUOTE) break;
            if (d === BACKSLASH) {
              escaped = true;
              j++;
            } else high |= d;
          }
          if (j >= end) {
            this.#flush(bytes);
            this.#startCarry(bytes, i + 1, end, escaped, high, j > end);
            state = S.IN_STRING;
            return end;
          }
          if (!escaped && high < 0x80) this.#queue(bytes, i + 1, j);
          else {
            this.#flush(bytes);
            this.out.push(this.#decode(bytes.subarray(i + 1, j), escaped, i));
          }
          state = S.AFTER;
          i = j + 1;
        } else if (c === COMMA) {
          if (state !== S.AFTER) throw this.#ctx.unexpected(this.#section, bytes, i, state === S.BEFORE ? '"["' : "a string");
          state = S.COMMA;
          i++;
        } else if (c === CLOSE) {
          if (state !== S.AFTER && state !== S.OPEN) throw this.#ctx.unexpected(this.#section, bytes, i, state === S.BEFORE ? '"["' : "a string");
          this.done = true;
          i++;
          break;
        } else if (c === OPEN && state === S.BEFORE) {
          state = S.OPEN;
          i++;
        } else if (isJsonSpace(c)) i++;
        else throw this.#ctx.unexpected(this.#section, bytes, i, state === S.BEFORE ? '"["' : state === S.AFTER ? '"," or "]"' : "a string");
      }
    } finally {
      this.#flush(bytes);
      this.#state = state;
    }
    return i;
  }

  #queue(bytes: Uint8Array, from: number, to: number): void {
    const pending = this.#pending;
    let n = this.#pendingCount;
    if (n > 0 && (n === pending.length || to - pending[0] > BATCH_BYTES)) {
      this.#flush(bytes);
      n = 0;
    }
    pending[n] = from;
    pending[n + 1] = to;
    this.#pendingCount = n + 2;
  }

  #flush(bytes: Uint8Array): void {
    const n = this.#pendingCount;
    if (n === 0) return;
    this.#pendingCount = 0;
    const pending = this.#pending;
    const base = pending[0];
    const out = this.out;
    if (n === 2) {
      out.push(this.#decoder.decode(bytes.subarray(base, pending[1])));
      return;
    }
    const run = this.#decoder.decode(bytes.subarray(base, pending[n - 1]));
    for (let k = 0; k < n; k += 2) out.push(run.slice(pending[k] - base, pending[k + 1] - base));
  }

  #decode(raw: Uint8Array, escaped: boolean, index: number): string {
    let text: string;
    try {
      text = this.#decoder.decode(raw);
    } catch (cause) {
      throw this.#ctx.error("TOO_LARGE", `a string of ${raw.length} bytes is longer than a JavaScript string can be`, this.#section, index, { cause });
    }
    if (!escaped) return text;
    try {
      return JSON.parse(`"${text}"`) as string;
    } catch (cause) {
      throw this.#ctx.error("BAD_JSON", "a string with an invalid escape or control character", this.#section, index, {
        found: JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text),
        cause,
      });
    }
  }

  #startCarry(bytes: Uint8Array, from: number, end: number, escaped: boolean, high: number, backslashAtEnd: boolean): void {
    this.#carryLength = 0;
    this.#appendCarry(bytes, from, end, from);
    this.#carryEscaped = escaped;
    this.#carryHigh = high;
    this.#carryBackslash = backslashAtEnd;
  }

  /** Continues a string that started in an earlier chunk; leaves IN_STRING when it ends here. */
  #continueString(bytes: Uint8Array, start: number, end: number): number {
    let j = start;
    if (this.#carryBackslash && j < end) {
      this.#carryBackslash = false;
      j++;
    }
    let high = this.#carryHigh;
    let escaped = this.#carryEscaped;
    for (; j < end; j++) {
      const d = bytes[j];
      if (d === QUOTE) break;
      if (d === BACKSLASH) {
        escaped = true;
        j++;
      } else high |= d;
    }
    this.#carryHigh = high;
    this.#carryEscaped = escaped;
    if (j >= end) {
      this.#carryBackslash = j > end;
      this.#appendCarry(bytes, start, end, start);
      return end;
    }
    this.#appendCarry(bytes, start, j, start);
    this.out.push(this.#decode(this.#carry.subarray(0, this.#carryLength), escaped, j));
    if (this.#carry.length > 1 << 20) this.#carry = new Uint8Array(1024);
    this.#carryLength = 0;
    this.#state = S.AFTER;
    return j + 1;
  }

  #appendCarry(bytes: Uint8Array, from: number, to: number, index: number): void {
    const need = this.#carryLength + (to - from);
    if (need > MAX_STRING_BYTES) {
      throw this.#ctx.error("TOO_LARGE", `a string longer than ${MAX_STRING_BYTES} bytes`, this.#section, index);
    }
    if (need > this.#carry.length) this.#carry = grown(this.#carry, Math.min(MAX_STRING_BYTES, Math.max(need, this.#carry.length * 2)));
    this.#carry.set(bytes.subarray(from, to), this.#carryLength);
    this.#carryLength = need;
  }
}
