/**
 * Builds output bytes in fixed-size chunks: ASCII and integers are written digit by
 * digit into the buffer, JSON strings through `TextEncoder.encodeInto`; full chunks
 * go to an async consumer (each chunk is a fresh buffer the consumer may keep).
 *
 * @module
 */

const CHUNK_BYTES = 1 << 20;
/** Room the writer keeps free after each call of {@link ByteWriter.utf8}, for the short ASCII that follows. */
const SLACK = 256;

/**
 * A chunked byte builder.
 *
 * @example
 * ```ts
 * const w = new ByteWriter(async (chunk) => sink.write(chunk));
 * w.ascii('{"n":');
 * w.uint(42);
 * w.ascii("}");
 * await w.flush();
 * ```
 */
export class ByteWriter {
  buffer = new Uint8Array(CHUNK_BYTES);
  position = 0;
  readonly #consume: (chunk: Uint8Array) => Promise<void>;
  readonly #encoder = new TextEncoder();

  constructor(consume: (chunk: Uint8Array) => Promise<void>) {
    this.#consume = consume;
  }

  /** True when `bytes` more bytes fit in the current chunk. */
  hasRoom(bytes: number): boolean {
    return this.position + bytes <= this.buffer.length;
  }

  /** Hands the bytes written so far to the consumer and starts a new chunk. */
  async flush(): Promise<void> {
    if (this.position === 0) return;
    const chunk = this.buffer.subarray(0, this.position);
    this.buffer = new Uint8Array(CHUNK_BYTES);
    this.position = 0;
    await this.#consume(chunk);
  }

  /** Writes a short ASCII string; the caller makes sure it fits (at most 256 bytes after {@link utf8}). */
  ascii(text: string): void {
    const buffer = this.buffer;
    let p = this.position;
    for (let k = 0; k < text.length; k++) buffer[p++] = text.charCodeAt(k);
    this.position = p;
  }

  /** Writes one byte. */
  byte(value: number): void {
    this.buffer[this.position++] = value;
  }

  /** Writes a non-negative integer (up to 2^53) in decimal. */
  uint(value: number): void {
    const buffer = this.buffer;
    let p = this.position;
    if (value < 10) {
      buffer[p] = 0x30 + value;
      this.position = p + 1;
      return;
    }
    let digits = 1;
    for (let t = value; t >= 10; t = Math.floor(t / 10)) digits++;
    p += digits;
    this.position = p;
    let v = value;
    while (v >= 10) {
      const q = Math.floor(v / 10);
      buffer[--p] = 0x30 + (v - q * 10);
      v = q;
    }
    buffer[--p] = 0x30 + v;
  }

  /**
   * Writes `text` as UTF-8 of any length. Returns nothing when it fit in the current chunk,
   * else a promise that settles once the rest is written (after flushing).
   */
  utf8(text: string): Promise<void> | undefined {
    const { read, written } = this.#encoder.encodeInto(text, this.buffer.subarray(this.position));
    this.position += written;
    if (read === text.length && this.hasRoom(SLACK)) return undefined;
    return this.#utf8Rest(read === text.length ? "" : text.slice(read));
  }

  async #utf8Rest(rest: string): Promise<void> {
    for (;;) {
      await this.flush();
      if (rest.length === 0) return;
      const { read, written } = this.#encoder.encodeInto(rest, this.buffer.subarray(this.position));
      this.position += written;
      if (read === rest.length) {
        if (!this.hasRoom(SLACK)) await this.flush();
        return;
      }
      rest = rest.slice(read);
    }
  }
}
