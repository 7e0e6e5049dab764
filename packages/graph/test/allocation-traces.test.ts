// Allocation stacks (graph.allocationStack, hasAllocationTraces) and allocationSites: on a real
// snapshot taken with allocation tracking on (testkit/scenarios/allocation-sites.mjs; Node 20,
// Node 24, Deno), and on hand-made trace sections for the decoding rules.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { snapshotFromJson, type V8SnapshotJson } from "@heapgraph/snapshot";
import { syntheticSnapshot, testWhen } from "@heapgraph/testkit";
import { allocationSites, buildGraph, byType, GraphError, type HeapGraph } from "../src/index.ts";
import { runtime, scenarioGraph, throwsQuery } from "./queries-snapshots.ts";

const tracks = runtime() !== "bun";
const SCRIPT = /\/testkit\/scenarios\/allocation-sites\.mjs$/;

testWhen(tracks, "Bun records no allocation stacks")(`allocationStack (${runtime()}): the top frame names the allocating function at its line`, async () => {
  const graph = await scenarioGraph("allocation-sites");
  assert.ok(graph.hasAllocationTraces());
  const needles = byType(graph, "TracedNeedle").filter((n) => n.type === "object");
  assert.is(needles.length, 35);
  const stacks = needles.map((n) => graph.allocationStack(n.ordinal));
  const fromWork = stacks.filter((s) => s?.[0].functionName === "allocateNeedles");
  assert.is(fromWork.length, 30, "30 needles from allocateNeedles");
  const [top, caller] = fromWork[0]!;
  assert.equal({ ...top, scriptName: "", scriptId: 0 }, { functionName: "allocateNeedles", scriptName: "", scriptId: 0, line: 17, column: 25 });
  assert.match(top.scriptName, SCRIPT);
  assert.ok(top.scriptId > 0);
  assert.is(caller.functionName, "startWork");
  assert.is(caller.line, 22, "1-based, as DevTools shows it");
  assert.ok(fromWork.every((s) => s === fromWork[0]), "one shared array per allocation site");
  assert.ok(Object.isFrozen(fromWork[0]) && Object.isFrozen(top));
  assert.is(stacks.filter((s) => s?.[0].functionName === "makeStrays").length, 5);
  for (const early of byType(graph, "EarlyNeedle").filter((n) => n.type === "object")) {
    assert.is(graph.allocationStack(early.ordinal), null, "allocated before tracking started");
  }
});

testWhen(tracks, "Bun records no allocation stacks")(`allocationSites (${runtime()}): objects by allocation site, most first, by handles, ordinals or ids`, async () => {
  const graph = await scenarioGraph("allocation-sites");
  const traced = byType(graph, "TracedNeedle").filter((n) => n.type === "object");
  const early = byType(graph, "EarlyNeedle").filter((n) => n.type === "object");
  const sites = allocationSites(graph, [...early, ...traced]);
  assert.equal(
    sites.map((s) => [s.frames[0].functionName, s.count, s.classes]),
    [
      ["allocateNeedles", 30, [{ className: "TracedNeedle", count: 30 }]],
      ["makeStrays", 5, [{ className: "TracedNeedle", count: 5 }]],
    ],
  );
  assert.equal([sites.hasTraces, sites.objects, sites.untracked, sites.notFound, sites.moreSites], [true, 39, 4, 0, 0]);
  assert.is(sites[0].frames[1].functionName, "startWork");
  assert.ok(sites[0].frames.length <= 5, "depth 5 by default");
  assert.is(sites[0].ids.length, 20, "at most 20 ids");
  assert.ok(sites[0].selfSize > 0 && sites[0].selfSize === traced.filter((n) => graph.allocationStack(n.ordinal)![0].functionName === "allocateNeedles").reduce((sum, n) => sum + n.selfSize, 0));

  const byOrdinals = allocationSites(graph, { ordinals: traced.map((n) => n.ordinal) }, { limit: 1, depth: 1 });
  assert.is(byOrdinals.length, 1);
  assert.is(byOrdinals.moreSites, 1);
  assert.is(byOrdinals[0].frames.length, 1);
  assert.is(byOrdinals[0].count, 30);
  const byIds = allocationSites(graph, { ids: [...traced.map((n) => n.id), 2 ** 31 + 1] });
  assert.equal(byIds.map((s) => s.count), [30, 5]);
  assert.is(byIds.notFound, 1);
});

test(`allocationStack (${runtime()}): null everywhere in a snapshot taken without allocation tracking`, async () => {
  const graph = await scenarioGraph(tracks ? "objgraph-refs-sample" : "allocation-sites");
  assert.is(graph.hasAllocationTraces(), false);
  for (let o = 0; o < graph.nodeCount; o += 97) assert.is(graph.allocationStack(o), null);
  const all = { ordinals: Array.from({ length: 50 }, (_, i) => i) };
  const sites = allocationSites(graph, all);
  assert.equal([sites.length, sites.hasTraces, sites.objects, sites.untracked], [0, false, 50, 50]);
});

