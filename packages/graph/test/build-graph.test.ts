import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticSnapshotDescription } from "@heapgraph/testkit";
import { HeapgraphError } from "@heapgraph/snapshot";
import { buildGraph, GraphError, type GraphProgress } from "../src/index.ts";
import { graphOf } from "./graph-of.ts";

const app: SyntheticSnapshotDescription = {
  nodes: {
    global: { type: "object", name: "global", size: 40 },
    customer: { type: "object", name: "Customer", size: 32 },
    name: { type: "string", name: "customer-9", size: 24 },
    long: { type: "string", name: "x".repeat(100), size: 120 },
    cons: { type: "concatenated string", name: "(concatenated string)", size: 32 },
    left: { type: "string", name: "order #", size: 24 },
    right: { type: "string", name: "42", size: 16 },
    orders: { type: "object", name: "Array", size: 32 },
    o1: { type: "object", name: "Order", size: 48 },
    o2: { type: "object", name: "Order", size: 48 },
    tick: { type: "closure", name: "tick", size: 56 },
    anon: { type: "closure", name: "", size: 56 },
    shared: { type: "code", name: "tick", size: 56 },
    script: { type: "code", name: "system / Script", size: 144 },
    url: { type: "string", name: "file:///app/main.mjs", size: 48 },
    re: { type: "regexp", name: "^a+$", size: 32 },
    elements: { type: "array", name: "(object elements)", size: 40 },
  },
  roots: ["global"],
  edges: [
    ["global", "property", "customer", "customer"],
    ["global", "property", "tick", "tick"],
    ["global", "property", "anon", "anon"],
    ["global", "property", "re", "re"],
    ["global", "property", "long", "long"],
    ["global", "property", "note", "cons"],
    ["customer", "property", "name", "name"],
    ["customer", "property", "orders", "orders"],
    ["customer", "property", "__proto__", "global"],
    ["orders", "element", 0, "o1"],
    ["orders", "element", 2, "o2"],
    ["orders", "internal", "elements", "elements"],
    ["elements", "element", 0, "o1"],
    ["elements", "element", 1, "o2"],
    ["cons", "internal", "first", "left"],
    ["cons", "internal", "second", "right"],
    ["tick", "internal", "shared", "shared"],
    ["anon", "internal", "shared", "shared"],
    ["shared", "internal", "script_or_debug_info", "script"],
    ["script", "internal", "name", "url"],
    ["o1", "weak", "back", "customer"],
  ],
  locations: [
    { node: "tick", scriptId: 12, line: 14, column: 13 },
    { node: "anon", scriptId: 12, line: 20, column: 0 },
  ],
};

test("node handles read ids, types, names, classes, sizes and distances", () => {
  const { graph, at, id } = graphOf(app);
  assert.is(graph.nodeCount, Object.keys(app.nodes).length + 2);
  const customer = graph.nodeById(id.customer)!;
  assert.ok(customer, "found by id");
  assert.is(customer.ordinal, at.customer);
  assert.is(customer.id, id.customer);
  assert.is(customer.type, "object");
  assert.is(customer.name, "Customer");
  assert.is(customer.className, "Customer");
  assert.is(customer.distance, 2);
  assert.is(customer.detached, false);
  // Customer dominates its name, its orders, the orders' elements and both orders.
  assert.is(customer.retainedSize, 32 + 24 + (32 + 40) + 48 + 48);
  assert.is(customer.dominator.ordinal, at.global);
  const orders = graph.node(at.orders);
  assert.is(orders.selfSize, 32 + 40, "the elements' size moved to the array that owns them");
  assert.is(graph.node(at.elements).selfSize, 0);
  assert.is(graph.ordinalOfId(123456), -1);
  assert.is(graph.nodeById(123456), undefined);
  for (const key of Object.keys(at)) assert.is(graph.ordinalOfId(id[key]), at[key], key);
});

test("edges and retainers name both ends, in file order and holder order", () => {
  const { graph, at } = graphOf(app);
  const edges = graph.node(at.orders).edges();
  assert.equal(edges.map((e) => [e.type, e.name, e.to.ordinal]), [
    ["element", "0", at.o1],
    ["element", "2", at.o2],
    ["internal", "elements", at.elements],
  ]);
  assert.ok(edges.every((e) => e.from.ordinal === at.orders));
  assert.is(graph.edgeName(edges[2].index), "elements");
  assert.is(graph.edgeTypeName(edges[0].index), "element");
  const retainers = graph.node(at.customer).retainers();
  assert.equal(retainers.map((e) => [e.from.ordinal, e.type, e.name]), [
    [at.global, "property", "customer"],
    [at.o1, "weak", "back"],
  ]);
  assert.ok(retainers.every((e) => e.to.ordinal === at.customer));
  const { firstRetainer, retainerNode, retainerEdge } = graph.retainers();
  assert.is(firstRetainer.length, graph.nodeCount + 1);
  assert.is(firstRetainer[graph.nodeCount], graph.edgeCount);
  for (let o = 0; o < graph.nodeCount; o++) {
    for (let r = firstRetainer[o]; r < firstRetainer[o + 1]; r++) assert.is(graph.edgeTarget(retainerEdge[r]), o);
    for (let r = firstRetainer[o] + 1; r < firstRetainer[o + 1]; r++) assert.ok(retainerNode[r - 1] <= retainerNode[r]);
  }
});

