/**
 * The reader's injection point for a second thread. The snapshot package never creates workers
 * (it is runtime-neutral: Node has `worker_threads`, Deno and Bun the Web `Worker`); the caller
 * hands `readSnapshot(path, { parallel })` a {@link ParseWorkers} that runs
 * {@link runEdgeSectionJob} on a worker, and the worker reads the `edges` section of the file into
 * shared columns while this thread reads the nodes, the strings and the rest.
 *
 * @module
 */

/**
 * What the worker receives: plain data, its typed arrays on `SharedArrayBuffer`.
 *
 * @example
 * ```ts
 * const parallel: ParseWorkers = { post: (job: EdgeSectionJob) => runOnMyWorker(job) };
 * ```
 */
export interface EdgeSectionJob {
  /** The job kind, for worker entries that run more than one. */
  readonly kind: "snapshot-edges";
  /** The file to read (a plain, uncompressed snapshot). */
  readonly path: string;
  /** Named in error messages. */
  readonly fileName: string | null;
  /** The file's size in bytes. */
  readonly size: number;
  /** The parsed `snapshot` header (the worker works out the same layout from it). */
  readonly header: unknown;
  /** Where to look for the `"edges"` key from (past the least room the `nodes` value can take). */
  readonly searchFrom: number;
  /** Where the `edges` value starts (after the key's colon) when known: then no search. */
  readonly valueStart: number | null;
  /** The output columns, `edge_count` long. */
  readonly edgeType: Uint8Array;
  readonly edgeNameOrIndex: Uint32Array;
  readonly edgeTarget: Uint32Array;
  /** `[stop]`: the reading thread sets 1 when the result is no longer wanted. */
  readonly control: Int32Array;
}

/**
 * A `SnapshotFormatError` as data (errors do not cross threads with their class).
 *
 * @example
 * ```ts
 * const e: SnapshotFormatErrorData = { code: "BAD_NUMBER", problem: "not a number", section: "edges", offset: 120, expected: "a number", found: '"x"' };
 * ```
 */
export interface SnapshotFormatErrorData {
  readonly code: string;
  readonly problem: string;
  readonly section: string | null;
  readonly offset: number | null;
  readonly expected: string | null;
  readonly found: string | null;
}

/**
 * What the worker found.
 *
 * @example
 * ```ts
 * const result = await runEdgeSectionJob(job);
 * if (result.error) console.log("bad edges at byte", result.error.offset);
 * ```
 */
export interface EdgeSectionResult {
  /** Where the `edges` value it read starts (after the key's colon); null when it found no `"edges"` key. */
  readonly valueStart: number | null;
  /** The edge reader's counters (see `EdgeSectionOutcome`). */
  readonly records: number;
  readonly field: number;
  readonly maxName: number;
  /** The edge reader reached the array's closing "]". */
  readonly done: boolean;
  /** What was wrong with the section's bytes, as the one-thread reader would have thrown it. */
  readonly error: SnapshotFormatErrorData | null;
  /** The job could not run (a read failed, it was stopped): the reading thread reads the edges itself. */
  readonly failed: string | null;
}

/**
 * A way to read a snapshot's edges on another thread, given to `readSnapshot(path, { parallel })`.
 * `post` sends the job to a worker whose entry calls `runEdgeSectionJob(job)` and resolves with its
 * result, or returns false when no worker can be had: the reader then reads on its own thread. The
 * reader posts only for plain files of {@link minBytes} or more.
 *
 * @example
 * ```ts
 * const parallel: ParseWorkers = {
 *   post(job) {
 *     return new Promise((resolve) => {
 *       worker.once("message", resolve);
 *       worker.postMessage(job);
 *     });
 *   },
 * };
 * const snapshot = await readSnapshot("app.heapsnapshot", { parallel });
 * ```
 */
export interface ParseWorkers {
  post(job: EdgeSectionJob): Promise<EdgeSectionResult> | false;
  /** Files smaller than this are read on one thread. Default {@link PARALLEL_PARSE_MIN_BYTES}. */
  readonly minBytes?: number;
}

/**
 * The default {@link ParseWorkers.minBytes} (decimal bytes). An estimate, not a measured
 * break-even (the 2-core machine it was written on was never quiet): the worker takes the edges,
 * ~40% of the one-thread read's CPU time `T` (measured at 134 MB: 590 ms of the reading thread's CPU
 * alone, 416 ms with the worker), but must first load the reader, `L` (~170-210 ms measured under
 * load), so two threads win when `L + 0.4 T < T`, and clearly only when `L` is well below `0.6 T`:
 * from about 100 MB on a quiet machine (`T` ≈ 0.37 s at 134 MB). The bench's
 * "heapgraph parse, 2 threads" case runs every size on two threads, to settle it.
 *
 * @example
 * ```ts
 * const worthIt = fileSize >= PARALLEL_PARSE_MIN_BYTES;
 * ```
 */
export const PARALLEL_PARSE_MIN_BYTES = 100e6;
