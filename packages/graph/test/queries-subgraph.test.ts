import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  backrefs,
  byType,
  chainSelection,
  findBackrefChain,
  isModule,
  isPlumbing,
  QueryError,
  refs,
  type HeapGraph,
  type HeapNode,
  type Selection,
} from "../src/index.ts";
import { runtime, scenarioGraph, scenarioGraphs } from "./queries-snapshots.ts";

function property(node: HeapNode, name: string): HeapNode {
  const edge = node.edges().find((e) => e.name === name && e.type !== "weak");
  if (!edge) throw new Error(`${node.className} @${node.id} has no ${name}`);
  return edge.to;
}

/** Every edge of a selection joins two of its nodes and exists in the graph with that type and name. */
function assertWellFormed(graph: HeapGraph, selection: Selection): void {
  const inside = new Set(selection.nodes.map((n) => n.ordinal));
  assert.is(inside.size, selection.nodes.length, "no node twice");
  for (const e of selection.edges) {
    assert.ok(inside.has(e.from) && inside.has(e.to));
    let found = false;
    graph.forEachEdge(e.from, (target, i) => {
      found ||= target === e.to && graph.edgeName(i) === e.name && graph.edgeTypeName(i) === e.type;
    });
    assert.ok(found, `edge ${e.type} ${e.name} from ${e.from} to ${e.to}`);
  }
}

async function sample(): Promise<{ graph: HeapGraph; y: HeapNode; x: HeapNode; inner: HeapNode; dict: HeapNode }> {
  const graph = await scenarioGraph("objgraph-refs-sample");
  const [holder] = byType(graph, "RefsSampleHolder");
  const y = property(holder, "y");
  const x = property(y, "0");
  return { graph, y, x, inner: property(y, "1"), dict: property(y, "2") };
}

test(`refs (${runtime()}): y = [x, [x], {x}] shows the four objects objgraph draws, no plumbing`, async () => {
  const { graph, y, x, inner, dict } = await sample();
  const selection = refs(graph, [y]);
  assertWellFormed(graph, selection);
  assert.is(selection.kind, "refs");
  assert.equal(new Set(selection.nodes.map((n) => n.id)), new Set([y.id, x.id, inner.id, dict.id]));
  const byId = new Map(selection.nodes.map((n) => [n.id, n]));
  assert.is(byId.get(y.id)!.depth, 0);
  assert.is(byId.get(y.id)!.role, "start");
  for (const n of [x, inner, dict]) assert.is(byId.get(n.id)!.depth, 1);
  const edges = selection.edges.map((e) => `${graph.node(e.from).id}-${e.name}->${graph.node(e.to).id}`).sort();
  assert.equal(edges, [`${y.id}-0->${x.id}`, `${y.id}-1->${inner.id}`, `${y.id}-2->${dict.id}`, `${inner.id}-0->${x.id}`, `${dict.id}-x->${x.id}`].sort());
  assert.is(selection.depthLimited, 0);
  for (const n of selection.nodes) assert.is(n.truncated, 0);
  assert.match(byId.get(y.id)!.preview, /3/);
});

test(`refs (${runtime()}): internals: true shows the plumbing the default hides`, async () => {
  const { graph, y } = await sample();
  const plain = refs(graph, [y]);
  const all = refs(graph, [y], { internals: true, tooMany: 50, maxDepth: 1 });
  assertWellFormed(graph, all);
  assert.ok(all.nodes.length > plain.nodes.length - 0 && all.nodes.some((n) => isPlumbing(graph.node(n.ordinal))));
  assert.ok(all.edges.some((e) => e.name === "__proto__" || isPlumbing(graph.node(e.to))));
  assert.not.ok(plain.nodes.some((n) => isPlumbing(graph.node(n.ordinal))));
});

test(`refs (${runtime()}): filter, highlight, extraInfo and extraIgnore`, async () => {
  const { graph, y, x, dict } = await sample();
  const filtered = refs(graph, y, { filter: (n) => n.id !== dict.id });
  assert.not.ok(filtered.nodes.some((n) => n.id === dict.id));
  const ignored = refs(graph, y, { extraIgnore: [x.id] });
  assert.not.ok(ignored.nodes.some((n) => n.id === x.id));
  assert.is(ignored.nodes.length, 3);
  const marked = refs(graph, y, { highlight: (n) => n.id === x.id, extraInfo: (n) => `#${n.id}` });
  for (const n of marked.nodes) {
    assert.is(n.extraInfo, `#${n.id}`);
    assert.is(n.highlighted, n.id === x.id);
  }
  assert.is(marked.nodes.find((n) => n.id === x.id)!.role, "highlight");
  const shallow = refs(graph, y, { maxDepth: 0 });
  assert.equal(shallow.nodes.map((n) => n.id), [y.id]);
  assert.is(shallow.depthLimited, 1);
});

