/**
 * `readSnapshot`: any source of V8 or JavaScriptCore heap snapshot bytes, plain or
 * gzip, into the columnar {@link HeapSnapshot}, streaming.
 *
 * @module
 */
import { z } from "zod";
import { parseSnapshotOptions } from "../errors/parse-snapshot-options.ts";
import type { HeapSnapshot } from "../model/heap-snapshot.ts";
import { maybeGunzip } from "./gunzip.ts";
import { ProgressReporter, type ReadProgress } from "./read-progress.ts";
import type { ReadWarningListener } from "./read-warning.ts";
import { SnapshotFormatError } from "./snapshot-format-error.ts";
import { SnapshotParser } from "./snapshot-parser.ts";
import { PARALLEL_PARSE_MIN_BYTES, type ParseWorkers } from "./parallel/parse-workers.ts";
import { WorkerEdgeSection } from "./parallel/worker-edge-section.ts";
import { openSource, type SnapshotSource } from "./snapshot-source.ts";

const readSnapshotOptions = z.strictObject({
  /** Called with progress reports, a bounded number of times (at most a few hundred). Exceptions it throws are ignored. */
  onProgress: z.custom<(progress: ReadProgress) => void>((v) => typeof v === "function", "expected a function").optional(),
  /**
   * Called with each warning: data the reader skips past instead of refusing the file, as DevTools
   * does (a `locations` record pointing at no node). At most one call per kind of problem.
   * Exceptions it throws are ignored. Without it, skipped data goes unreported.
   */
  onWarning: z.custom<ReadWarningListener>((v) => typeof v === "function", "expected a function").optional(),
  /** Stops the read: the promise rejects with the signal's reason. */
  signal: z.custom<AbortSignal>((v) => typeof AbortSignal !== "undefined" && v instanceof AbortSignal, "expected an AbortSignal").optional(),
  /** Name for error messages when the source is not a file (a file source uses its path). */
  fileName: z.string().min(1).optional(),
  /** Size of a stream source in bytes, for progress reports only. */
  totalBytes: z.number().int().nonnegative().optional(),
  /** Require this format; the other one is rejected with `NOT_A_HEAP_SNAPSHOT`. Default: either. */
  format: z.enum(["v8", "jsc"]).optional(),
  /**
   * Allocate the V8 node and edge columns on `SharedArrayBuffer` (where the runtime has it), so that
   * workers can read them without a copy (the engine's parallel mode). Default false.
   */
  sharedMemory: z.boolean().optional(),
  /**
   * A second thread for the read (see {@link ParseWorkers}): a plain (not gzip) V8 snapshot file of
   * `parallel.minBytes` or more has its `edges` section read by the worker, into columns on
   * `SharedArrayBuffer`, while this thread reads the rest. Same result as without; when `post`
   * returns false, the read stays on this thread.
   */
  parallel: z.custom<ParseWorkers>((v) => typeof v === "object" && v !== null && typeof (v as ParseWorkers).post === "function", "expected { post(job) }").optional(),
});

const readJscSnapshotOptions = readSnapshotOptions.omit({ format: true, parallel: true });

/**
 * Options of {@link readSnapshot}: `onProgress`, `onWarning`, `signal`, `fileName`, `totalBytes`,
 * `format`, `sharedMemory`, `parallel` (derived from the schema that checks them).
 *
 * @example
 * ```ts
 * const options: ReadSnapshotOptions = { format: "v8", onProgress: (p) => console.log(p.phase) };
 * await readSnapshot("app.heapsnapshot", options);
 * ```
 */
export type ReadSnapshotOptions = z.input<typeof readSnapshotOptions>;

/** Most a gzip stream can expand (deflate's limit is about 1032:1). */
const GZIP_MAX_RATIO = 1032;

/**
 * Reads a heap snapshot into columns, chunk by chunk: the file is never held whole, no
 * section is ever one JS string, numbers go from bytes straight into typed arrays, and
 * strings are decoded one by one, so snapshots beyond V8's 512 MB string limit load.
 * V8 format (Node, Deno, Chrome, Bun's `"v8"` output) and JavaScriptCore format (Bun's
 * default) are recognized from the first key; gzip from the first bytes.
 *
 * Throws {@link SnapshotFormatError} for bad data (with section, byte offset and file
 * name), except what DevTools loads too (`locations` records that point at no node: skipped and
 * reported to `onWarning`), `SnapshotIoError` when a file cannot be read, and `SnapshotOptionsError`
 * (`INVALID_OPTIONS`) for a bad source or options.
 *
 * @example
 * ```ts
 * import { readSnapshot } from "@heapgraph/snapshot";
 * const snap = await readSnapshot("app.heapsnapshot.gz", {
 *   onProgress: ({ phase, bytesRead, totalBytes }) => console.log(phase, bytesRead, "/", totalBytes),
 * });
 * console.log(snap.nodeCount, "nodes", snap.edgeCount, "edges");
 * ```
 */
