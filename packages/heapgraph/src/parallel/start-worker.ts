/**
 * Starting one of the command's workers (`phase-worker`, `parse-worker`, beside this file) on any
 * runtime: `node:worker_threads` where the runtime has it (Node, Deno and Bun all do: its
 * `unref()` lets the process exit beside an idle worker, which a Web `Worker` in Deno does not),
 * else a Web `Worker`. From TypeScript sources the `.ts` entry is started, which a Node that does
 * not strip types (20, sources run through a loader) cannot do: that is an error.
 *
 * @module
 */
import process from "node:process";
import { Worker as NodeWorker } from "node:worker_threads";

/**
 * What both kinds of worker offer that the command uses.
 *
 * @example
 * ```ts
 * const worker: WorkerLike = startWorker("phase-worker", { onError: () => {} });
 * worker.postMessage(job);
 * ```
 */
export interface WorkerLike {
  postMessage(message: unknown): void;
  ref?(): void;
  unref?(): void;
  terminate(): unknown;
  addEventListener?(type: "message" | "error", listener: (event: { data?: unknown }) => void): void;
  on?(type: "message" | "error", listener: (value: unknown) => void): void;
}

type WebWorkerCtor = new (url: URL, options: { type: "module" }) => WorkerLike;

/**
 * Starts the worker whose entry is `./<entry>.js` (or `.ts` from sources) beside this module,
 * unreferenced (it does not keep the process alive while idle), listening with `onMessage` and
 * `onError`. Throws where it cannot start (see the module's note).
 *
 * @example
 * ```ts
 * const worker = startWorker("parse-worker", { onMessage: (data) => answer(data), onError: () => failAll() });
 * ```
 */
export function startWorker(entry: "phase-worker" | "parse-worker", handlers: { onMessage?: (data: unknown) => void; onError: () => void }): WorkerLike {
  // Sources run through a TypeScript loader in development; the build has .js files.
  const source = import.meta.url.endsWith(".ts");
  const url = new URL(`./${entry}.${source ? "ts" : "js"}`, import.meta.url);
  const WebWorker = (globalThis as { Worker?: WebWorkerCtor }).Worker;
  if (source && typeof WebWorker !== "function" && !(process.features as { typescript?: unknown }).typescript) {
    throw new Error(`no ${entry} from TypeScript sources on this Node`);
  }
  const worker: WorkerLike = typeof NodeWorker === "function" ? new NodeWorker(url) : new WebWorker!(url, { type: "module" });
  const { onMessage, onError } = handlers;
  if (worker.on) {
    if (onMessage) worker.on("message", onMessage);
    worker.on("error", onError);
  } else {
    if (onMessage) worker.addEventListener?.("message", (event) => onMessage(event.data));
    worker.addEventListener?.("error", onError);
  }
  worker.unref?.();
  return worker;
}
