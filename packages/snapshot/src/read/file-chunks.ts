/**
 * Reads a file as byte chunks with `node:fs/promises`, which Node, Deno and Bun all
 * implement. One read is always in flight ahead of the consumer, so that disk and
 * parsing overlap.
 *
 * @module
 */
import { open, type FileHandle } from "node:fs/promises";
import { SnapshotIoError } from "../errors/snapshot-io-error.ts";

const CHUNK_BYTES = 1 << 20;

/**
 * An open file: its size and its chunks. Iterate once; the file closes when iteration ends.
 * A chunk's bytes are valid until the consumer asks for the next one (buffers are reused).
 */
export interface FileChunks {
  readonly size: number;
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * Opens `path` for chunked reading. Throws {@link SnapshotIoError} (`NOT_FOUND`, `READ_FAILED`).
 *
 * @example
 * ```ts
 * const file = await openFileChunks("app.heapsnapshot");
 * for await (const chunk of file.chunks) console.log(chunk.length, "of", file.size);
 * ```
 */
export async function openFileChunks(path: string): Promise<FileChunks> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    const code = (cause as { code?: string }).code === "ENOENT" ? "NOT_FOUND" : "READ_FAILED";
    throw new SnapshotIoError(code, path, code === "NOT_FOUND" ? "no such file" : "cannot open the file", { cause });
  }
  let size: number;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error("not a regular file");
    size = stat.size;
  } catch (cause) {
    await handle.close().catch(() => {});
    throw new SnapshotIoError("READ_FAILED", path, "not a readable file", { cause });
  }
  return { size, chunks: readAll(handle, path, size) };
}

async function* readAll(handle: FileHandle, path: string, size: number): AsyncGenerator<Uint8Array> {
  // Two buffers take turns: one is the consumer's until it asks for the next chunk, the
  // other is being filled meanwhile. Fresh buffers per chunk would make the runtime collect
  // garbage for every few hundred megabytes of external memory.
  const buffers = [new Uint8Array(Math.min(CHUNK_BYTES, Math.max(1, size))), new Uint8Array(Math.min(CHUNK_BYTES, Math.max(1, size)))];
  const read = async (position: number, buffer: Uint8Array): Promise<Uint8Array> => {
    try {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
    } catch (cause) {
      throw new SnapshotIoError("READ_FAILED", path, `reading at byte ${position} failed`, { cause });
    }
  };
  let position = 0;
  let turn = 0;
  let pending: Promise<Uint8Array> | null = read(0, buffers[0]);
  try {
    while (pending) {
      const chunk = await pending;
      pending = null;
      if (chunk.length === 0) break;
      position += chunk.length;
      turn ^= 1;
      pending = read(position, buffers[turn]);
      pending.catch(() => {}); // observed when awaited; the consumer may stop first
      yield chunk;
    }
  } finally {
    if (pending) await pending.catch(() => {});
    await handle.close().catch(() => {});
  }
}
