/**
 * Reads one small JSON value of any kind (the header, a scalar, a section this
 * version does not know) by collecting its bytes until the value is balanced, then
 * `JSON.parse`-ing them. Used only for values that are small by nature, with a limit.
 *
 * @module
 */
import { grown, isJsonSpace, type ParseContext } from "./parse-context.ts";
import type { ValueReader } from "./value-reader.ts";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Collects one JSON value and parses it when complete.
 *
 * @example
 * ```ts
 * const r = new JsonValueReader(ctx, "snapshot", 1 << 20);
 * let i = r.feed(bytes, 0, bytes.length);
 * if (r.done) console.log(r.value());
 * ```
 */
export class JsonValueReader implements ValueReader {
  done = false;
  readonly #ctx: ParseContext;
  readonly #section: string;
  readonly #maxBytes: number;
  #buffer = new Uint8Array(256);
  #length = 0;
  #started = false;
  /** 0 scalar, else nesting depth of the object/array being collected. */
  #depth = 0;
  #scalar = false;
  #inString = false;
  #escaped = false;
  #startOffset = 0;

  constructor(ctx: ParseContext, section: string, maxBytes: number) {
    this.#ctx = ctx;
    this.#section = section;
    this.#maxBytes = maxBytes;
  }

  feed(bytes: Uint8Array, start: number, end: number): number {
    let i = start;
    if (!this.#started) {
      while (i < end && isJsonSpace(bytes[i])) i++;
      if (i === end) return i;
      this.#started = true;
      this.#startOffset = this.#ctx.base + i;
      const c = bytes[i];
      if (c === 0x7b || c === 0x5b) this.#depth = 0;
      else if (c === QUOTE) this.#scalar = true;
      else if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x3a) throw this.#ctx.unexpected(this.#section, bytes, i, "a value");
      else this.#scalar = true;
    }
    const from = i;
    for (; i < end; i++) {
      const c = bytes[i];
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === BACKSLASH) this.#escaped = true;
        else if (c === QUOTE) {
          this.#inString = false;
          if (this.#scalar && this.#depth === 0) {
            i++;
            this.done = true;
            break;
          }
        }
        continue;
      }
      if (c === QUOTE) {
        this.#inString = true;
        continue;
      }
      if (this.#scalar && this.#depth === 0) {
        // A number or literal ends at the first delimiter, which belongs to the caller.
        if (c === 0x2c || c === 0x7d || c === 0x5d || isJsonSpace(c)) {
          this.done = true;
          break;
        }
        continue;
      }
      if (c === 0x7b || c === 0x5b) this.#depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--this.#depth === 0) {
          i++;
          this.done = true;
          break;
        }
      }
    }
    this.#append(bytes, from, i);
    return i;
  }

  /** The parsed value; call once `done`. */
  value(): unknown {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(this.#buffer.subarray(0, this.#length));
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw this.#ctx.error("BAD_JSON", `the value of "${this.#section}" is not valid JSON`, this.#section, null, {
        found: text.length > 60 ? `${text.slice(0, 60)}…` : text,
        expected: `JSON starting at byte ${this.#startOffset}`,
        cause,
      });
    }
  }

  #append(bytes: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n === 0) return;
    const need = this.#length + n;
    if (need > this.#maxBytes) {
      throw this.#ctx.error("TOO_LARGE", `the value of "${this.#section}" is longer than ${this.#maxBytes} bytes`, this.#section, to);
    }
    if (need > this.#buffer.length) this.#buffer = grown(this.#buffer, Math.min(this.#maxBytes, Math.max(need, this.#buffer.length * 2)));
    this.#buffer.set(bytes.subarray(from, to), this.#length);
    this.#length = need;
  }
}
