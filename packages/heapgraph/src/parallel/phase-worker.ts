/**
 * The entry of the engine's phase worker (see `phaseWorkers`): runs every job posted to it, one
 * after the other in the order posted, by the handler of its `kind` (a message of another kind is
 * ignored). Runs as a `node:worker_threads` worker (Node, Deno, Bun), or as a Web `Worker`.
 *
 * @module
 */
import { runPhaseJob, type PhaseJobMessage } from "@heapgraph/graph";

interface WebWorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

/** The handler of each job kind: the engine's phase jobs; a new kind is one more entry. */
const JOBS: Readonly<Record<string, (message: never) => void>> = {
  dominators: (message: PhaseJobMessage) => runPhaseJob(message),
};

/** Runs one posted message by its kind. */
function run(message: unknown): void {
  const kind = (message as { kind?: unknown } | null)?.kind;
  if (typeof kind === "string" && Object.hasOwn(JOBS, kind)) JOBS[kind](message as never);
}

// A node:worker_threads worker (how startWorker starts it on every runtime that has them), else a Web Worker.
const { parentPort } = await import("node:worker_threads").catch(() => ({ parentPort: null }));
const web = (globalThis as { self?: WebWorkerScope }).self;
if (parentPort) parentPort.on("message", run);
else if (web && typeof web.postMessage === "function") web.onmessage = (event) => run(event.data);
