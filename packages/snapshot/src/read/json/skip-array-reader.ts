/**
 * Passes over a JSON array of numbers that another thread reads (the `edges` section of a
 * two-thread read): it finds the array's end with the runtime's native byte search and checks
 * nothing inside; the other thread's reader does, and its errors win (they come first in the file).
 *
 * @module
 */
import { isJsonSpace, type ParseContext } from "./parse-context.ts";
import type { ValueReader } from "./value-reader.ts";

const OPEN = 0x5b;
const CLOSE = 0x5d;

/**
 * A {@link ValueReader} that consumes `[`, then everything up to the first `]`.
 *
 * @example
 * ```ts
 * const r = new SkipArrayReader(ctx, "edges");
 * r.feed(new TextEncoder().encode(" [1,2,3], "), 0, 10); // 8: just after "]"
 * ```
 */
export class SkipArrayReader implements ValueReader {
  done = false;
  readonly #ctx: ParseContext;
  readonly #section: string;
  #open = false;

  constructor(ctx: ParseContext, section: string) {
    this.#ctx = ctx;
    this.#section = section;
  }

  feed(bytes: Uint8Array, start: number, end: number): number {
    let i = start;
    if (!this.#open) {
      while (i < end && isJsonSpace(bytes[i])) i++;
      if (i === end) return end;
      // The same error the section's own reader gives for what is not an array.
      if (bytes[i] !== OPEN) throw this.#ctx.unexpected(this.#section, bytes, i, '"["');
      this.#open = true;
      i++;
    }
    const close = bytes.indexOf(CLOSE, i);
    if (close < 0 || close >= end) return end;
    this.done = true;
    return close + 1;
  }
}
