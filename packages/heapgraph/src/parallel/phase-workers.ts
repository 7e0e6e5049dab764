/**
 * The engine's second thread on this runtime: one worker, started on the first job, that runs
 * `phase-worker` (see `startWorker`).
 *
 * @module
 */
import { statSync } from "node:fs";
import * as os from "node:os";
import type { PhaseJobMessage, PhaseWorkers } from "@heapgraph/graph";
import { startWorker, type WorkerLike } from "./start-worker.ts";

/** The environment variable that forces the second thread on (`HEAPGRAPH_THREADS=2`) or off (`1`). */
export const THREADS_VARIABLE = "HEAPGRAPH_THREADS";

/**
 * Whether commands use a second thread: `HEAPGRAPH_THREADS` set to `2` or more, always; set to
 * anything else (`1`), never; unset or empty, when the machine has two cores or more. Either way
 * only for files of {@link PARALLEL_MIN_FILE_BYTES} or more (`prepare`) whose snapshot has
 * `PARALLEL_MIN_EDGES` edges or more (the engine). On one core the worker would only take turns
 * with the main thread.
 *
 * @example
 * ```ts
 * threadsWanted(process.env.HEAPGRAPH_THREADS, availableCores()); // true on two cores, variable unset
 * threadsWanted("1", 8); // false
 * ```
 */
export function threadsWanted(setting: string | undefined, cores: number): boolean {
  if (setting === undefined || setting.trim() === "") return cores >= 2;
  return Number(setting) >= 2;
}

/**
 * Whether commands use a second thread when `HEAPGRAPH_THREADS` is not set: on a machine with two
 * cores or more (see {@link threadsWanted}).
 *
 * @example
 * ```ts
 * const on = setting ? Number(setting) >= 2 : THREADS_BY_DEFAULT;
 * ```
 */
export const THREADS_BY_DEFAULT: boolean = availableCores() >= 2;

/**
 * The cores this process may use (`os.availableParallelism()`, or the CPU count where a runtime lacks it).
 *
 * @example
 * ```ts
 * const twoThreads = availableCores() >= 2;
 * ```
 */
export function availableCores(): number {
  try {
    return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  } catch {
    return 1;
  }
}

/**
 * Files from this size on (decimal bytes; gzip files count 8 times their size) are read onto shared
 * memory and get their worker started while they are read: about `PARALLEL_MIN_EDGES` edges' worth.
 */
export const PARALLEL_MIN_FILE_BYTES = 40e6;

/** {@link PhaseWorkers} that can also start their worker ahead of the first job. */
export interface ProcessPhaseWorkers extends PhaseWorkers {
  /**
   * Whether the snapshot at `path` is worth a second thread (its size); if so, starts the worker
   * now, so that it has loaded the engine by the time the first job comes. Read the file with
   * `sharedMemory` set to the answer.
   */
  prepare(path: string): boolean;
}

let shared: ProcessPhaseWorkers | undefined | null = null;

/**
 * The process's {@link PhaseWorkers} for `buildGraph({ parallel })`, or undefined when phases
 * should stay on one thread: see {@link threadsWanted} (`HEAPGRAPH_THREADS=1`, or one core), or no
 * `SharedArrayBuffer` here. Read the snapshot with `sharedMemory` set to what `prepare(path)`
 * answers. The worker does not keep the process alive; a worker that fails to start makes the
 * engine compute on its own thread.
 *
 * @example
 * ```ts
 * const parallel = phaseWorkers();
 * const snapshot = await readSnapshot(file, { sharedMemory: parallel?.prepare(file) ?? false });
 * const graph = buildGraph(snapshot, { parallel });
 * ```
 */
export function phaseWorkers(): ProcessPhaseWorkers | undefined {
  if (shared === null) {
    const setting = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[THREADS_VARIABLE];
    shared = typeof SharedArrayBuffer === "function" && threadsWanted(setting, availableCores()) ? createPhaseWorkers() : undefined;
  }
  return shared;
}

/**
 * A new {@link PhaseWorkers} with its own (lazily started) worker.
 *
 * @example
 * ```ts
 * const graph = buildGraph(snapshot, { parallel: createPhaseWorkers({ minEdges: 0 }) });
 * ```
 */
export function createPhaseWorkers(options: { minEdges?: number } = {}): ProcessPhaseWorkers {
  let worker: WorkerLike | null = null;
  let broken = false;
  const start = (): WorkerLike =>
    startWorker("phase-worker", {
      onError: () => {
        broken = true;
      },
    });
  const started = (): boolean => {
    if (broken) return false;
    try {
      worker ??= start();
      return true;
    } catch {
      broken = true;
      return false;
    }
  };
  return {
    minEdges: options.minEdges,
    prepare(path: string): boolean {
      let bytes = 0;
      try {
        bytes = statSync(path).size * (path.endsWith(".gz") ? 8 : 1);
      } catch {
        return false;
      }
      return bytes >= PARALLEL_MIN_FILE_BYTES && started();
    },
    post(job: PhaseJobMessage): boolean {
      if (!started()) return false;
      try {
        worker!.postMessage(job);
        return true;
      } catch {
        broken = true;
        return false;
      }
    },
  };
}