test(`refs (${runtime()}): tooMany 5 on an array of 7 objects keeps 5 edges and counts 2`, async () => {
  const graph = await scenarioGraph("objgraph-too-many");
  const [holder] = byType(graph, "TooManyHolder");
  const seven = property(holder, "seven");
  const selection = refs(graph, [seven], { tooMany: 5, maxDepth: 1 });
  assertWellFormed(graph, selection);
  const start = selection.nodes.find((n) => n.id === seven.id)!;
  assert.is(selection.edges.length, 5);
  assert.is(start.truncated, 2);
  assert.is(selection.nodes.length, 6);
  for (const n of selection.nodes) if (n.id !== seven.id) assert.is(n.className, "TooManyItem");
});

test(`backrefs (${runtime()}): 42 arrays holding one object, tooMany 5, maxDepth 1: 6 nodes and 37 more`, async () => {
  const graph = await scenarioGraph("objgraph-too-many");
  const [shared] = byType(graph, "TooManyShared");
  const selection = backrefs(graph, [shared], { tooMany: 5, maxDepth: 1 });
  assertWellFormed(graph, selection);
  assert.is(selection.kind, "backrefs");
  assert.is(selection.nodes.length, 6);
  assert.is(selection.nodes.find((n) => n.id === shared.id)!.truncated, 37);
  assert.is(selection.edges.length, 5);
  for (const e of selection.edges) {
    assert.is(e.to, shared.ordinal, "edges point from holder to held");
    assert.is(e.type, "element");
  }
  // Each of the five arrays is held by the list of 42: depth-limited, not expanded.
  assert.is(selection.depthLimited, 5);
});

test(`backrefs (${runtime()}): stops at modules by default; cull: null goes on`, async () => {
  const { after: graph } = await scenarioGraphs("objgraph-cache-leak", ["before", "after"]);
  const [fat] = byType(graph, "MyBigFatObject");
  const chain = findBackrefChain(graph, fat, isModule);
  const depth = chain.length - 1;
  const culled = backrefs(graph, fat, { maxDepth: depth + 1, tooMany: 50 });
  assertWellFormed(graph, culled);
  const module = culled.nodes.find((n) => n.id === chain[0].id);
  assert.ok(module, "the module on the chain is drawn");
  assert.is(module!.role, "module");
  assert.not.ok(culled.edges.some((e) => e.to === module!.ordinal), "and not expanded");
  const open = backrefs(graph, fat, { maxDepth: depth + 1, tooMany: 50, cull: null });
  assert.ok(open.edges.some((e) => e.to === module!.ordinal), "without cull its holders are drawn");
});

test(`chainSelection (${runtime()}): a backref chain to draw`, async () => {
  const { after: graph } = await scenarioGraphs("objgraph-cache-leak", ["before", "after"]);
  const [fat] = byType(graph, "MyBigFatObject");
  const chain = findBackrefChain(graph, fat, isModule);
  const selection = chainSelection(graph, chain);
  assertWellFormed(graph, selection);
  assert.is(selection.kind, "chain");
  assert.is(selection.nodes.length, chain.length);
  assert.is(selection.edges.length, chain.length - 1);
  assert.is(selection.nodes.at(-1)!.depth, 0);
  assert.is(selection.nodes.at(-1)!.role, "start");
  assert.is(selection.nodes[0].depth, chain.length - 1);
  assert.is(selection.nodes[0].role, "module");
});

test("refs and backrefs check their options", async () => {
  const { graph, y } = await sample();
  const expectCode = (fn: () => unknown, code: string, message: RegExp) => {
    try {
      fn();
      assert.unreachable(`expected ${code}`);
    } catch (error) {
      assert.instance(error, QueryError);
      assert.is((error as QueryError).code, code);
      assert.match((error as Error).message, message);
    }
  };
  expectCode(() => refs(graph, y, { max_depth: 2 } as never), "INVALID_OPTIONS", /max_depth/);
  expectCode(() => refs(graph, y, { tooMany: 2.5 }), "INVALID_OPTIONS", /tooMany/);
  expectCode(() => backrefs(graph, y, { cull: "modules" as never }), "INVALID_OPTIONS", /cull/);
  expectCode(() => refs(graph, [y, 42 as never]), "INVALID_OPTIONS", /node handle/);
  expectCode(() => chainSelection(graph, []), "INVALID_OPTIONS", /non-empty/);
});

test.run();
