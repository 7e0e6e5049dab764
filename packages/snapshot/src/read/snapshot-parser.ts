/**
 * The streaming parser's top level: the outer JSON object of a snapshot, read byte by
 * byte across chunks. It recognizes the format from the first key (`"snapshot"`: V8;
 * `"version"` or `"type"`: JavaScriptCore), hands each value to the reader the format
 * chooses, and knows where in the stream it is for error messages.
 *
 * @module
 */
import type { HeapSnapshot } from "../model/heap-snapshot.ts";
import type { FormatBuilder } from "./format-builder.ts";
import { JscSnapshotBuilder } from "./jsc/jsc-snapshot-builder.ts";
import { isJsonSpace, ParseContext } from "./json/parse-context.ts";
import type { ValueReader } from "./json/value-reader.ts";
import type { ReadWarningListener } from "./read-warning.ts";
import { describeByte } from "./snapshot-format-error.ts";
import type { EdgeSectionDelegate } from "./v8/edge-section-delegate.ts";
import { V8SnapshotBuilder } from "./v8/v8-snapshot-builder.ts";

const START = 0;
const KEY_OR_END = 1;
const KEY = 2;
const IN_KEY = 3;
const COLON = 4;
const VALUE = 5;
const AFTER_VALUE = 6;
const DONE = 7;

const MAX_KEY_BYTES = 4096;

/** Options of {@link SnapshotParser}. */
export interface SnapshotParserOptions {
  /** Named in error messages. */
  fileName?: string | null;
  /** Most bytes the input can have (see {@link ParseContext.maxBytes}). */
  maxBytes?: number | null;
  /** True when `maxBytes` is the exact size of the input. */
  exactSize?: boolean;
  /** Called when a top-level value starts, with its key. */
  onSection?: (key: string) => void;
  /** Called with what the readers skip past (see `ReadWarning`). */
  onWarning?: ReadWarningListener | null;
  /** Allocate the V8 columns on `SharedArrayBuffer` where the runtime has it (see {@link ParseContext.sharedMemory}). */
  sharedMemory?: boolean;
  /** Reads a V8 snapshot's `edges` section elsewhere (another thread), when it accepts to. */
  edgeSection?: EdgeSectionDelegate | null;
}

/**
 * Push chunks with {@link write}, then call {@link end} for the snapshot.
 *
 * @example
 * ```ts
 * const parser = new SnapshotParser({ fileName: "app.heapsnapshot" });
 * for await (const chunk of chunks) parser.write(chunk);
 * const snapshot = parser.end();
 * ```
 */
export class SnapshotParser {
  readonly #ctx: ParseContext;
  readonly #onSection: ((key: string) => void) | undefined;
  readonly #edgeSection: EdgeSectionDelegate | null;
  #state = START;
  #builder: FormatBuilder | null = null;
  #reader: ValueReader | null = null;
  #key = "";
  readonly #seen = new Set<string>();
  #keyBytes = new Uint8Array(64);
  #keyLength = 0;
  #keyEscaped = false;
  #bytes = 0;

  constructor(options: SnapshotParserOptions = {}) {
    this.#ctx = new ParseContext(options.fileName ?? null, options.maxBytes ?? null, options.exactSize ?? false, options.onWarning ?? null);
    this.#ctx.sharedMemory = options.sharedMemory === true && typeof SharedArrayBuffer === "function";
    this.#onSection = options.onSection;
    this.#edgeSection = options.edgeSection ?? null;
  }

  /** Bytes consumed so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The format, once the first key has been seen. */
  get format(): "v8" | "jsc" | null {
    return this.#builder instanceof V8SnapshotBuilder ? "v8" : this.#builder ? "jsc" : null;
  }

