/**
 * Everything `readSnapshot` accepts, turned into one stream of byte chunks with what
 * is known about its size and name.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { describeValue } from "../errors/describe-value.ts";
import { SnapshotOptionsError } from "../errors/snapshot-options-error.ts";
import { openFileChunks } from "./file-chunks.ts";
import { stringChunks } from "./string-chunks.ts";

/**
 * Where a snapshot comes from:
 * - a file path (`string`) or a `file:` URL (string or `URL`);
 * - the snapshot text itself: a `string` whose first non-blank character is `{` (or `[`, or
 *   that is blank: such text is rejected as not a snapshot, rather than opened as a path);
 * - bytes (`Uint8Array`, including `Buffer`, or `ArrayBuffer`), or a `Blob` / `File`;
 * - a `ReadableStream<Uint8Array>` or any (async) iterable of byte chunks (string chunks are UTF-8 encoded).
 *
 * Gzip data is recognized by its first bytes in all of them.
 *
 * @example
 * ```ts
 * const sources: SnapshotSource[] = ["app.heapsnapshot.gz", new URL("file:///tmp/a.heapsnapshot"), bytes, (await fetch(url)).body!];
 * ```
 */
export type SnapshotSource =
  | string
  | URL
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

/** An opened source. */
export interface OpenSource {
  /** Raw (possibly gzip) chunks; counts into {@link bytesRead} as they are pulled. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Size in bytes of the raw source when known, else null. */
  readonly size: number | null;
  /** An upper bound of the raw size when the exact size is unknown (text sources). */
  readonly sizeBound: number | null;
  readonly fileName: string | null;
  /** The file's path when the source is a file (path or `file:` URL), else null. */
  readonly path: string | null;
  readonly bytesRead: () => number;
}

const SLICE_BYTES = 1 << 22;

/**
 * Opens `source`. Throws `SnapshotOptionsError` (`INVALID_OPTIONS`) for something that is
 * not a source, and `SnapshotIoError` when a file cannot be opened.
 *
 * @example
 * ```ts
 * const src = await openSource("app.heapsnapshot.gz");
 * for await (const chunk of src.chunks) console.log(src.bytesRead(), "/", src.size);
 * ```
 */
export async function openSource(source: SnapshotSource): Promise<OpenSource> {
  if (typeof source === "string") {
    const text = source.trimStart();
    if (text === "" || text.startsWith("{") || text.startsWith("[")) return counted(textChunks(source), null, source.length * 3, null);
    return openPath(source.startsWith("file:") ? fileURLToPath(source) : source);
  }
  if (source instanceof URL) {
    if (source.protocol !== "file:") throw new SnapshotOptionsError(`readSnapshot source: only file: URLs can be read, not ${source.href}`);
    return openPath(fileURLToPath(source));
  }
  if (source instanceof ArrayBuffer) return openBytes(new Uint8Array(source));
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    return counted(streamChunks(source.stream()), source.size, null, typeof File !== "undefined" && source instanceof File ? source.name : null);
  }
  if (ArrayBuffer.isView(source)) {
    if (!(source instanceof Uint8Array)) throw new SnapshotOptionsError(`readSnapshot source: byte sources must be a Uint8Array or an ArrayBuffer, not ${describeValue(source)}`);
    return openBytes(source);
  }
  if (source && typeof (source as ReadableStream<Uint8Array>).getReader === "function") {
    return counted(streamChunks(source as ReadableStream<Uint8Array>), null, null, null);
  }
  if (source && (Symbol.asyncIterator in Object(source) || Symbol.iterator in Object(source))) {
    return counted(iterableChunks(source as AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>), null, null, null);
  }
  throw new SnapshotOptionsError(`readSnapshot source: cannot read a snapshot from ${describeValue(source)}`);
}

async function openPath(path: string): Promise<OpenSource> {
  const file = await openFileChunks(path);
  return { ...counted(file.chunks, file.size, null, path), path };
}

function openBytes(bytes: Uint8Array): OpenSource {
  return counted(byteSlices(bytes), bytes.length, null, null);
}

function counted(chunks: AsyncIterable<Uint8Array>, size: number | null, sizeBound: number | null, fileName: string | null): OpenSource {
  let bytes = 0;
  async function* counting() {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  return { chunks: counting(), size, sizeBound, fileName, path: null, bytesRead: () => bytes };
}

async function* byteSlices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, Math.min(bytes.length, at + SLICE_BYTES));
}

async function* textChunks(text: string): AsyncGenerator<Uint8Array> {
  yield* stringChunks(text, SLICE_BYTES);
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield toBytes(value);
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

async function* iterableChunks(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) yield toBytes(chunk);
}

const encoder = new TextEncoder();

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return encoder.encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new SnapshotOptionsError(`readSnapshot source: a chunk must be a Uint8Array or a string, not ${describeValue(chunk)}`);
}
