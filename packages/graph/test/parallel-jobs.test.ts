// The engine's side of parallel mode (engine/parallel/), with stand-in workers whose `post` decides
// deterministically what the "worker" does: runs the job at once (a worker that took it at once),
// never takes it (a worker still starting), or fails it. In every case the numbers are the ones
// computed on one thread; the job is posted by the first phase that counting never needs, so that
// it runs beside the phases after it (counting alone posts nothing); and it is not posted where it
// cannot or need not run elsewhere. Real
// workers are in devtools-parity.test.ts (parallel mode) and heapgraph's phase-workers.test.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readSnapshot, type HeapSnapshot } from "@heapgraph/snapshot";
import { buildGraph, runPhaseJob, type GraphProgress, type HeapGraph, type PhaseJobMessage, type PhaseWorkers } from "../src/index.ts";
import { CHROME_FIXTURE } from "./real-snapshots.ts";

/** `control[STATE]` values (engine/parallel/dominator-job.ts). */
const FAILED = 3, DONE = 2, CLAIMED = 4;

type Worker = "runs at once" | "never takes it" | "fails";

/** Stand-in workers that record every job and treat it as `behaviour` says. */
function standIn(behaviour: Worker, minEdges = 0): PhaseWorkers & { posted: PhaseJobMessage[] } {
  const posted: PhaseJobMessage[] = [];
  return {
    minEdges,
    posted,
    post(job) {
      posted.push(job);
      if (behaviour === "runs at once") runPhaseJob(job);
      else if (behaviour === "fails") Atomics.store(job.control, 0, FAILED);
      return true;
    },
  };
}

let shared: HeapSnapshot | undefined;
let alone: HeapGraph | undefined;
/** The Chromium fixture read onto SharedArrayBuffer (once), and its graph computed on one thread. */
async function fixture(): Promise<{ snapshot: HeapSnapshot; alone: HeapGraph }> {
  shared ??= await readSnapshot(CHROME_FIXTURE, { sharedMemory: true });
  if (!alone) {
    alone = buildGraph(await readSnapshot(CHROME_FIXTURE));
    alone.classStats();
  }
  return { snapshot: shared, alone };
}

/** Every number parallel mode affects, as on one thread. */
function assertSameAsAlone(label: string, graph: HeapGraph, one: HeapGraph): void {
  assert.equal(Array.from(graph.dominators()), Array.from(one.dominators()), `${label}: dominators`);
  assert.equal(Array.from(graph.retainedSizes()), Array.from(one.retainedSizes()), `${label}: retained sizes`);
  assert.equal(Array.from(graph.distances()), Array.from(one.distances()), `${label}: distances`);
  const a = graph.classStats(), b = one.classStats();
  assert.equal(Array.from(a.count), Array.from(b.count), `${label}: class counts`);
  assert.equal(Array.from(a.retainedSize), Array.from(b.retainedSize), `${label}: class retained sizes`);
  assert.equal(Array.from(graph.classDistances()), Array.from(one.classDistances()), `${label}: class distances`);
}

test("the job is posted by the first phase counting never needs; counting alone posts nothing", async () => {
  const { snapshot } = await fixture();
  for (const first of ["retainers", "distances", "retainedSizes", "classStats"] as const) {
    const workers = standIn("never takes it");
    const graph = buildGraph(snapshot, { parallel: workers });
    assert.is(workers.posted.length, 0, `${first}: nothing posted by buildGraph itself`);
    graph[first]();
    assert.is(workers.posted.length, 1, `${first}: the job posted by the first phase that counting never needs`);
    graph.classStats();
    assert.is(workers.posted.length, 1, `${first}: one job for the graph`);
  }
  const counting = standIn("runs at once");
  const graph = buildGraph(snapshot, { parallel: counting });
  graph.detachedness();
  graph.classes();
  graph.selfSizes();
  graph.classCounts();
  assert.is(counting.posted.length, 0, "classes, shallow sizes and class counts post no dominator job");
});

for (const behaviour of ["runs at once", "never takes it", "fails"] as const) {
  test(`a worker that ${behaviour}: the numbers of one thread`, async () => {
    const { snapshot, alone: one } = await fixture();
    const workers = standIn(behaviour);
    const graph = buildGraph(snapshot, { parallel: workers });
    graph.distances();
    assertSameAsAlone(behaviour, graph, one);
    assert.is(workers.posted.length, 1);
    const state = Atomics.load(workers.posted[0].control, 0);
    assert.is(state, behaviour === "runs at once" ? DONE : behaviour === "fails" ? FAILED : CLAIMED, `${behaviour}: who computed`);
  });
}

test("progress is reported per phase, dominators included, as on one thread", async () => {
  const { snapshot } = await fixture();
  const finished = (parallel?: PhaseWorkers) => {
    const reports: GraphProgress[] = [];
    const graph = buildGraph(snapshot, { parallel, onProgress: (p) => reports.push(p) });
    graph.classStats();
    graph.classDistances();
    for (const r of reports) assert.ok(r.done >= 0 && r.done <= r.total, `${r.phase}: ${r.done} of ${r.total}`);
    return new Set(reports.filter((r) => r.done === r.total).map((r) => r.phase));
  };
  const one = finished(undefined);
  assert.ok(one.has("dominators") && one.has("retained sizes") && one.has("distances"), "one thread reports the phases");
  assert.equal([...finished(standIn("runs at once"))].sort(), [...one].sort(), "the worker's phase reported as its own");
  assert.equal([...finished(standIn("never takes it"))].sort(), [...one].sort(), "the phase taken back reported as usual");
});

test("no job where it cannot or need not run elsewhere", async () => {
  const { snapshot } = await fixture();
  const cases: [string, HeapSnapshot, PhaseWorkers & { posted: PhaseJobMessage[] }, (g: HeapGraph) => void][] = [
    ["columns not on SharedArrayBuffer", await readSnapshot(CHROME_FIXTURE), standIn("runs at once"), (g) => g.classStats()],
    ["fewer edges than minEdges", snapshot, standIn("runs at once", snapshot.edgeCount + 1), (g) => g.classStats()],
    ["dominators asked for first", snapshot, standIn("runs at once"), (g) => (g.dominators(), g.classStats())],
  ];
  for (const [label, input, workers, use] of cases) {
    const graph = buildGraph(input, { parallel: workers });
    use(graph);
    assert.is(workers.posted.length, 0, `${label}: nothing posted`);
    assertSameAsAlone(label, graph, (await fixture()).alone);
  }
});

test.run();
