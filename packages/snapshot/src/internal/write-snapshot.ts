/**
 * `writeSnapshot`: a {@link HeapSnapshot} back to V8's `.heapsnapshot` JSON, to a file,
 * a stream or a callback; gzip on request.
 *
 * @module
 */
import { z } from "zod";
import { ByteWriter } from "./byte-writer.ts";
import type { HeapSnapshot } from "./heap-snapshot.ts";
import { openSink, type SnapshotSink } from "./snapshot-sink.ts";
import { serializeV8 } from "./v8-snapshot-writer.ts";

/** Options of {@link writeSnapshot}. */
export interface WriteSnapshotOptions {
  /** Gzip the output. Default: true for a path ending in `.gz`, false otherwise. */
  gzip?: boolean;
  /** Stops the write; a file sink is then removed, a stream aborted. */
  signal?: AbortSignal;
}

const optionsSchema = z.strictObject({
  gzip: z.boolean().optional(),
  signal: z.custom<AbortSignal>((v) => typeof AbortSignal !== "undefined" && v instanceof AbortSignal, "an AbortSignal").optional(),
});

/**
 * Writes `snapshot` in V8 heap snapshot format, sections in V8's order, so that
 * `readSnapshot` gives back identical columns and Chrome DevTools (Memory panel, "Load
 * profile") opens it. This is also how a Bun JavaScriptCore snapshot becomes a file
 * DevTools can open. A file sink appears only when complete (temporary file, then
 * rename); on failure nothing is left behind.
 *
 * Throws `SnapshotIoError` (`WRITE_FAILED`) when the file cannot be written, `TypeError`
 * for bad arguments or a snapshot whose header does not describe its columns.
 *
 * @example
 * ```ts
 * import { readSnapshot, writeSnapshot } from "@heapgraph/snapshot";
 * const snap = await readSnapshot("bun-jsc.json");
 * await writeSnapshot(snap, "bun.heapsnapshot.gz");
 * ```
 */
export async function writeSnapshot(snapshot: HeapSnapshot, sink: SnapshotSink, options: WriteSnapshotOptions = {}): Promise<void> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new TypeError(`invalid writeSnapshot options: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  const { gzip, signal } = parsed.data;
  if (!snapshot || typeof snapshot !== "object" || !snapshot.header || !snapshot.firstEdge) {
    throw new TypeError("writeSnapshot: the first argument must be a HeapSnapshot");
  }
  signal?.throwIfAborted();
  const out = await openSink(sink, gzip);
  try {
    const writer = new ByteWriter(async (chunk) => {
      signal?.throwIfAborted();
      await out.write(chunk);
    });
    await serializeV8(snapshot, writer);
    await writer.flush();
    signal?.throwIfAborted();
    await out.commit();
  } catch (error) {
    await out.abort(error).catch(() => {});
    throw error;
  }
}
