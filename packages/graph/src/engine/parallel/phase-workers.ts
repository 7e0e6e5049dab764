/**
 * The engine's injection point for a second thread: the engine never creates workers itself (it
 * is runtime-neutral: Node has `worker_threads`, Deno and Bun the Web `Worker`), it is handed a
 * {@link PhaseWorkers} that posts a job to a worker running {@link runPhaseJob}.
 *
 * @module
 */

/**
 * What a worker receives: plain data whose typed arrays all live on `SharedArrayBuffer` (the
 * snapshot's columns read with `sharedMemory: true`, the outputs and the control words the
 * engine allocates), so that posting it copies nothing of size.
 *
 * @example
 * ```ts
 * const workers: PhaseWorkers = { post: (job: PhaseJobMessage) => { worker.postMessage(job); return true; } };
 * ```
 */
export interface PhaseJobMessage {
  /** The job; the one there is today. */
  readonly kind: "dominators";
  /** `[state, done, total]`: see `DominatorJob`. */
  readonly control: Int32Array;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly rootOrdinal: number;
  readonly nodeType: Uint8Array;
  readonly nodeName: Uint32Array;
  readonly nodeId: Uint32Array;
  readonly firstEdge: Uint32Array;
  readonly edgeType: Uint8Array;
  readonly edgeNameOrIndex: Uint32Array;
  readonly edgeTarget: Uint32Array;
  /** The few strings the job reads (the root's synthetic children's names), by string index; a sparse array. */
  readonly strings: readonly string[];
  /** The snapshot's type codes (a plain object of numbers). */
  readonly codes: Readonly<Record<string, number>>;
  /** The WeakMap-pair index: pair id per string index, and the table id per pair. */
  readonly pairOfName: Int32Array;
  readonly tableId: readonly number[];
  readonly pairCount: number;
  /** Outputs, nodeCount + 1 entries each, zeroed: immediate dominators by vertex (ordinal + 1), and the DFS order. */
  readonly dominators: Uint32Array;
  readonly order: Uint32Array;
}

/**
 * A way to run engine phases on another thread, given to `buildGraph({ parallel })`. `post`
 * sends the message to a worker whose entry calls `runPhaseJob(message)` (spawning it on first
 * use) and returns true, or returns false when no worker can be had: the engine then computes on
 * its own thread. The engine may never post at all (small snapshots, columns not shared).
 *
 * @example
 * ```ts
 * import { Worker } from "node:worker_threads";
 * let worker: Worker | undefined;
 * const workers: PhaseWorkers = {
 *   post(job) {
 *     worker ??= new Worker(new URL("./phase-worker.js", import.meta.url));
 *     worker.unref();
 *     worker.postMessage(job);
 *     return true;
 *   },
 * };
 * const graph = buildGraph(await readSnapshot(file, { sharedMemory: true }), { parallel: workers });
 * ```
 */
export interface PhaseWorkers {
  post(job: PhaseJobMessage): boolean;
  /**
   * Snapshots with fewer edges than this stay on one thread (a worker's start and the engine's
   * load cost more than the phases it would take over). Default {@link PARALLEL_MIN_EDGES}.
   */
  readonly minEdges?: number;
}

/**
 * The default {@link PhaseWorkers.minEdges}: below it, one thread is as fast.
 *
 * @example
 * ```ts
 * const parallel = snapshot.edgeCount >= PARALLEL_MIN_EDGES;
 * ```
 */
export const PARALLEL_MIN_EDGES = 2_000_000;
