import { test } from "uvu";
import { snapshotRuntimes, testWhen } from "@heapgraph/testkit";
import * as assert from "uvu/assert";
import {
  byType,
  detachedDomNodes,
  duplicateStrings,
  findLeaks,
  largestRetainers,
  leakingObjects,
  leakSuspects,
  pathToRoot,
  QueryError,
  SIMILAR_TRACE_THRESHOLD,
  traceSimilarity,
  type HeapGraph,
  type HeapNode,
  type TraceElement,
} from "../src/index.ts";
import { readSnapshot } from "@heapgraph/snapshot";
import { buildGraph } from "../src/index.ts";
import { runtime, scenarioGraph, scenarioGraphs, syntheticGraph } from "./queries-snapshots.ts";
import { chromiumSnapshot } from "./real-snapshots.ts";

const REQUESTS = 20; // emitter-leak.mjs handles 20 requests
const COPIES = 120; // objgraph-mat.mjs makes 120 copies of one string
const ENTRIES = 4000; // objgraph-mat.mjs puts 4000 entries in its cache

function emitterLeak(by = runtime()): Promise<Record<"baseline" | "target" | "final", HeapGraph>> {
  return scenarioGraphs("emitter-leak", ["baseline", "target", "final"], by);
}

function property(node: HeapNode, name: string): HeapNode {
  const edge = node.edges().find((e) => e.name === name && e.type !== "weak");
  if (!edge) throw new Error(`${node.className} @${node.id} has no ${name}`);
  return edge.to;
}

test(`findLeaks (${runtime()}): one cluster holds the leaked requests, traced through the listener list`, async () => {
  const { baseline, target, final } = await emitterLeak();
  if (runtime() === "bun") {
    try {
      findLeaks(baseline, target, final);
      assert.unreachable("Bun snapshots must be refused");
    } catch (error) {
      assert.instance(error, QueryError);
      assert.is((error as QueryError).code, "IDS_NOT_STABLE");
    }
    return;
  }
  const clusters = findLeaks(baseline, target, final);
  const requests = byType(final, "LeakRequest");
  assert.is(requests.length, REQUESTS + 1, "the 20 leaked requests and the one made before the baseline");
  const leakedIds = new Set(requests.filter((r) => baseline.nodeById(r.id) === undefined).map((r) => r.id));
  assert.is(leakedIds.size, REQUESTS);
  const holding = clusters.filter((c) => c.ids.some((id) => leakedIds.has(id)));
  assert.is(holding.length, 1, "exactly one cluster holds request objects");
  const [cluster] = holding;
  for (const id of leakedIds) assert.ok(cluster.ids.includes(id), `request @${id} is in the cluster`);
  const earlier = requests.find((r) => !leakedIds.has(r.id))!;
  assert.not.ok(clusters.some((c) => c.ids.includes(earlier.id)), "the request made before the baseline is no leak");
  assert.ok(cluster.classes.some((c) => c.name === "LeakRequest" && c.count === REQUESTS));
  assert.is(cluster.count, cluster.ids.length);
  assert.is(cluster.count, cluster.classes.reduce((n, c) => n + c.count, 0));
  // The trace: from the root, through the emitter's listener list, to the representative.
  const [bus] = byType(final, "EventEmitter").filter((e) => e.edges().some((x) => x.name === "_events"));
  const listeners = property(property(bus, "_events"), "tick");
  const ids = cluster.trace.map((s) => s.id);
  assert.is(cluster.trace[0].ordinal, final.rootOrdinal);
  assert.ok(ids.includes(bus.id), "the trace passes the emitter");
  assert.ok(ids.includes(listeners.id), "and its listener list");
  assert.is(cluster.trace.at(-1)!.id, cluster.representativeId);
  // Short-lived objects of the target step are gone by the final snapshot.
  assert.is(byType(final, "RequestScratch").length, 0);
  assert.ok(byType(target, "RequestScratch").length === REQUESTS);
  // Ranked by retained size, and each byte counted once.
  for (let i = 1; i < clusters.length; i++) assert.ok(clusters[i - 1].retainedSize >= clusters[i].retainedSize);
  assert.ok(cluster.retainedSize <= cluster.ids.reduce((n, id) => n + final.nodeById(id)!.retainedSize, 0));
});

// Bun renumbers ids in every snapshot, so there is nothing to filter there (the test above checks the refusal).
testWhen(runtime() !== "bun", "Bun's snapshots have no stable ids: findLeaks refuses them")(`findLeaks (${runtime()}): a leak filter narrows the objects`, async () => {
  const { baseline, target, final } = await emitterLeak();
  const clusters = findLeaks(baseline, target, final, { filter: (n) => n.className === "LeakRequest" });
  assert.is(clusters.length, 1);
  assert.is(clusters[0].count, REQUESTS);
  assert.equal(clusters[0].classes.map((c) => c.name), ["LeakRequest"]);
  assert.is(findLeaks(baseline, target, final, { limit: 1 }).length, 1);
});

