// Real workers for the engine's parallel mode in the tests (test/workers/phase-worker.ts), started
// and answering before a graph uses them, and every job they were posted, so that a test can check
// who computed it (the job's state word: 2 = the worker, 4 = the engine's own thread took it back).
// Posting returns once the worker has taken the job: what is tested is the result, not the race.
import type { PhaseJobMessage, PhaseWorkers } from "../src/index.ts";

interface AnyWorker {
  postMessage(message: unknown): void;
  terminate(): unknown;
}

/** A started test worker: give `workers` to buildGraph({ parallel }); `posted` lists the jobs; `close` stops it. */
export interface TestPhaseWorkers {
  readonly workers: PhaseWorkers;
  readonly posted: PhaseJobMessage[];
  close(): Promise<void>;
}

/** The state word of a job after the graph used it: `"worker"`, `"engine"` (taken back), or the raw state. */
export function whoComputed(job: PhaseJobMessage): string {
  const state = Atomics.load(job.control, 0);
  return state === 2 ? "worker" : state === 4 ? "engine" : `state ${state}`;
}

/** Starts one worker and waits until it answers (so that it is ready before any job). */
export async function startTestPhaseWorkers(): Promise<TestPhaseWorkers> {
  const url = new URL("./workers/phase-worker.ts", import.meta.url);
  const WebWorker = (globalThis as { Worker?: new (url: URL, options: { type: "module" }) => AnyWorker & { onmessage: unknown } }).Worker;
  let worker: AnyWorker;
  let answered: () => void = () => {};
  const ready = new Promise<void>((resolve) => (answered = resolve));
  if (typeof WebWorker === "function") {
    const w = new WebWorker(url, { type: "module" });
    w.onmessage = () => answered();
    worker = w;
  } else {
    const { Worker } = await import("node:worker_threads");
    // Node without type stripping (20) runs the tests through tsx, which a worker must register itself.
    const strips = (process.features as { typescript?: unknown }).typescript;
    const w = strips
      ? new Worker(url)
      : new Worker(`import("tsx/esm/api").then((tsx) => tsx.register()).then(() => import(${JSON.stringify(url.href)}))`, { eval: true });
    w.once("message", () => answered());
    worker = w;
  }
  worker.postMessage("ping");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("the test phase worker did not answer in 60 s")), 60_000)));
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
  const posted: PhaseJobMessage[] = [];
  return {
    workers: {
      minEdges: 0,
      post(job) {
        posted.push(job);
        worker.postMessage(job);
        // Holds the engine until the worker has taken the job, so that on a tiny snapshot the engine's
        // thread does not finish its own phases first and take the job back (the test asserts who computed).
        const deadline = Date.now() + 30_000;
        while (Atomics.load(job.control, 0) === 0 && Date.now() < deadline) Atomics.wait(job.control, 0, 0, 5);
        return true;
      },
    },
    posted,
    async close() {
      await worker.terminate();
    },
  };
}
