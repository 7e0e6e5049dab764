/**
 * Bun's side of `takeSnapshot`: `Bun.gc(true)` and `Bun.generateHeapSnapshot("v8")`, which
 * hands over the whole snapshot as one string (so on Bun a snapshot must fit in one string).
 *
 * @module
 */
import { stringChunks } from "../../../read/string-chunks.ts";

interface BunLike {
  gc(force: boolean): void;
  generateHeapSnapshot(format: "v8"): string;
}

const bun = (): BunLike => (globalThis as unknown as { Bun: BunLike }).Bun;

/**
 * A full, synchronous garbage collection (`Bun.gc(true)`).
 *
 * @example
 * ```ts
 * await collectGarbage(60_000);
 * ```
 */
export async function collectGarbage(_timeoutMs: number): Promise<void> {
  bun().gc(true);
}

/**
 * This process's heap snapshot in V8's format, from `Bun.generateHeapSnapshot("v8")`, in
 * UTF-8 slices of the one string Bun returns.
 *
 * @example
 * ```ts
 * for await (const chunk of await heapSnapshotChunks()) bytes += chunk.length;
 * ```
 */
export async function heapSnapshotChunks(): Promise<AsyncIterable<Uint8Array>> {
  return fromSync(stringChunks(bun().generateHeapSnapshot("v8")));
}

async function* fromSync(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* chunks;
}
