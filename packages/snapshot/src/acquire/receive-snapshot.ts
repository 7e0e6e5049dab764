/**
 * The common tail of every acquisition: snapshot bytes flow chunk by chunk into the
 * reader and, when asked, into a file that appears only if the whole snapshot arrived.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import type { HeapSnapshot } from "../model/heap-snapshot.ts";
import { readSnapshot } from "../read/read-snapshot.ts";
import { AtomicFile } from "../write/atomic-file.ts";

/**
 * The file a `saveTo` option names, opened for an atomic write (it appears only on commit), or
 * null when there is none. Opening first means a bad directory fails before any snapshot is taken.
 *
 * @example
 * ```ts
 * const file = await createSaveFile(options.saveTo); // AtomicFile | null
 * const snapshot = await receiveSnapshot(chunks, file, "takeSnapshot (node)");
 * ```
 */
export function createSaveFile(saveTo: string | URL | undefined): Promise<AtomicFile | null> {
  if (saveTo === undefined) return Promise.resolve(null);
  return AtomicFile.create(saveTo instanceof URL ? fileURLToPath(saveTo) : saveTo);
}

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
