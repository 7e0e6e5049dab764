// A phase worker for the tests: answers "ping" (so that a test can wait until it is up), and
// hands every other message to the engine's runPhaseJob. A Web Worker in Deno and Bun, a
// worker_threads worker in Node (where the TypeScript loader the tests run under is inherited).
import { runPhaseJob, type PhaseJobMessage } from "../../src/index.ts";

type Message = PhaseJobMessage | "ping";
const web = (globalThis as { self?: { onmessage: unknown; postMessage(m: unknown): void } }).self;
if (web && typeof web.postMessage === "function") {
  web.onmessage = (event: { data: Message }) => (event.data === "ping" ? web.postMessage("pong") : runPhaseJob(event.data));
} else {
  const { parentPort } = await import("node:worker_threads");
  parentPort?.on("message", (message: Message) => (message === "ping" ? parentPort.postMessage("pong") : runPhaseJob(message)));
}
