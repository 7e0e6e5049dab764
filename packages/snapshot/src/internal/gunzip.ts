/**
 * Gzip input: detected by its magic bytes, decompressed on the fly with the runtime's
 * `DecompressionStream` (global in Node, Deno and Bun).
 *
 * @module
 */
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
  const first = head.length === 1 ? head[0] : concat(head, headBytes);
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
  const pump = (async () => {
    try {
      // Copies: the decompressor may keep a chunk after write() resolves, and sources reuse their buffers.
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
        await writer.write(next.value.slice());
      }
      await writer.close();
    } catch (error) {
      if (!stopped && !sourceError) writeError = { error };
      await writer.abort(error).catch(() => {});
    } finally {
      await Promise.resolve(rest?.return?.()).catch(() => {});
    }
  })();
  const gzipError = (cause: unknown, offset: number) => {
    const text = String((cause as Error)?.message ?? cause);
    const truncated = /unexpected end|end of (file|stream|input)|truncat|incomplete|premature/i.test(text);
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

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
