// The differential test: on real snapshots (Node 20, Node 24, Deno and Bun taking a snapshot of
// the engine scenario, and Chromium on a page with detached DOM nodes), every node's class name,
// shallow size, retained size, distance, immediate dominator and detachedness, and every class's
// count, shallow size, retained size and distance, equal what Chrome DevTools' own worker code
// (npm heap-snapshot-toolkit) computes for the same file.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { snapshotFromJson, type V8SnapshotJson } from "@heapgraph/snapshot";
import { currentRuntime } from "@heapgraph/testkit";
import { buildGraph, type HeapGraph } from "../src/index.ts";
import { compareClasses, compareNodes, devtoolsView, same } from "./devtools-oracle.ts";
import { chromiumSnapshot, chromiumSource, scenarioSnapshot, snapshotRuntimes } from "./real-snapshots.ts";

function load(text: string): HeapGraph {
  return buildGraph(snapshotFromJson(JSON.parse(text) as V8SnapshotJson));
}

async function assertParity(label: string, text: string): Promise<HeapGraph> {
  const graph = load(text);
  const devtools = await devtoolsView(text);
  const nodes = compareNodes(graph, devtools);
  assert.ok(same(nodes), `${label} (read on ${currentRuntime()}): per-node differences ${JSON.stringify(nodes.counts)}\n${nodes.examples.join("\n")}`);
  const classes = compareClasses(graph, devtools);
  assert.ok(same(classes), `${label}: per-class differences ${JSON.stringify(classes.counts)}\n${classes.examples.join("\n")}`);
  assert.ok(classes.counts.classes > 50, `${label}: DevTools saw only ${classes.counts.classes} classes`);
  // The dominators come out the same when the full retainers were built first (the other code path).
  const withRetainers = load(text);
  withRetainers.retainers();
  const a = graph.dominators(), b = withRetainers.dominators();
  let differ = 0;
  for (let o = 0; o < a.length; o++) if (a[o] !== b[o]) differ++;
  assert.is(differ, 0, `${label}: dominators differ when computed over the full retainers`);
  return graph;
}

const classNames = (graph: HeapGraph) => new Set(graph.classes().names);

for (const runtime of snapshotRuntimes()) {
  test(`${runtime} snapshot of the engine scenario: every node and class as DevTools`, async () => {
    const graph = await assertParity(runtime, await scenarioSnapshot(runtime));
    const names = classNames(graph);
    for (const expected of ["Customer", "Order", "Function", "(string)"]) assert.ok(names.has(expected), `${runtime}: no ${expected} class`);
    const customer = graph.classes().names.indexOf("Customer");
    assert.is(graph.classStats().count[customer], 200, `${runtime}: Customer count`);
    if (runtime !== "bun") {
      // V8 gives constructors locations (two Item classes) and writes WeakMap pairs; Bun's V8 output has neither.
      const items = graph.classes().names.filter((n) => n === "Item");
      assert.is(items.length, 2, `${runtime}: Item classes ${items.length}`);
      assert.ok(names.has("{x, y}"), `${runtime}: plain objects of one shape are named by it`);
      assert.ok(names.has('{id, label, "odd, name"}'), `${runtime}: property names with commas are quoted`);
      let pairs = 0;
      for (let e = 0; e < graph.edgeCount; e++) if (graph.edgeName(e).includes("pair in WeakMap")) pairs++;
      assert.ok(pairs >= 400, `${runtime}: only ${pairs} WeakMap edges`);
    }
  });
}

const chromium = chromiumSource();
test(`Chromium snapshot (${chromium ?? "unavailable"}) of a page with detached DOM nodes: every node and class as DevTools`, async () => {
  assert.ok(chromium, "neither the committed Chromium fixture nor a chromium binary is available");
  const graph = await assertParity("chromium", await chromiumSnapshot());
  let detachedLi = 0;
  for (let o = 0; o < graph.nodeCount; o++) if (graph.isDetached(o) && graph.className(o) === "Detached <li>") detachedLi++;
  assert.is(detachedLi, 2, "the page keeps two detached <li>");
  assert.ok(classNames(graph).has("Widget"));
});

test.run();
