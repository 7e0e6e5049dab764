// The differential test: on real snapshots (Node 20, Node 24, Deno and Bun taking a snapshot of
// the engine scenario, and Chromium on a page keeping detached DOM nodes), every node's class
// name, shallow size, retained size, distance, immediate dominator and detachedness, and every
// class's count, shallow size, retained size and distance, equal what Chrome DevTools' own worker
// code (npm heap-snapshot-toolkit) computes for the same file. Snapshots are read with
// heapgraph's own streaming reader, as users read them. Each file is checked twice: on one thread,
// and in parallel mode (columns on SharedArrayBuffer, the dominator tree computed by a real worker
// while the test's thread computes the rest).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readSnapshot } from "@heapgraph/snapshot";
import { currentRuntime, snapshotRuntimes, takeRealSnapshot, testWhen, type SnapshotRuntime } from "@heapgraph/testkit";
import { buildGraph, NO_DISTANCE, type HeapGraph } from "../src/index.ts";
import { compareClasses, compareNodes, devtoolsView, same } from "./devtools-oracle.ts";
import { startTestPhaseWorkers, whoComputed, type TestPhaseWorkers } from "./phase-workers.ts";
import { CHROME_FIXTURE } from "./real-snapshots.ts";

const SCENARIO = join(dirname(fileURLToPath(import.meta.url)), "scenarios", "engine-heap.mjs");

/** Checks one snapshot file against DevTools, node by node and class by class; returns the graph. */
async function assertParity(label: string, file: string, text: string): Promise<HeapGraph> {
  const snapshot = await readSnapshot(file);
  const graph = buildGraph(snapshot);
  const devtools = await devtoolsView(text);
  assertSameAsDevtools(label, graph, devtools);
  assertRootRetainsAll(label, graph);
  // The dominators come out the same when the full retainers were built first.
  const withRetainers = buildGraph(snapshot);
  withRetainers.retainers();
  const a = graph.dominators(), b = withRetainers.dominators();
  let differ = 0;
  for (let o = 0; o < a.length; o++) if (a[o] !== b[o]) differ++;
  assert.is(differ, 0, `${label}: dominators differ when computed after the full retainers`);
  await assertParallelParity(label, file, devtools);
  return graph;
}

/** Parallel mode: columns read onto SharedArrayBuffer, the dominator job done by a real worker, the same numbers as DevTools. */
async function assertParallelParity(label: string, file: string, devtools: Awaited<ReturnType<typeof devtoolsView>>): Promise<void> {
  const threads = await (testWorkers ??= startTestPhaseWorkers());
  const before = threads.posted.length;
  const snapshot = await readSnapshot(file, { sharedMemory: true });
  assert.ok(snapshot.edgeTarget.buffer instanceof SharedArrayBuffer, `${label}: sharedMemory put the edge targets on a SharedArrayBuffer`);
  const graph = buildGraph(snapshot, { parallel: threads.workers });
  // Counting phases post nothing; distances (the first phase counting never needs) post the job, which runs beside them.
  graph.classes();
  assert.is(threads.posted.length - before, 0, `${label}: no dominator job for the classes`);
  graph.distances();
  assert.is(threads.posted.length - before, 1, `${label}: the dominator job posted by the distances`);
  graph.classStats();
  assert.is(threads.posted.length - before, 1, `${label}: one dominator job posted`);
  assert.is(whoComputed(threads.posted[before]), "worker", `${label}: the worker computed the dominators`);
  assertSameAsDevtools(`${label} (parallel)`, graph, devtools);
  assertRootRetainsAll(`${label} (parallel)`, graph);
}

/** One worker for the file's parallel checks, stopped after the last test. */
let testWorkers: Promise<TestPhaseWorkers> | undefined;
test.after(async () => {
  await (await testWorkers)?.close();
});

/** Every node and every class as DevTools computes them. */
function assertSameAsDevtools(label: string, graph: HeapGraph, devtools: Awaited<ReturnType<typeof devtoolsView>>): void {
  const nodes = compareNodes(graph, devtools);
  assert.ok(same(nodes), `${label} (read on ${currentRuntime()}): per-node differences ${JSON.stringify(nodes.counts)}\n${nodes.examples.join("\n")}`);
  const classes = compareClasses(graph, devtools);
  assert.ok(same(classes), `${label}: per-class differences ${JSON.stringify(classes.counts)}\n${classes.examples.join("\n")}`);
  assert.ok(classes.counts.classes > 50, `${label}: DevTools saw only ${classes.counts.classes} classes`);
}

