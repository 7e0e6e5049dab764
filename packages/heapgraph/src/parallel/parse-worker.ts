/**
 * The entry of the reader's parse worker (see `createParseWorkers`): runs each job with
 * `@heapgraph/snapshot`'s `runEdgeSectionJob` and answers with its result. Runs as a
 * `node:worker_threads` worker (Node, Deno, Bun), or as a Web `Worker`.
 *
 * @module
 */
import { runEdgeSectionJob, type EdgeSectionJob } from "@heapgraph/snapshot";

interface WebWorkerScope {
  onmessage: ((event: { data: { id: number; job: EdgeSectionJob } }) => void) | null;
  postMessage(message: unknown): void;
}

const run = async (message: { id: number; job: EdgeSectionJob }, reply: (answer: unknown) => void) => {
  reply({ id: message.id, result: await runEdgeSectionJob(message.job) });
};

// A node:worker_threads worker (how createParseWorkers starts it on every runtime that has them), else a Web Worker.
const { parentPort } = await import("node:worker_threads").catch(() => ({ parentPort: null }));
const web = (globalThis as { self?: WebWorkerScope }).self;
if (parentPort) {
  parentPort.on("message", (message: { id: number; job: EdgeSectionJob }) => void run(message, (answer) => parentPort.postMessage(answer)));
} else if (web && typeof web.postMessage === "function") {
  web.onmessage = (event) => void run(event.data, (answer) => web.postMessage(answer));
}
