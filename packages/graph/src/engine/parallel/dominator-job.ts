import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "../build-options.ts";
import type { TypeCodes } from "../graph-index-types.ts";
import type { DominatorResult } from "../phases/dominators.ts";
import type { EphemeronPairTable } from "../phases/ephemeron-edges.ts";
import { PhaseProgress } from "../progress.ts";
import { PARALLEL_MIN_EDGES, type PhaseJobMessage, type PhaseWorkers } from "./phase-workers.ts";

/** `control[STATE]` values: posted, taken by the worker, finished, failed, taken back by the engine's thread. */
export const QUEUED = 0, RUNNING = 1, DONE = 2, FAILED = 3, CLAIMED = 4;
/** Indexes of the control words: the state, and the worker's progress (done units of the dominators phase). */
export const STATE = 0, PROGRESS = 1;
/** A worker whose progress has not moved for this long is given up on: the engine's thread computes instead. */
const STALL_MS = 30_000;
/** How long one wait for the worker lasts before progress is reported again. */
const WAIT_MS = 50;

/**
 * The dominator tree computed on a worker while the engine's own thread computes other phases
 * (classes, shallow sizes, distances). The worker and the engine agree through one shared state
 * word: whoever moves it from `QUEUED` first computes, so a worker that never starts (or is late)
 * costs nothing but the post; a failed or stalled worker makes the engine compute on its own
 * thread. Nothing can hang: waits are bounded.
 *
 * @example
 * ```ts
 * const job = DominatorJob.start(snapshot, codes, ephemerons, workers);
 * // ... other phases on this thread ...
 * const result = job?.result(onProgress) ?? computeHere();
 * ```
 */
export class DominatorJob {
  readonly #message: PhaseJobMessage;

  private constructor(message: PhaseJobMessage) {
    this.#message = message;
  }

  /**
   * Posts the job, or returns null when it should not or cannot run elsewhere: a small snapshot,
   * columns not on `SharedArrayBuffer` (read without `sharedMemory`), or no worker to be had.
   */
  static start(snapshot: HeapSnapshot, codes: TypeCodes, ephemerons: EphemeronPairTable, workers: PhaseWorkers): DominatorJob | null {
    const { nodeCount, edgeCount, rootOrdinal, nodeType, nodeName, nodeId, firstEdge, edgeType, edgeNameOrIndex, edgeTarget } = snapshot;
    if (typeof SharedArrayBuffer !== "function" || typeof Atomics !== "object") return null;
    if (edgeCount < (workers.minEdges ?? PARALLEL_MIN_EDGES)) return null;
    const columns = [nodeType, nodeName, nodeId, firstEdge, edgeType, edgeNameOrIndex, edgeTarget];
    if (!columns.every((column) => column.buffer instanceof SharedArrayBuffer)) return null;
    // markPageObjects reads the names of the root's children only.
    const strings: string[] = [];
    for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
      const name = nodeName[edgeTarget[e]];
      strings[name] = snapshot.strings[name];
    }
    const shared = (bytes: number) => new SharedArrayBuffer(bytes);
    const pairOfName = new Int32Array(shared(ephemerons.pairOfName.byteLength));
    pairOfName.set(ephemerons.pairOfName);
    const message: PhaseJobMessage = {
      kind: "dominators",
      control: new Int32Array(shared(3 * 4)),
      nodeCount, edgeCount, rootOrdinal, nodeType, nodeName, nodeId, firstEdge, edgeType, edgeNameOrIndex, edgeTarget,
      strings,
      codes: { ...codes },
      pairOfName,
      tableId: ephemerons.tableId,
      pairCount: ephemerons.pairCount,
      dominators: new Uint32Array(shared((nodeCount + 1) * 4)),
      order: new Uint32Array(shared((nodeCount + 1) * 4)),
    };
    message.control[2] = 2 * nodeCount;
    let posted = false;
    try {
      posted = workers.post(message);
    } catch {
      posted = false;
    }
    return posted ? new DominatorJob(message) : null;
  }

  /**
   * The worker's result, waiting for it (and reporting its progress as the `dominators` phase);
   * null when this thread should compute it: the worker had not started it yet (it is taken
   * back), failed, or stalled.
   */
  result(onProgress?: (progress: GraphProgress) => void): DominatorResult | null {
    const message = this.#message;
    const { control } = message;
    if (Atomics.compareExchange(control, STATE, QUEUED, CLAIMED) === QUEUED) return null;
    const progress = new PhaseProgress(onProgress, "dominators", control[2]);
    let last = -1;
    let lastMove = Date.now();
    for (;;) {
      const state = Atomics.load(control, STATE);
      if (state === DONE) break;
      if (state !== RUNNING) return null;
      waitFor(control, RUNNING);
      const done = Atomics.load(control, PROGRESS);
      const now = Date.now();
      if (done !== last) {
        last = done;
        lastMove = now;
        if (done >= progress.next) progress.report(done);
      } else if (now - lastMove > STALL_MS) {
        return null;
      }
    }
    progress.done();
    return { dominators: message.dominators.subarray(1), order: message.order };
  }
}

/** Blocks up to {@link WAIT_MS} while `control[STATE]` is `value`; where blocking is not allowed (a browser's main thread), returns at once. */
function waitFor(control: Int32Array, value: number): void {
  try {
    Atomics.wait(control, STATE, value, WAIT_MS);
  } catch {
    // Atomics.wait is refused on this thread: the caller's loop polls instead.
  }
}