/** Every node is in the dominator tree, so the root retains the sum of all shallow sizes. */
function assertRootRetainsAll(label: string, graph: HeapGraph): void {
  const self = graph.selfSizes();
  let total = 0;
  for (let o = 0; o < graph.nodeCount; o++) total += self[o];
  assert.is(graph.retainedSizes()[graph.rootOrdinal], total, `${label}: root retained size`);
}

/** Every runtime that writes V8-format snapshots; one not installed here is a visible skip. */
const V8_RUNTIMES = ["node20", "node24", "deno", "bun"] as const satisfies readonly SnapshotRuntime[];
const available = snapshotRuntimes();

for (const runtime of V8_RUNTIMES) {
  testWhen(available.includes(runtime), `${runtime} is not installed`)(`${runtime} snapshot of the engine scenario: every node and class as DevTools`, async () => {
    const file = await takeRealSnapshot(runtime, SCENARIO);
    const graph = await assertParity(runtime, file, readFileSync(file, "utf8"));
    const { names } = graph.classes();
    const stats = graph.classStats();
    for (const expected of ["Customer", "Order", "Function", "(string)"]) assert.ok(names.includes(expected), `${runtime}: no ${expected} class`);
    assert.is(stats.count[names.indexOf("Customer")], 200, `${runtime}: Customer count`);
    if (runtime !== "bun") {
      // V8 gives constructors script locations (two Item classes) and writes WeakMap pairs; Bun's V8 output has neither.
      assert.is(names.filter((n) => n === "Item").length, 2, `${runtime}: one Item class per location`);
      assert.ok(names.includes("{x, y}"), `${runtime}: plain objects of one shape are named by it`);
      assert.ok(names.includes('{id, label, "odd, name"}'), `${runtime}: property names with commas are quoted`);
      let pairs = 0;
      for (let e = 0; e < graph.edgeCount; e++) if (graph.edgeName(e).includes("pair in WeakMap")) pairs++;
      assert.ok(pairs >= 400, `${runtime}: only ${pairs} WeakMap edges`);
    }
  });
}

test("Chromium snapshot (committed fixture) of a page with detached DOM nodes: every node and class as DevTools", async () => {
  const graph = await assertParity("chromium", CHROME_FIXTURE, gunzipSync(readFileSync(CHROME_FIXTURE)).toString("utf8"));
  let detachedLi = 0;
  for (let o = 0; o < graph.nodeCount; o++) if (graph.isDetached(o) && graph.className(o) === "Detached <li>") detachedLi++;
  assert.is(detachedLi, 2, "the page keeps two detached <li>");
  assert.ok(graph.classes().names.includes("Widget"));
});

// DevTools cannot read JavaScriptCore's format, so there is no oracle: the engine must still run
// every phase and keep its invariants on what readSnapshot maps it to.
testWhen(available.includes("bun-jsc"), "Bun is not installed")("Bun JavaScriptCore snapshot: every phase runs, the root retains everything", async () => {
  const graph = buildGraph(await readSnapshot(await takeRealSnapshot("bun-jsc", SCENARIO)));
  assertRootRetainsAll("bun-jsc", graph);
  const customer = graph.classes().names.indexOf("Customer");
  assert.ok(customer >= 0, "a Customer class");
  assert.is(graph.classStats().count[customer], 200);
  // JavaScriptCore writes no edges into a Map's storage, so the customers (held by a Map) have no
  // retainers there: they hang off the root, unreachable, each retaining itself and its orders.
  const { classOf } = graph.classes();
  const dominators = graph.dominators(), distances = graph.distances();
  for (let o = 0; o < graph.nodeCount; o++) {
    if (classOf[o] !== customer || graph.retainers().firstRetainer[o] !== graph.retainers().firstRetainer[o + 1]) continue;
    assert.is(dominators[o], graph.rootOrdinal);
    assert.is(distances[o], NO_DISTANCE);
  }
});

test.run();