testWhen(snapshotRuntimes().includes("bun"), "Bun is not installed")(`findLeaks refuses Bun's real snapshots (from ${runtime()})`, async () => {
  const { baseline, target, final } = await emitterLeak("bun");
  try {
    findLeaks(baseline, target, final);
    assert.unreachable("expected IDS_NOT_STABLE");
  } catch (error) {
    assert.instance(error, QueryError);
    assert.is((error as QueryError).code, "IDS_NOT_STABLE");
  }
});

test("traceSimilarity: alike traces cluster, different ones do not", () => {
  const node = (name: string, type = "object"): TraceElement => ({ kind: "node", type, name });
  const edge = (name: string, type = "property"): TraceElement => ({ kind: "edge", type, name });
  const base = [node("(root)", "synthetic"), edge("bus"), node("EventEmitter"), edge("_events"), node("Object"), edge("tick"), node("Array")];
  const a = [...base, edge("3", "element"), node("Function", "closure")];
  const b = [...base, edge("17", "element"), node("Function", "closure")];
  const c = [node("(root)", "synthetic"), edge("cache"), node("Map"), edge("table", "internal"), node("(array)", "array"), edge("3", "element"), node("Entry")];
  assert.is(traceSimilarity(a, a), 1);
  assert.is(traceSimilarity(a, b), 1, "listeners of one array are alike whatever their index");
  assert.ok(traceSimilarity(a, c) < SIMILAR_TRACE_THRESHOLD);
  assert.ok(traceSimilarity(a, [...a, edge("context", "internal"), node("system / Context")]) >= SIMILAR_TRACE_THRESHOLD);
});

test("leakingObjects: objects only native handles and embedder objects hold", () => {
  const { graph, at } = syntheticGraph({
    nodes: {
      g: { type: "object", name: "global", size: 4 },
      handles: { type: "synthetic", name: "(Global handles)" },
      strings: { type: "synthetic", name: "(Internalized strings)" },
      wrap: { type: "native", name: "Node / TCPWrap", size: 16 },
      onlyHandle: { type: "object", name: "Addon", size: 8 },
      onlyNative: { type: "object", name: "Socket", size: 8 },
      alsoJs: { type: "object", name: "Shared", size: 8 },
      weakOnly: { type: "object", name: "Weak", size: 8 },
      internal: { type: "string", name: "interned", size: 8 },
      v8root: { type: "object", name: "Builtin", size: 8 },
    },
    roots: ["g"],
    gcRoots: ["handles", "strings"],
    edges: [
      ["handles", "element", 1, "onlyHandle"],
      ["handles", "element", 2, "wrap"],
      ["wrap", "internal", "owner", "onlyNative"],
      ["handles", "element", 3, "alsoJs"],
      ["g", "property", "shared", "alsoJs"],
      ["handles", "weak", "4", "weakOnly"],
      ["handles", "element", 5, "internal"],
      ["strings", "element", 1, "v8root"],
    ],
  });
  assert.equal(leakingObjects(graph).map((n) => n.ordinal).sort(), [at.onlyHandle, at.onlyNative].sort());
  assert.ok(leakingObjects(graph, { internals: true }).some((n) => n.ordinal === at.internal));
});

test(`leakingObjects (${runtime()}): every object found is held by native code only`, async () => {
  const graph = await scenarioGraph("objgraph-holders");
  const found = leakingObjects(graph);
  const { firstRetainer, retainerNode, retainerEdge } = graph.retainers();
  for (const node of found) {
    let strong = 0;
    for (let r = firstRetainer[node.ordinal]; r < firstRetainer[node.ordinal + 1]; r++) {
      const holder = graph.node(retainerNode[r]);
      if (graph.edgeTypeName(retainerEdge[r]) === "weak") continue;
      strong++;
      assert.ok(holder.type === "native" || holder.type === "synthetic", `${node.className} @${node.id} is held by ${holder.className}`);
    }
    assert.ok(strong > 0);
    assert.ok(["object", "closure", "regexp"].includes(node.type));
  }
  // The scenario's objects are held by JavaScript.
  for (const name of ["HoldersScenario", "HeldByClosure", "WeakMapKey"]) {
    const [node] = byType(graph, name);
    assert.not.ok(found.some((n) => n.id === node.id), name);
  }
});

