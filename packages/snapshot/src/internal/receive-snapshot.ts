/**
 * The common tail of every acquisition: snapshot bytes flow chunk by chunk into the
 * reader and, when asked, into a file that appears only if the whole snapshot arrived.
 *
 * @module
 */
import type { AtomicFile } from "./atomic-file.ts";
import type { HeapSnapshot } from "./heap-snapshot.ts";
import { readSnapshot } from "./read-snapshot.ts";

/**
 * Parses `chunks` with `readSnapshot` (V8 or JavaScriptCore format, recognized from
 * the data) and copies each chunk to `file` before the reader sees it. Commits `file`
 * when parsing succeeds; removes it when anything fails. `name` stands for the source
 * in format errors (an endpoint, or the runtime).
 *
 * @example
 * ```ts
 * const file = await AtomicFile.create("app.heapsnapshot");
 * const snapshot = await receiveSnapshot(chunks, file, "ws://127.0.0.1:9229/…");
 * ```
 */
export async function receiveSnapshot(chunks: AsyncIterable<Uint8Array>, file: AtomicFile | null, name: string): Promise<HeapSnapshot> {
  const source = file ? tee(chunks, file) : chunks;
  try {
    const snapshot = await readSnapshot(source, { fileName: name });
    await file?.commit();
    return snapshot;
  } catch (error) {
    await file?.abort();
    throw error;
  }
}

async function* tee(chunks: AsyncIterable<Uint8Array>, file: AtomicFile): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    await file.write(chunk);
    yield chunk;
  }
}