  write(chunk: Uint8Array): void {
    const ctx = this.#ctx;
    ctx.base = this.#bytes;
    const end = chunk.length;
    let i = 0;
    if (this.#bytes === 0 && end >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    while (i < end) {
      const state = this.#state;
      if (state === VALUE) {
        const reader = this.#reader!;
        i = reader.feed(chunk, i, end);
        if (!reader.done) break;
        this.#builder!.complete(this.#key, reader);
        this.#reader = null;
        this.#state = AFTER_VALUE;
        continue;
      }
      if (state === IN_KEY) {
        i = this.#readKey(chunk, i, end);
        continue;
      }
      const c = chunk[i];
      if (isJsonSpace(c)) {
        i++;
        continue;
      }
      switch (state) {
        case START:
          if (c !== 0x7b) {
            throw ctx.error("NOT_A_HEAP_SNAPSHOT", "a heap snapshot is a JSON object", null, i, { expected: '"{"', found: describeByte(c) });
          }
          this.#state = KEY_OR_END;
          break;
        case KEY_OR_END:
        case KEY:
          if (c === 0x22) {
            this.#keyLength = 0;
            this.#keyEscaped = false;
            this.#state = IN_KEY;
          } else if (c === 0x7d && state === KEY_OR_END) {
            throw ctx.error("NOT_A_HEAP_SNAPSHOT", "an empty object is not a heap snapshot", null, i);
          } else throw ctx.unexpected(null, chunk, i, state === KEY ? "a key" : 'a key or "}"');
          break;
        case COLON:
          if (c !== 0x3a) throw ctx.unexpected(this.#key, chunk, i, '":"');
          if (this.#seen.has(this.#key)) throw ctx.error("BAD_JSON", `section "${this.#key}" appears twice`, this.#key, i + 1);
          this.#seen.add(this.#key);
          this.#state = VALUE;
          this.#reader = this.#builder!.reader(this.#key, i + 1);
          this.#onSection?.(this.#key);
          break;
        case AFTER_VALUE:
          if (c === 0x2c) this.#state = KEY;
          else if (c === 0x7d) this.#state = DONE;
          else throw ctx.unexpected(null, chunk, i, '"," or "}"');
          break;
        case DONE:
          throw ctx.error("BAD_JSON", "data after the end of the snapshot", null, i, { found: describeByte(c) });
      }
      i++;
    }
    this.#bytes += end;
  }

  /** Ends the input: returns the snapshot, or throws if the input stopped early or is inconsistent. */
  end(): HeapSnapshot {
    const ctx = this.#ctx;
    ctx.base = this.#bytes;
    if (this.#state !== DONE) {
      if (this.#bytes === 0) throw ctx.error("NOT_A_HEAP_SNAPSHOT", "the input is empty", null, null);
      if (this.#state === START) throw ctx.error("NOT_A_HEAP_SNAPSHOT", "the input holds only whitespace", null, null);
      const section = this.#state === VALUE ? this.#key : null;
      throw ctx.error("TRUNCATED", "the input ended before the snapshot did", section, 0, {
        expected: this.#state === VALUE ? `the rest of "${this.#key}"` : 'the closing "}"',
        found: "end of input",
      });
    }
    return this.#builder!.finish();
  }

  #readKey(chunk: Uint8Array, start: number, end: number): number {
    let i = start;
    for (; i < end; i++) {
      const c = chunk[i];
      if (this.#keyEscaped) this.#keyEscaped = false;
      else if (c === 0x5c) this.#keyEscaped = true;
      else if (c === 0x22) {
        this.#key = this.#decodeKey(i);
        this.#state = COLON;
        if (!this.#builder) this.#builder = this.#chooseFormat(i);
        return i + 1;
      }
      if (this.#keyLength === MAX_KEY_BYTES) throw this.#ctx.error("BAD_JSON", `a key longer than ${MAX_KEY_BYTES} bytes`, null, i);
      if (this.#keyLength === this.#keyBytes.length) {
        const next = new Uint8Array(this.#keyBytes.length * 2);
        next.set(this.#keyBytes);
        this.#keyBytes = next;
      }
      this.#keyBytes[this.#keyLength++] = c;
    }
    return i;
  }

  #decodeKey(index: number): string {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(this.#keyBytes.subarray(0, this.#keyLength));
    try {
      return JSON.parse(`"${text}"`) as string;
    } catch (cause) {
      throw this.#ctx.error("BAD_JSON", "a key with an invalid escape", null, index, { found: JSON.stringify(text), cause });
    }
  }

  #chooseFormat(index: number): FormatBuilder {
    const key = this.#key;
    if (key === "snapshot") return new V8SnapshotBuilder(this.#ctx, this.#edgeSection);
    if (key === "version" || key === "type") return new JscSnapshotBuilder(this.#ctx);
    throw this.#ctx.error("NOT_A_HEAP_SNAPSHOT", "neither a V8 nor a JavaScriptCore heap snapshot", null, index, {
      expected: '"snapshot" (V8) or "version" (JavaScriptCore) as the first key',
      found: JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key),
    });
  }
}
