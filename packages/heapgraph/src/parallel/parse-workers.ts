/**
 * The reader's second thread on this runtime: a {@link ParseWorkers} for
 * `readSnapshot(path, { parallel })`, one worker running `parse-worker` (see `startWorker`) that reads the snapshot's `edges` section
 * while this thread reads the rest.
 *
 * @module
 */
import { statSync } from "node:fs";
import { PARALLEL_PARSE_MIN_BYTES, type EdgeSectionJob, type EdgeSectionResult, type ParseWorkers } from "@heapgraph/snapshot";
import { availableCores, threadsWanted, THREADS_VARIABLE } from "./phase-workers.ts";
import { startWorker, type WorkerLike } from "./start-worker.ts";

/** A message to the worker, and its answer. */
interface ParseRequest {
  readonly id: number;
  readonly job: EdgeSectionJob;
}
interface ParseReply {
  readonly id: number;
  readonly result: EdgeSectionResult;
}

/** {@link ParseWorkers} whose worker can be started ahead of the read, and stopped. */
export interface ProcessParseWorkers extends ParseWorkers {
  /** Starts the worker now (its start costs tens of milliseconds), so that it is ready when the header is read. False when it cannot start. */
  start(): boolean;
  /** Ends the worker (jobs in flight resolve as failed; the reader then reads on its own thread). */
  close(): void;
}

/**
 * A new {@link ParseWorkers} with its own worker, started by `start()` or the first job. The worker
 * keeps the process alive only while a job is in flight; one that cannot start makes the reader
 * read on its own thread.
 *
 * @example
 * ```ts
 * const parallel = createParseWorkers();
 * parallel.start(); // before opening the file
 * const snapshot = await readSnapshot("app.heapsnapshot", { parallel });
 * ```
 */
export function createParseWorkers(options: { minBytes?: number } = {}): ProcessParseWorkers {
  let worker: WorkerLike | null = null;
  let broken = false;
  let nextId = 0;
  const waiting = new Map<number, (result: EdgeSectionResult) => void>();
  const failAll = (why: string) => {
    broken = true;
    for (const resolve of waiting.values()) resolve(failed(why));
    waiting.clear();
    worker?.unref?.();
  };
  const answer = (data: unknown) => {
    const reply = data as ParseReply;
    const resolve = waiting.get(reply?.id);
    if (!resolve) return;
    waiting.delete(reply.id);
    resolve(reply.result);
    if (waiting.size === 0) worker?.unref?.();
  };
  const open = (): WorkerLike => startWorker("parse-worker", { onMessage: answer, onError: () => failAll("the parse worker failed") });
  const started = (): boolean => {
    if (broken) return false;
    try {
      worker ??= open();
      return true;
    } catch {
      broken = true;
      return false;
    }
  };
  return {
    minBytes: options.minBytes,
    start: started,
    post(job: EdgeSectionJob): Promise<EdgeSectionResult> | false {
      if (!started()) return false;
      const id = nextId++;
      const request: ParseRequest = { id, job };
      const result = new Promise<EdgeSectionResult>((resolve) => waiting.set(id, resolve));
      try {
        worker!.ref?.();
        worker!.postMessage(request);
      } catch {
        waiting.delete(id);
        if (waiting.size === 0) worker!.unref?.();
        return false;
      }
      return result;
    },
    close(): void {
      const w = worker;
      failAll("the parse worker was closed");
      worker = null;
      if (w) void Promise.resolve(w.terminate()).catch(() => {});
    },
  };
}

function failed(why: string): EdgeSectionResult {
  return { valueStart: null, records: 0, field: 0, maxName: 0, done: false, error: null, failed: why };
}

/**
 * Whether the command reads on two threads when `HEAPGRAPH_THREADS` is not set (the engine's phases
 * follow `threadsWanted`). Off: on an idle 2-core machine (bench, medians of 3) the read alone is
 * faster on two threads (134 MB: 0.71 s against 0.78 s; 407 MB: 1.54 against 2.16 s; 895 MB: 3.19
 * against 4.19 s), but the whole `summary --no-cache` beside the phase worker was not reliably
 * faster (134 MB: 2.65 against 2.44 s; 407 MB: 5.51 against 5.68 s; 895 MB: 11.0 against 9.93 s;
 * 1.48 GB: 15.5 against 18.0 s) and took 20-45 MB more peak RSS. `HEAPGRAPH_THREADS=2` turns it on.
 */
export const PARSE_THREADS_BY_DEFAULT = false;

let processWorkers: ProcessParseWorkers | undefined;

/** Whether `HEAPGRAPH_THREADS` (read at each call) or {@link PARSE_THREADS_BY_DEFAULT} asks for a parse worker. */
function parseThreadsWanted(): boolean {
  const setting = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[THREADS_VARIABLE];
  if (setting !== undefined && setting.trim() !== "") return threadsWanted(setting, availableCores());
  return PARSE_THREADS_BY_DEFAULT && threadsWanted(setting, availableCores());
}

/**
 * The process's {@link ParseWorkers} for reading the file at `path`, its worker started now (while
 * the file is opened), or undefined when the read should stay on one thread: not asked for
 * (`HEAPGRAPH_THREADS=2`, or {@link PARSE_THREADS_BY_DEFAULT} with the engine's `threadsWanted`), a
 * gzip file, or a file below `PARALLEL_PARSE_MIN_BYTES`.
 *
 * @example
 * ```ts
 * const snapshot = await readSnapshot(path, { parallel: parseWorkersFor(path) });
 * ```
 */
export function parseWorkersFor(path: string): ProcessParseWorkers | undefined {
  if (typeof SharedArrayBuffer !== "function" || !parseThreadsWanted()) return undefined;
  if (path.endsWith(".gz")) return undefined;
  let bytes = 0;
  try {
    bytes = statSync(path).size;
  } catch {
    return undefined;
  }
  if (bytes < PARALLEL_PARSE_MIN_BYTES) return undefined;
  processWorkers ??= createParseWorkers();
  return processWorkers.start() ? processWorkers : undefined;
}