/** A graph of three objects whose trace sections are given (V8's field order). */
function tracedGraph(tree: unknown[], infos: [name: string, script: string, scriptId: number, line: number, column: number][], traceIds: [number, number, number]): HeapGraph {
  const s = syntheticSnapshot({
    nodes: {
      a: { type: "object", name: "A", size: 16, traceNodeId: traceIds[0] },
      b: { type: "object", name: "B", size: 16, traceNodeId: traceIds[1] },
      c: { type: "object", name: "C", size: 16, traceNodeId: traceIds[2] },
    },
    roots: ["a"],
    edges: [["a", "property", "b", "b"], ["a", "property", "c", "c"]],
  });
  const json = structuredClone(s.json);
  const string = (text: string) => {
    const at = json.strings.indexOf(text);
    return at >= 0 ? at : json.strings.push(text) - 1;
  };
  json.snapshot.meta.trace_function_info_fields = ["function_id", "name", "script_name", "script_id", "line", "column"];
  json.snapshot.meta.trace_node_fields = ["id", "function_info_index", "count", "size", "children"];
  json.trace_function_infos = infos.flatMap(([name, script, scriptId, line, column], i) => [i + 1, string(name), string(script), scriptId, line, column]);
  json.trace_tree = tree;
  return buildGraph(snapshotFromJson(json as unknown as V8SnapshotJson));
}

test("allocationStack: top frame first, without (root); 1-based positions kept, 0 is unknown; unknown trace ids are null", () => {
  const infos: [string, string, number, number, number][] = [
    ["(root)", "", 0, 0, 0],
    ["main", "file:///srv/app/main.js", 7, 1, 1],
    ["", "file:///srv/app/lib.js", 8, 12, 3],
    ["native", "", 0, 0, 0],
  ];
  // (root) 1 → main 2 → anonymous 3 → native 4, and main 2 → native 5.
  const tree = [1, 0, 0, 0, [2, 1, 1, 16, [3, 2, 1, 16, [4, 3, 1, 16, []], 5, 3, 0, 0, []]]];
  const graph = tracedGraph(tree, infos, [4, 2, 9]);
  const a = byType(graph, "A")[0], b = byType(graph, "B")[0], c = byType(graph, "C")[0];
  assert.ok(graph.hasAllocationTraces());
  assert.equal(graph.allocationStack(a.ordinal), [
    { functionName: "native", scriptName: "", scriptId: 0, line: null, column: null },
    { functionName: "(anonymous)", scriptName: "file:///srv/app/lib.js", scriptId: 8, line: 12, column: 3 },
    { functionName: "main", scriptName: "file:///srv/app/main.js", scriptId: 7, line: 1, column: 1 },
  ]);
  assert.equal(graph.allocationStack(b.ordinal), [{ functionName: "main", scriptName: "file:///srv/app/main.js", scriptId: 7, line: 1, column: 1 }]);
  assert.is(graph.allocationStack(c.ordinal), null, "trace id 9 is not in the tree");
  assert.is(graph.allocationStack(graph.rootOrdinal), null, "trace id 0");
  try {
    graph.allocationStack(-1);
    assert.unreachable("a bad ordinal throws");
  } catch (error) {
    assert.instance(error, GraphError);
    assert.is((error as GraphError).code, "ORDINAL_OUT_OF_RANGE");
  }
});

test("allocationStack: a trace tree that breaks its own field layout is INVALID_SNAPSHOT, named", () => {
  const graph = tracedGraph([1, 0, 0, [2, 0, 0, 0, []]], [["(root)", "", 0, 0, 0]], [2, 0, 0]);
  try {
    graph.hasAllocationTraces();
    assert.unreachable("a malformed tree throws");
  } catch (error) {
    assert.instance(error, GraphError);
    assert.is((error as GraphError).code, "INVALID_SNAPSHOT");
    assert.match((error as Error).message, /^trace_tree: a nested list where a number belongs at token 3/);
  }
});

test("allocationSites: bad arguments and options are INVALID_OPTIONS naming the query", () => {
  const graph = tracedGraph([1, 0, 0, 0, [2, 1, 1, 16, []]], [["(root)", "", 0, 0, 0], ["main", "m.js", 7, 1, 1]], [2, 2, 0]);
  throwsQuery(() => allocationSites(graph, { ordinals: [-1] }), "INVALID_OPTIONS", /allocationSites: nodes: ordinal -1/);
  throwsQuery(() => allocationSites(graph, { ordinals: [graph.nodeCount] }), "INVALID_OPTIONS", /not in 0\.\./);
  throwsQuery(() => allocationSites(graph, 5 as never), "INVALID_OPTIONS", /allocationSites: nodes/);
  throwsQuery(() => allocationSites(graph, [], { depth: 0 }), "INVALID_OPTIONS", /depth/);
  throwsQuery(() => allocationSites(graph, [], { limits: 3 } as never), "INVALID_OPTIONS", /limits/);
  const sites = allocationSites(graph, byType(graph, "A").concat(byType(graph, "B"), byType(graph, "C")));
  assert.equal(sites.map((s) => [s.frames.map((f) => f.functionName), s.count, s.classes.map((c) => c.className)]), [[["main"], 2, ["A", "B"]]]);
  assert.is(sites.untracked, 1);
});

test.run();
