/**
 * The reading thread's side of a two-thread read: an {@link EdgeSectionDelegate} that posts the
 * `edges` section to a {@link ParseWorkers} worker when the `nodes` section starts, and, once the
 * parser has passed the section over, takes the worker's counters, or its error.
 *
 * The worker finds the section by searching the file for the `"edges"` key; the parser's own
 * position of the key decides: when they differ (a value elsewhere reading `"edges":`), or the
 * worker could not run, the section is read again here from the parser's position. Either way the
 * columns, counters and errors are those of a one-thread read.
 *
 * @module
 */
import { SnapshotIoError } from "../../errors/snapshot-io-error.ts";
import { SnapshotFormatError, type SnapshotFormatErrorCode } from "../snapshot-format-error.ts";
import type { EdgeSectionDelegate, EdgeSectionOutcome } from "../v8/edge-section-delegate.ts";
import type { V8Columns } from "../v8/v8-columns.ts";
import type { V8Layout } from "../v8/v8-layout.ts";
import { runEdgeSectionJob } from "./edge-section-job.ts";
import type { EdgeSectionJob, EdgeSectionResult, ParseWorkers } from "./parse-workers.ts";

/**
 * Hands one file's `edges` section to a worker.
 *
 * @example
 * ```ts
 * const edges = new WorkerEdgeSection(parallel, path, path, size);
 * const parser = new SnapshotParser({ fileName: path, maxBytes: size, exactSize: true, edgeSection: edges });
 * for await (const chunk of chunks) parser.write(chunk);
 * const error = await edges.settle();
 * if (error) throw error;
 * const snapshot = parser.end();
 * ```
 */
export class WorkerEdgeSection implements EdgeSectionDelegate {
  readonly sharedEdges = true;
  outcome: EdgeSectionOutcome | null = null;
  readonly #workers: ParseWorkers;
  readonly #path: string;
  readonly #fileName: string | null;
  readonly #size: number;
  #job: EdgeSectionJob | null = null;
  #pending: Promise<EdgeSectionResult> | null = null;
  /** Where the parser met the `edges` value. */
  #valueAt: number | null = null;
  #settled: Promise<SnapshotFormatError | null> | null = null;

  constructor(workers: ParseWorkers, path: string, fileName: string | null, size: number) {
    this.#workers = workers;
    this.#path = path;
    this.#fileName = fileName;
    this.#size = size;
  }

  /** True once the job is with a worker. */
  get posted(): boolean {
    return this.#pending !== null;
  }

  /** True when the parser has met the `edges` value and passed it over: {@link settle} before `end()`. */
  get passedOver(): boolean {
    return this.#valueAt !== null && this.#pending !== null;
  }

  /** Where the parser met the `edges` value (after the key's colon), or null. */
  get valueAt(): number | null {
    return this.#valueAt;
  }

  begin(layout: V8Layout, cols: V8Columns, offset: number): boolean {
    // Extra edge fields would land in columns the worker cannot share back.
    if (layout.extraEdgeFieldNames.length > 0 || typeof SharedArrayBuffer !== "function") return false;
    if (!(cols.edgeType.buffer instanceof SharedArrayBuffer) || !(cols.edgeTarget.buffer instanceof SharedArrayBuffer) || !(cols.edgeNameOrIndex.buffer instanceof SharedArrayBuffer)) return false;
    const job: EdgeSectionJob = {
      kind: "snapshot-edges",
      path: this.#path,
      fileName: this.#fileName,
      size: this.#size,
      header: layout.header,
      // The nodes come first (as V8 writes them) and take two bytes a value at least (a digit and a
      // comma): the key cannot start sooner. (Another order only makes the worker miss: checked.)
      searchFrom: offset + Math.max(0, 2 * layout.nodeCount * layout.nodeFieldCount - 16),
      valueStart: null,
      edgeType: cols.edgeType,
      edgeNameOrIndex: cols.edgeNameOrIndex,
      edgeTarget: cols.edgeTarget,
      control: new Int32Array(new SharedArrayBuffer(4)),
    };
    let posted: Promise<EdgeSectionResult> | false;
    try {
      posted = this.#workers.post(job);
    } catch {
      posted = false;
    }
    if (!posted) return false;
    this.#job = job;
    this.#pending = Promise.resolve(posted).catch((error: unknown) => failedResult(error));
    return true;
  }

  passOver(offset: number): void {
    this.#valueAt = offset;
  }

  /**
   * Waits for the section to be read (by the worker, or here when its answer cannot be used), sets
   * {@link outcome}, and returns the error a one-thread read would have thrown in the section, or null.
   */
  settle(): Promise<SnapshotFormatError | null> {
    this.#settled ??= this.#settle();
    return this.#settled;
  }

  /** Tells the worker its answer is no longer wanted (the read failed before the edges section). */
  stop(): void {
    if (this.#job) Atomics.store(this.#job.control, 0, 1);
    this.#pending?.catch(() => {});
  }

  async #settle(): Promise<SnapshotFormatError | null> {
    const job = this.#job, valueAt = this.#valueAt;
    if (!job || !this.#pending || valueAt === null) throw new Error("settle() before the edges section was passed over");
    let result = await this.#pending;
    if (result.failed !== null || result.valueStart !== valueAt) {
      result = await runEdgeSectionJob({ ...job, valueStart: valueAt, control: new Int32Array(1) });
      if (result.failed !== null) throw new SnapshotIoError("READ_FAILED", this.#path, `reading the edges section again failed: ${result.failed}`);
    }
    this.outcome = { records: result.records, field: result.field, maxName: result.maxName };
    const e = result.error;
    if (!e) return null;
    return new SnapshotFormatError(e.code as SnapshotFormatErrorCode, e.problem, {
      section: e.section,
      offset: e.offset,
      expected: e.expected ?? undefined,
      found: e.found ?? undefined,
      fileName: this.#fileName,
    });
  }
}

function failedResult(error: unknown): EdgeSectionResult {
  return { valueStart: null, records: 0, field: 0, maxName: 0, done: false, error: null, failed: error instanceof Error ? error.message : String(error) };
}