test("detachedDomNodes: detached DOM trees, not Node's detached C++ objects", () => {
  const { graph, id } = syntheticGraph({
    nodes: {
      g: { type: "object", name: "Window", size: 4 },
      div: { type: "native", name: "<div>", size: 40, detachedness: 2 },
      span: { type: "native", name: "<span>", size: 30, detachedness: 2 },
      text: { type: "native", name: "Text", size: 20, detachedness: 2 },
      p: { type: "native", name: "<p>", size: 40, detachedness: 1 },
      wrap: { type: "native", name: "Node / TCPWrap", size: 16, detachedness: 2 },
      js: { type: "object", name: "Holder", size: 8 },
    },
    roots: ["g"],
    edges: [
      ["g", "property", "holder", "js"],
      ["js", "property", "el", "div"],
      ["div", "element", 0, "span"],
      ["span", "element", 0, "text"],
      // Blink's nodes point to their parents too
      ["span", "element", 1, "div"],
      ["text", "element", 1, "span"],
      ["g", "property", "p", "p"],
      ["g", "property", "w", "wrap"],
    ],
  });
  const rows = detachedDomNodes(graph);
  assert.equal(new Set(rows.map((r) => r.id)), new Set([id.div, id.span, id.text]));
  const roots = detachedDomNodes(graph, { rootsOnly: true });
  assert.equal(roots.map((r) => [r.id, r.treeRoot, r.treeSize]), [[id.div, true, 3]]);
  assert.equal(rows.filter((r) => !r.treeRoot).map((r) => r.treeSize), [0, 0]);
  assert.is(roots[0].className, "Detached <div>");
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].retainedSize >= rows[i].retainedSize);
});

test("detachedDomNodes (Chromium): the page's two detached <li>, each a tree with its text", async () => {
  const graph = buildGraph(await readSnapshot(chromiumSnapshot()));
  const roots = detachedDomNodes(graph, { rootsOnly: true });
  assert.equal(roots.map((r) => r.className), ["Detached <li>", "Detached <li>"]);
  for (const root of roots) {
    assert.is(root.treeSize, 2, "the <li> and its text node");
    const names = pathToRoot(graph, graph.nodeById(root.id)!).steps.map((s) => s.edge?.name);
    assert.ok(names.includes("widgets") && names.at(-1) === "el", "held by a Widget in window.widgets");
  }
  assert.is(detachedDomNodes(graph).length, 4);
});

test(`duplicateStrings (${runtime()}): one text in many copies, with the bytes they waste`, async () => {
  const graph = await scenarioGraph("objgraph-mat");
  const rows = duplicateStrings(graph, { limit: Infinity });
  const dup = rows.filter((r) => r.value === "duplicated text for heapgraph");
  assert.is(dup.length, 1);
  assert.is(dup[0].count, COPIES);
  assert.is(dup[0].wastedBytes, dup[0].size * (COPIES - 1));
  assert.is(dup[0].totalSize, dup[0].size * COPIES);
  assert.is(dup[0].ids.length, 20);
  for (const id of dup[0].ids) assert.is(graph.nodeById(id)!.name, "duplicated text for heapgraph");
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].wastedBytes >= rows[i].wastedBytes);
  for (const r of rows) assert.ok(r.count >= 2);
  assert.ok(duplicateStrings(graph).length <= 20);
  assert.ok(duplicateStrings(graph, { minCount: COPIES + 1, limit: Infinity }).every((r) => r.count > COPIES));
});

test(`largestRetainers (${runtime()}): the cache is among the biggest objects, subtrees disjoint`, async () => {
  const graph = await scenarioGraph("objgraph-mat");
  const rows = largestRetainers(graph, { limit: 5 });
  assert.is(rows.length, 5);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].retainedSize >= rows[i].retainedSize);
  const all = largestRetainers(graph, { limit: Infinity });
  const total = graph.retainedSizes()[graph.rootOrdinal];
  assert.ok(all.reduce((n, r) => n + r.retainedSize, 0) <= total, "top objects dominate disjoint parts of the heap");
  const holder = byType(graph, "BigCache")[0].retainers().find((e) => e.name === "cache")!.from;
  assert.ok(rows.some((r) => r.id === holder.id), "the scenario's holder is among the five biggest");
  for (const r of rows) assert.ok(r.share > 0 && r.share <= 1);
});

test(`leakSuspects (${runtime()}): MAT's suspects find where the cache entries pile up`, async () => {
  const graph = await scenarioGraph("objgraph-mat");
  const suspects = leakSuspects(graph);
  const entries = suspects.filter((s) => s.kind === "class" && s.className === "CacheEntry");
  if (runtime() === "bun") {
    // Bun's V8-format output leaves out Map contents: the entries hang off nothing.
    assert.is(entries.length, 0);
    return;
  }
  assert.is(entries.length, 1);
  assert.is(entries[0].count, ENTRIES);
  const point = entries[0].accumulation!;
  assert.ok(point.children >= ENTRIES);
  assert.equal(point.topChildClass, { name: "CacheEntry", count: ENTRIES });
  const map = property(byType(graph, "BigCache")[0], "entries");
  assert.ok(point.path.some((s) => s.id === map.id), "the accumulation point lies inside the cache's Map");
  assert.is(point.path.at(-1)!.id, point.id);
  const holder = suspects.find((s) => s.kind === "object");
  assert.ok(holder && holder.accumulation!.id === point.id, "the big object's memory accumulates at the same point");
  for (const s of suspects) assert.ok(s.share >= 0.1);
  assert.ok(leakSuspects(graph, { threshold: 1 }).length === 0);
});

test.run();