export async function readSnapshot(source: SnapshotSource, options: ReadSnapshotOptions = {}): Promise<HeapSnapshot> {
  const { onProgress, onWarning, signal, format, fileName: givenName, totalBytes, sharedMemory, parallel } = parseSnapshotOptions(readSnapshotOptions, options, "readSnapshot options");
  signal?.throwIfAborted();
  const src = await openSource(source);
  const fileName = src.fileName ?? givenName ?? null;
  const progress = new ProgressReporter(onProgress, src.size ?? totalBytes ?? null);
  let gzip = false;
  const chunks = maybeGunzip(src.chunks, (isGzip) => (gzip = isGzip), fileName);
  let parser: SnapshotParser | null = null;
  let edgeSection: WorkerEdgeSection | null = null;
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      signal?.throwIfAborted();
      if (next.done) break;
      // Known once the first chunk is in: whether the file is gzip.
      if (!parser && parallel && !gzip && src.path !== null && src.size !== null && src.size >= (parallel.minBytes ?? PARALLEL_PARSE_MIN_BYTES)) {
        edgeSection = new WorkerEdgeSection(parallel, src.path, fileName, src.size);
      }
      parser ??= new SnapshotParser({
        fileName,
        maxBytes: src.size !== null ? (gzip ? src.size * GZIP_MAX_RATIO : src.size) : src.sizeBound,
        exactSize: src.size !== null && !gzip,
        onSection: (key) => progress.phase(ProgressReporter.phaseOf(key), src.bytesRead()),
        onWarning: onWarning ?? null,
        sharedMemory,
        edgeSection,
      });
      parser.write(next.value);
      if (format && parser.format && parser.format !== format) {
        throw new SnapshotFormatError("NOT_A_HEAP_SNAPSHOT", `a ${parser.format === "jsc" ? "JavaScriptCore" : "V8"} snapshot where a ${format === "jsc" ? "JavaScriptCore" : "V8"} one was required`, { fileName });
      }
      progress.bytes(src.bytesRead());
    }
    parser ??= new SnapshotParser({ fileName, onWarning: onWarning ?? null });
    progress.phase("checking", src.bytesRead());
    if (edgeSection?.passedOver) {
      const edgeError = await edgeSection.settle();
      if (edgeError) throw edgeError;
    } else edgeSection?.stop();
    const snapshot = parser.end();
    progress.phase("done", src.bytesRead());
    return snapshot;
  } catch (error) {
    await iterator.return?.(undefined).catch(() => {});
    const first = edgeSection ? await firstError(edgeSection, error) : error;
    throw first instanceof SnapshotFormatError ? first.withFileName(fileName) : first;
  }
}

/**
 * The error a one-thread read would have thrown: `error`, unless the worker's `edges` section
 * holds one first (the parser passed the section over and failed later, or at the end).
 */
async function firstError(edgeSection: WorkerEdgeSection, error: unknown): Promise<unknown> {
  const at = edgeSection.valueAt;
  const later = error instanceof SnapshotFormatError && at !== null && (error.offset === null || error.offset >= at);
  if (!edgeSection.posted || !later) {
    edgeSection.stop();
    return error;
  }
  try {
    return (await edgeSection.settle()) ?? error;
  } catch {
    return error;
  }
}

/**
 * Reads a JavaScriptCore heap snapshot (Bun's default `Bun.generateHeapSnapshot()`, or the
 * `snapshotData` of WebKit's inspector `Heap.snapshot`); V8 input is rejected. Same as
 * `readSnapshot(source, { ...options, format: "jsc" })`. The node and edge kinds are mapped
 * onto V8's as the package README describes.
 *
 * @example
 * ```ts
 * import { readJscSnapshot, writeSnapshot } from "@heapgraph/snapshot";
 * const snap = await readJscSnapshot(JSON.stringify(Bun.generateHeapSnapshot()));
 * await writeSnapshot(snap, "bun.heapsnapshot"); // opens in Chrome DevTools
 * ```
 */
export async function readJscSnapshot(source: SnapshotSource, options: Omit<ReadSnapshotOptions, "format"> = {}): Promise<HeapSnapshot> {
  const checked = parseSnapshotOptions(readJscSnapshotOptions, options, "readJscSnapshot options");
  return readSnapshot(source, { ...checked, format: "jsc" });
}
