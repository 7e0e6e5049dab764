import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";
import { calculateDominators } from "../phases/dominators.ts";
import { essentialEdges, markPageObjects } from "../phases/essential-edges.ts";
import { DONE, FAILED, PROGRESS, QUEUED, RUNNING, STATE } from "./dominator-job.ts";
import type { PhaseJobMessage } from "./phase-workers.ts";

/**
 * A worker's side of a phase job: call it with each message the engine posts (see
 * `PhaseWorkers`). It takes the job unless the engine's own thread already did, computes it
 * over the shared columns, writes the shared outputs and wakes the engine. Never throws: a
 * failure is reported through the job's state word, and the engine then computes on its own thread.
 *
 * @example
 * ```ts
 * // phase-worker.js (Node)
 * import { parentPort } from "node:worker_threads";
 * import { runPhaseJob } from "@heapgraph/graph";
 * parentPort.on("message", runPhaseJob);
 * ```
 */
export function runPhaseJob(message: PhaseJobMessage): void {
  const control = message?.control;
  if (!(control instanceof Int32Array) || message.kind !== "dominators") return;
  if (Atomics.compareExchange(control, STATE, QUEUED, RUNNING) !== QUEUED) return;
  let state = FAILED;
  try {
    const { nodeCount, codes } = message;
    // The phases read only these members of a snapshot.
    const snapshot = {
      nodeCount: message.nodeCount,
      edgeCount: message.edgeCount,
      rootOrdinal: message.rootOrdinal,
      nodeType: message.nodeType,
      nodeName: message.nodeName,
      nodeId: message.nodeId,
      firstEdge: message.firstEdge,
      edgeType: message.edgeType,
      edgeNameOrIndex: message.edgeNameOrIndex,
      edgeTarget: message.edgeTarget,
      strings: message.strings,
    } as unknown as HeapSnapshot;
    const typeCodes = codes as unknown as TypeCodes;
    const ephemerons = { pairOfName: message.pairOfName, tableId: message.tableId, pairCount: message.pairCount };
    const perTarget = new Uint32Array(nodeCount + 1);
    const essential = essentialEdges(snapshot, typeCodes, ephemerons, markPageObjects(snapshot, typeCodes), perTarget);
    // Computed in place in the shared outputs (nodeCount + 1 entries each).
    calculateDominators(snapshot, essential, { essentialPerTarget: perTarget }, ({ done }) => Atomics.store(control, PROGRESS, done), message);
    state = DONE;
  } catch {
    state = FAILED;
  }
  Atomics.store(control, STATE, state);
  Atomics.notify(control, STATE);
}