test("describe: strings, concatenations, arrays, functions with script and line, regexps, objects", () => {
  const { graph, at } = graphOf(app);
  const d = (key: string) => graph.node(at[key]).describe();
  assert.is(d("name"), '"customer-9"');
  assert.is(d("long"), `"${"x".repeat(60)}"… (100 chars)`);
  assert.is(d("cons"), '"order #42"');
  // Without V8's layout (no map edge, no sizes to read capacities from), element edges only give a lower bound.
  assert.is(d("orders"), "Array(≥3)");
  assert.is(d("elements"), "(object elements)[≥2]");
  assert.is(d("tick"), "function tick() at file:///app/main.mjs:15:14");
  assert.is(d("anon"), "function (anonymous)() at file:///app/main.mjs:21:1");
  assert.is(d("re"), "/^a+$/");
  assert.is(d("customer"), "Customer {name, orders}");
  assert.equal(graph.location(at.tick), { scriptId: 12, line: 14, column: 13 });
  assert.is(graph.location(at.customer), null);
  assert.is(graph.scriptName(12), "file:///app/main.mjs");
  assert.is(graph.scriptName(13), undefined);
});

test("work is lazy: nothing runs at build time, each phase once, progress bounded and ending at total", () => {
  const reports: GraphProgress[] = [];
  const { graph } = graphOf(app, { onProgress: (p) => reports.push(p) });
  assert.is(reports.length, 0);
  graph.distances();
  assert.equal([...new Set(reports.map((r) => r.phase))], ["distances"]);
  const first = graph.distances();
  assert.is(graph.distances(), first, "cached");
  graph.retainedSizes();
  // Dominators do not need the full retainers: they are built only when asked for.
  assert.equal([...new Set(reports.map((r) => r.phase))], ["distances", "dominators", "detachedness", "shallow sizes", "retained sizes"]);
  graph.retainers();
  const phases = [...new Set(reports.map((r) => r.phase))];
  assert.equal(phases, ["distances", "dominators", "detachedness", "shallow sizes", "retained sizes", "retainers"]);
  for (const phase of phases) {
    const mine = reports.filter((r) => r.phase === phase);
    assert.ok(mine.length <= 102, `${phase}: ${mine.length} reports`);
    assert.ok(mine.filter((r) => r.done === r.total).length === 1, `${phase} ends once`);
    assert.is(mine[mine.length - 1].done, mine[mine.length - 1].total);
    for (let i = 1; i < mine.length; i++) assert.ok(mine[i].done >= mine[i - 1].done, `${phase} only grows`);
  }
  const before = reports.length;
  graph.retainedSizes();
  graph.dominators();
  assert.is(reports.length, before, "nothing is computed twice");
});

test("progress on a bigger graph reports along the way", () => {
  const nodes: SyntheticSnapshotDescription["nodes"] = { head: { type: "object", name: "Head", size: 8 } };
  const edges: SyntheticSnapshotDescription["edges"] = [];
  for (let i = 0; i < 3000; i++) {
    nodes[`n${i}`] = { type: "object", name: "Link", size: 8 };
    edges.push([i === 0 ? "head" : `n${i - 1}`, "property", "next", `n${i}`]);
  }
  const reports: GraphProgress[] = [];
  const { graph } = graphOf({ nodes, roots: ["head"], edges }, { onProgress: (p) => reports.push(p) });
  graph.distances();
  assert.ok(reports.length > 50 && reports.length <= 101, `${reports.length} reports`);
  assert.is(graph.distances()[graph.nodeCount - 1], 3001);
});

test("bad input is refused with GraphError and the bad value", () => {
  const { graph, snapshot } = graphOf(app);
  assert.throws(() => graph.node(graph.nodeCount), (e: unknown) => e instanceof GraphError && e.code === "ORDINAL_OUT_OF_RANGE" && e.message.includes(String(graph.nodeCount)));
  assert.throws(() => graph.node(1.5), (e: unknown) => e instanceof GraphError && e.code === "ORDINAL_OUT_OF_RANGE");
  assert.throws(() => graph.edgeName(-1), (e: unknown) => e instanceof GraphError && e.code === "EDGE_OUT_OF_RANGE" && e.message.includes("-1"));
  assert.throws(() => buildGraph(snapshot, { onProgress: 5 as never }), (e: unknown) => e instanceof GraphError && e.code === "INVALID_OPTIONS" && /^buildGraph: onProgress: .*\(got 5\)/.test(e.message));
  assert.throws(() => buildGraph(snapshot, { onprogress: () => {} } as never), (e: unknown) => e instanceof GraphError && e.code === "INVALID_OPTIONS" && e.message.includes('"onprogress"'));
  assert.ok(new GraphError("INVALID_SNAPSHOT", "x") instanceof HeapgraphError, "GraphError is a HeapgraphError");
  const broken = { ...snapshot, edgeTarget: snapshot.edgeTarget.map((t, i) => (i === 3 ? 9999 : t)) };
  assert.throws(() => buildGraph(broken), (e: unknown) => e instanceof GraphError && e.code === "INVALID_SNAPSHOT" && e.message.includes("9999"));
});

test("node 24 layout (no trace ids) and snapshots with root_index index the same", () => {
  for (const layout of ["node20", "node24", "legacy"] as const) {
    const { graph, at } = graphOf({ ...app, layout, rootIndex: true });
    assert.is(graph.node(at.customer).retainedSize, 32 + 24 + 72 + 96, layout);
    assert.is(graph.distances()[at.o2], 4, layout);
    assert.is(graph.distances()[at.url], 5, layout);
    assert.is(graph.rootOrdinal, 0, layout);
  }
});

test.run();
