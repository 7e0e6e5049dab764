/**
 * Gzip input: detected by its magic bytes, decompressed on the fly with the runtime's
 * `DecompressionStream` (global in Node, Deno and Bun).
 *
 * @module
 */
import { concatBytes } from "./concat-bytes.ts";
import { SnapshotFormatError } from "./snapshot-format-error.ts";

/**
 * True when `bytes` starts with gzip's magic number.
 *
 * @example
 * ```ts
 * isGzip(new Uint8Array([0x1f, 0x8b, 8])); // true
 * ```
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Yields the chunks of `source` decompressed when it starts with gzip's magic bytes,
 * unchanged otherwise. `onGzip` is told which it is once known.
 *
 * @example
 * ```ts
 * for await (const chunk of maybeGunzip(file.chunks, (gz) => console.log(gz ? "gzip" : "plain"))) parse(chunk);
 * ```
 */
export async function* maybeGunzip(
  source: AsyncIterable<Uint8Array>,
  onGzip: (gzip: boolean) => void,
  fileName: string | null,
): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  // Peek until two bytes decide.
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < 2) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    if (next.value.length === 0) continue;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = head.length === 1 ? head[0] : concatBytes(head);
  const gzip = isGzip(first);
  onGzip(gzip);
  if (!gzip) {
    try {
      if (first.length) yield first;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  yield* gunzip(first, ended ? null : iterator, fileName);
}

async function* gunzip(first: Uint8Array, rest: AsyncIterator<Uint8Array> | null, fileName: string | null): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream("gzip");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let sourceError: { error: unknown } | null = null;
  let writeError: { error: unknown } | null = null;
  let stopped = false;
  // Whether every input byte reached the decompressor, and the last 8 of them (gzip's CRC32 + ISIZE
  // trailer when the input is whole): together they tell a cut file from a corrupt one.
  let inputEnded = false;
  const trailer = new TrailerBytes();
  const pump = (async () => {
    try {
      // Copies: the decompressor may keep a chunk after write() resolves, and sources reuse their buffers.
      trailer.push(first);
      await writer.write(first.slice());
      while (rest && !stopped) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await rest.next();
        } catch (error) {
          sourceError = { error };
          throw error;
        }
        if (next.done) break;
        trailer.push(next.value);
        await writer.write(next.value.slice());
      }
      inputEnded = true;
      await writer.close();
    } catch (error) {
      if (!stopped && !sourceError) writeError = { error };
      await writer.abort(error).catch(() => {});
    } finally {
      await Promise.resolve(rest?.return?.()).catch(() => {});
    }
  })();
  const gzipError = (cause: unknown, offset: number) => {
    const error = cause as { message?: unknown; code?: unknown } | null;
    const text = String(error?.message || error?.code || "") || "an error without a message from the decompressor";
    // Runtimes word (or leave unworded) the same failure differently. zlib's codes and an explicit
    // message decide first; otherwise the data does: the input ran out and its last 4 bytes are not
    // the size of what it decompressed to (a whole stream ends with that size).
    const saysCut = error?.code === "Z_BUF_ERROR" || /unexpected end|end of (file|stream|input)|truncat|incomplete|premature/i.test(text);
    const saysCorrupt = error?.code === "Z_DATA_ERROR";
    const truncated = saysCut || (!saysCorrupt && inputEnded && !trailer.sizeMatches(offset));
    return new SnapshotFormatError(truncated ? "TRUNCATED" : "BAD_GZIP", truncated ? "the gzip data ends early" : "the gzip data is corrupt", {
      section: null,
      offset,
      found: text,
      fileName,
      cause,
    });
  };
  let offset = 0;
  try {
    for (;;) {
      let result: Awaited<ReturnType<typeof reader.read>>;
      try {
        result = await reader.read();
      } catch (cause) {
        if (sourceError) throw (sourceError as { error: unknown }).error;
        throw gzipError(cause, offset);
      }
      if (result.done) break;
      offset += result.value.length;
      yield result.value;
    }
    await pump;
    if (sourceError) throw (sourceError as { error: unknown }).error;
    if (writeError) throw gzipError((writeError as { error: unknown }).error, offset);
  } finally {
    // The pump ends on its own once the source answers; a stalled source must not stall us.
    stopped = true;
    await reader.cancel().catch(() => {});
    void pump;
  }
}

/** The last 8 bytes of a byte stream, kept as it passes. */
class TrailerBytes {
  readonly #bytes = new Uint8Array(8);
  #length = 0;

  push(chunk: Uint8Array): void {
    const take = Math.min(8, chunk.length);
    const keep = Math.min(this.#length, 8 - take);
    this.#bytes.copyWithin(0, this.#length - keep, this.#length);
    this.#bytes.set(chunk.subarray(chunk.length - take), keep);
    this.#length = keep + take;
  }

  /** True when the stream ends with gzip's ISIZE field equal to `size` modulo 2^32. */
  sizeMatches(size: number): boolean {
    if (this.#length < 8) return false;
    const b = this.#bytes;
    const isize = (b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24)) >>> 0;
    return isize === size % 2 ** 32;
  }
}
