/**
 * The entry of the engine's phase worker (see `phaseWorkers`): hands every message to the
 * engine's `runPhaseJob`. Runs as a Node `worker_threads` worker, or as a Web `Worker` in Deno
 * and Bun.
 *
 * @module
 */
import { runPhaseJob, type PhaseJobMessage } from "@heapgraph/graph";

interface WebWorkerScope {
  onmessage: ((event: { data: PhaseJobMessage }) => void) | null;
  postMessage(message: unknown): void;
}

const web = (globalThis as { self?: WebWorkerScope }).self;
if (web && typeof web.postMessage === "function") {
  web.onmessage = (event) => runPhaseJob(event.data);
} else {
  const { parentPort } = await import("node:worker_threads");
  parentPort?.on("message", (message: PhaseJobMessage) => runPhaseJob(message));
}
