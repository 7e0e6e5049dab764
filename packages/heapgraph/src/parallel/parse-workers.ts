/**
 * The reader's second thread on this runtime: a {@link ParseWorkers} for
 * `readSnapshot(path, { parallel })`, one worker running `parse-worker` (`node:worker_threads`, which
 * Node, Deno and Bun all have; a Web `Worker` elsewhere) that reads the snapshot's `edges` section
 * while this thread reads the rest.
 *
 * @module
 */
import { statSync } from "node:fs";
import { Worker as NodeWorker } from "node:worker_threads";
import { PARALLEL_PARSE_MIN_BYTES, type EdgeSectionJob, type EdgeSectionResult, type ParseWorkers } from "@heapgraph/snapshot";
import { availableCores, threadsWanted, THREADS_VARIABLE } from "./phase-workers.ts";

/** What both kinds of worker offer that is used here. */
interface WorkerLike {
  postMessage(message: unknown): void;
  ref?(): void;
  unref?(): void;
  terminate(): unknown;
  addEventListener?(type: "message" | "error", listener: (event: { data?: unknown }) => void): void;
  on?(type: "message" | "error", listener: (value: unknown) => void): void;
}

type WebWorkerCtor = new (url: URL, options: { type: "module" }) => WorkerLike;

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
  const open = (): WorkerLike => {
    // Sources run through a TypeScript loader in development; the build has .js files.
    const source = import.meta.url.endsWith(".ts");
    const url = new URL(source ? "./parse-worker.ts" : "./parse-worker.js", import.meta.url);
    const WebWorker = (globalThis as { Worker?: WebWorkerCtor }).Worker;
    // A Node that does not strip types (20, sources run through a loader) cannot start the worker from sources.
    if (source && typeof WebWorker !== "function" && !(process.features as { typescript?: unknown }).typescript) throw new Error("no parse worker from TypeScript sources on this Node");
    // node:worker_threads where the runtime has it (Node, Deno, Bun): its unref() lets the process
    // exit beside an idle worker, which a Web Worker in Deno does not.
    const w: WorkerLike = typeof NodeWorker === "function" ? new NodeWorker(url) : new WebWorker!(url, { type: "module" });
    if (w.on) {
      w.on("message", answer);
      w.on("error", () => failAll("the parse worker failed"));
    } else {
      w.addEventListener?.("message", (event) => answer(event.data));
      w.addEventListener?.("error", () => failAll("the parse worker failed"));
    }
    w.unref?.();
    return w;
  };
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
 * follow `threadsWanted`). Off for now: on the loaded 2-core machine it was measured on, the reading
 * thread's CPU time fell by ~35-40% at 134 MB and 407 MB, but the process's total CPU rose by ~40%
 * (the worker loads the reader and reads the file again) and wall time did not fall (no core was
 * free); to be decided by the bench's "heapgraph parse, 2 threads" case on a quiet machine.
 * `HEAPGRAPH_THREADS=2` turns it on.
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
