// The engine's second thread on each runtime (src/parallel/): the worker entry, started by
// createPhaseWorkers as the CLI starts it, computes a real snapshot's dominator job over shared
// columns to exactly what the engine computes on its own thread; where no worker can start (Node 20
// running the sources through a loader), post says so and the engine computes alone, with the same
// numbers. The job is posted to the worker by hand, so that the test does not race the engine.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraph, type PhaseJobMessage, type PhaseWorkers } from "@heapgraph/graph";
import { readSnapshot } from "@heapgraph/snapshot";
import { repoRoot, takeRealSnapshot } from "@heapgraph/testkit";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { availableCores, createPhaseWorkers, threadsWanted } from "../src/parallel/phase-workers.ts";
import { nodeSnapshotRuntime } from "./cli-helpers.ts";

const SCENARIO = join(repoRoot, "packages", "graph", "test", "scenarios", "engine-heap.mjs");

/** A copy of a job with fresh control words and outputs: one the engine has not touched. */
function freshJob(job: PhaseJobMessage): PhaseJobMessage {
  const shared = (n: number) => new SharedArrayBuffer(n * 4);
  const control = new Int32Array(shared(3));
  control[2] = job.control[2];
  return { ...job, control, dominators: new Uint32Array(shared(job.nodeCount + 1)), order: new Uint32Array(shared(job.nodeCount + 1)) };
}

test("the phase worker computes the dominator job as the engine does, or says it cannot start", async () => {
  const file = await takeRealSnapshot(nodeSnapshotRuntime(), SCENARIO);
  const snapshot = await readSnapshot(file, { sharedMemory: true });
  const threads = createPhaseWorkers({ minEdges: 0 });
  const posted: PhaseJobMessage[] = [];
  // Posts nothing on: the engine takes its job back and computes it here.
  const capture: PhaseWorkers = { minEdges: 0, post: (job) => (posted.push(job), true) };
  const graph = buildGraph(snapshot, { parallel: capture });
  const retained = graph.retainedSizes();
  const alone = buildGraph(await readSnapshot(file)).retainedSizes();
  assert.equal(Array.from(retained), Array.from(alone), "retained sizes as on one thread");
  assert.is(posted.length, 1, "one job posted");
  assert.is(Atomics.load(posted[0].control, 0), 4, "the engine took its job back");

  const job = freshJob(posted[0]);
  if (!threads.post(job)) {
    assert.ok(import.meta.url.endsWith(".ts") && !(process.features as { typescript?: unknown }).typescript, "only Node 20 on sources has no worker");
    return;
  }
  const deadline = Date.now() + 60_000;
  while (Atomics.load(job.control, 0) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.is(Atomics.load(job.control, 0), 2, "the worker finished the job");
  assert.equal(Array.from(job.dominators.subarray(1)), Array.from(graph.dominators()), "the worker's dominators");
  assert.is(job.order[1] - 1, snapshot.rootOrdinal, "the DFS order starts at the root");
});

test("two threads by default on two cores or more; HEAPGRAPH_THREADS forces one or two", () => {
  assert.is(threadsWanted(undefined, 2), true, "unset, two cores");
  assert.is(threadsWanted("", 8), true, "empty, eight cores");
  assert.is(threadsWanted(undefined, 1), false, "unset, one core: the worker would only take turns with the main thread");
  assert.is(threadsWanted("1", 8), false, "HEAPGRAPH_THREADS=1 forces one thread");
  assert.is(threadsWanted("0", 8), false);
  assert.is(threadsWanted("off", 8), false, "anything but a number of 2 or more is one thread");
  assert.is(threadsWanted("2", 1), true, "HEAPGRAPH_THREADS=2 forces two, even on one core");
  assert.ok(Number.isInteger(availableCores()) && availableCores() >= 1, `cores: ${availableCores()}`);
});

test("prepare: a worker and shared memory for files of 40 MB or more only", async () => {
  const small = await takeRealSnapshot(nodeSnapshotRuntime(), SCENARIO);
  const threads = createPhaseWorkers();
  assert.is(threads.prepare(small), false, "a small snapshot stays on one thread");
  assert.is(threads.prepare(join(repoRoot, "no such file.heapsnapshot")), false, "a missing file is left to the reader's error");
  // Only the size counts: a sparse file of 40 MB (and a gzip file of 5 MB, counted 8 times) starts the worker.
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-prepare-"));
  try {
    for (const [name, bytes] of [["big.heapsnapshot", 40e6], ["big.heapsnapshot.gz", 5e6]] as const) {
      const file = join(dir, name);
      writeFileSync(file, "");
      truncateSync(file, bytes);
      const canStart = !(import.meta.url.endsWith(".ts") && typeof (globalThis as { Worker?: unknown }).Worker !== "function" && !(process.features as { typescript?: unknown }).typescript);
      assert.is(createPhaseWorkers().prepare(file), canStart, `${name}: a worker and shared memory${canStart ? "" : " (none: Node 20 on sources cannot start the worker)"}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
