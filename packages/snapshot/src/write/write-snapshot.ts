/**
 * `writeSnapshot`: a {@link HeapSnapshot} back to V8's `.heapsnapshot` JSON, to a file,
 * a stream or a callback; gzip on request.
 *
 * @module
 */
import { z } from "zod";
import { parseSnapshotOptions } from "../errors/parse-snapshot-options.ts";
import type { HeapSnapshot } from "../model/heap-snapshot.ts";
import { ByteWriter } from "./byte-writer.ts";
import { openSink, type SnapshotSink } from "./snapshot-sink.ts";
import { serializeV8 } from "./v8-snapshot-writer.ts";

const writeSnapshotOptions = z.strictObject({
  /** Gzip the output. Default: true for a path ending in `.gz`, false otherwise. */
  gzip: z.boolean().optional(),
  /** Stops the write; a file sink is then removed, a stream aborted. */
  signal: z.custom<AbortSignal>((v) => typeof AbortSignal !== "undefined" && v instanceof AbortSignal, "expected an AbortSignal").optional(),
});

/**
 * Options of {@link writeSnapshot}: `gzip`, `signal` (derived from the schema that checks them).
 *
 * @example
 * ```ts
 * const options: WriteSnapshotOptions = { gzip: true, signal: AbortSignal.timeout(60_000) };
 * await writeSnapshot(snap, "app.heapsnapshot.gz", options);
 * ```
 */
export type WriteSnapshotOptions = z.input<typeof writeSnapshotOptions>;

/** A value with the columns of a `HeapSnapshot` (the writer checks the header's fields itself). */
const heapSnapshot = z.custom<HeapSnapshot>(
  (v) => typeof v === "object" && v !== null && "header" in v && "firstEdge" in v && !!v.header && !!v.firstEdge,
  "expected a HeapSnapshot",
);

/**
 * Writes `snapshot` in V8 heap snapshot format, sections in V8's order, so that
 * `readSnapshot` gives back identical columns and Chrome DevTools (Memory panel, "Load
 * profile") opens it. This is also how a Bun JavaScriptCore snapshot becomes a file
 * DevTools can open. A file sink appears only when complete (temporary file, then
 * rename); on failure nothing is left behind.
 *
 * Throws `SnapshotIoError` (`WRITE_FAILED`) when the file cannot be written, and
 * `SnapshotOptionsError` (`INVALID_OPTIONS`) for a bad sink or options, or a snapshot whose
 * header does not describe its columns.
 *
 * @example
 * ```ts
 * import { readSnapshot, writeSnapshot } from "@heapgraph/snapshot";
 * const snap = await readSnapshot("bun-jsc.json");
 * await writeSnapshot(snap, "bun.heapsnapshot.gz");
 * ```
 */
export async function writeSnapshot(snapshot: HeapSnapshot, sink: SnapshotSink, options: WriteSnapshotOptions = {}): Promise<void> {
  const { gzip, signal } = parseSnapshotOptions(writeSnapshotOptions, options, "writeSnapshot options");
  parseSnapshotOptions(heapSnapshot, snapshot, "writeSnapshot snapshot");
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
