// The engine API that queries reach nodes and edges through (HeapGraph): iteration helpers, typed
// columns, id matching across graphs and the filtered neighbour walk, checked against the handles.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticSnapshotDescription } from "@heapgraph/testkit";
import { GraphError, type HeapGraph } from "../src/index.ts";
import { graphOf } from "./graph-of.ts";

const heap: SyntheticSnapshotDescription = {
  nodes: {
    global: { type: "object", name: "global", size: 40, id: 101 },
    cache: { type: "object", name: "Cache", size: 32, id: 103 },
    item: { type: "object", name: "Item", size: 24, id: 105 },
    proto: { type: "object", name: "Object", size: 16, id: 107 },
    map: { type: "hidden", name: "system / Map", size: 80, id: 109 },
    ref: { type: "object", name: "WeakRef", size: 16, id: 111 },
    target: { type: "object", name: "Target", size: 8, id: 113 },
  },
  roots: ["global"],
  edges: [
    ["global", "property", "cache", "cache"],
    ["global", "property", "ref", "ref"],
    ["cache", "property", "item", "item"],
    ["cache", "property", "__proto__", "proto"],
    ["cache", "internal", "map", "map"],
    ["item", "weak", "owner", "cache"],
    ["ref", "weak", "target", "target"],
  ],
};

/** What a walk from `o` visits, as `edgeName>ordinal` strings. */
function walked(graph: HeapGraph, o: number, options: Parameters<HeapGraph["walker"]>[0]): string[] {
  const out: string[] = [];
  graph.walker(options)(o, (n, e) => out.push(`${graph.edgeName(e)}>${n}`));
  return out;
}

test("forEachEdge and forEachRetainer visit what the handles show, with edgeTarget and edgeHolder agreeing", () => {
  const { graph } = graphOf(heap);
  let edges = 0;
  for (let o = 0; o < graph.nodeCount; o++) {
    const seen: [number, number][] = [];
    graph.forEachEdge(o, (target, e) => seen.push([target, e]));
    assert.equal(seen, graph.node(o).edges().map((x) => [x.to.ordinal, x.index]));
    for (const [target, e] of seen) {
      assert.is(graph.edgeTarget(e), target);
      assert.is(graph.edgeHolder(e), o);
    }
    const held: [number, number][] = [];
    graph.forEachRetainer(o, (holder, e) => held.push([holder, e]));
    assert.equal(held, graph.node(o).retainers().map((x) => [x.from.ordinal, x.index]));
    edges += seen.length;
  }
  assert.is(edges, graph.edgeCount);
  assert.throws(() => graph.forEachEdge(graph.nodeCount, () => {}), (e: unknown) => e instanceof GraphError && e.code === "ORDINAL_OUT_OF_RANGE");
  assert.throws(() => graph.edgeHolder(graph.edgeCount), (e: unknown) => e instanceof GraphError && e.code === "EDGE_OUT_OF_RANGE");
});

test("nodeColumns and typeCodes read what the handles read", () => {
  const { graph, at } = graphOf(heap);
  const { id, type, name, strings } = graph.nodeColumns();
  const codes = graph.typeCodes();
  for (let o = 0; o < graph.nodeCount; o++) {
    const node = graph.node(o);
    assert.is(id[o], node.id);
    assert.is(strings[name[o]], node.name);
  }
  assert.is(type[at.map], codes.hidden);
  assert.is(type[at.cache], codes.object);
  assert.is(graph.nodeColumns(), graph.nodeColumns(), "cached on the graph");
  assert.is(graph.typeCodes(), graph.typeCodes(), "computed once per graph");
  // The parser's columns are not part of the contract: code that reads them does not typecheck.
  // @ts-expect-error -- HeapGraph.snapshot is the format and header only
  assert.ok(graph.snapshot.nodeId === undefined || graph.snapshot.format === "v8");
});

test("idMatches pairs nodes of two graphs by heap object id, as ordinalOfId does one at a time", () => {
  const { graph: before } = graphOf(heap);
  const after = graphOf({
    ...heap,
    nodes: { fresh: { type: "object", name: "Item", size: 24, id: 201 }, ...heap.nodes },
    edges: [...(heap.edges ?? []), ["cache", "property", "fresh", "fresh"]],
  });
  const matches = after.graph.idMatches(before);
  const { id } = after.graph.nodeColumns();
  for (let o = 0; o < after.graph.nodeCount; o++) assert.is(matches[o], before.ordinalOfId(id[o]));
  assert.is(matches[after.at.fresh], -1, "a new object has no match");
  assert.is(before.node(matches[after.at.item]).id, 105);
});

test("the walker follows retaining edges and hides plumbing and __proto__ links unless asked", () => {
  const { graph, at } = graphOf(heap);
  assert.equal(walked(graph, at.cache, {}), [`item>${at.item}`], "no __proto__ link, no map");
  assert.equal(walked(graph, at.cache, { internals: true }), [`item>${at.item}`, `__proto__>${at.proto}`, `map>${at.map}`]);
  assert.equal(walked(graph, at.ref, {}), [], "a weak edge keeps nothing alive");
  assert.equal(walked(graph, at.ref, { weak: true }), [`target>${at.target}`]);
  assert.equal(walked(graph, at.cache, { backwards: true }), [`cache>${at.global}`], "the item's weak edge back is not a holder");
  assert.equal(walked(graph, at.cache, { backwards: true, weak: true }), [`cache>${at.global}`, `owner>${at.item}`]);
});

test.run();
