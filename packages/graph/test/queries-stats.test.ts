import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  byType,
  count,
  findClass,
  findClasses,
  mostCommonTypes,
  nodeById,
  nodesByIds,
  pathToRoot,
  findBackrefChain,
  typestats,
  type HeapGraph,
} from "../src/index.ts";
import { runtime, scenarioGraph, syntheticGraph, throwsQuery } from "./queries-snapshots.ts";

/** a (Foo) holds b (Foo) holds c (Bar); d (Foo) on its own; all under a global object. */
function nested() {
  return syntheticGraph({
    nodes: {
      g: { type: "object", name: "global", size: 4 },
      a: { type: "object", name: "Foo", size: 10 },
      b: { type: "object", name: "Foo", size: 20 },
      c: { type: "object", name: "Bar", size: 5 },
      d: { type: "object", name: "Foo", size: 7 },
    },
    roots: ["g"],
    edges: [
      ["g", "property", "a", "a"],
      ["a", "property", "b", "b"],
      ["b", "property", "c", "c"],
      ["g", "property", "d", "d"],
    ],
  });
}

test("typestats: count, self size, and retained size without counting nested instances twice", () => {
  const { graph } = nested();
  const foo = typestats(graph).find((r) => r.name === "Foo");
  assert.equal(foo, { name: "Foo", qualifiedName: "Foo", count: 3, selfSize: 37, retainedSize: 35 + 7 });
  const bar = typestats(graph).find((r) => r.name === "Bar");
  assert.equal(bar && [bar.count, bar.selfSize, bar.retainedSize], [1, 5, 5]);
});

test("typestats over chosen nodes and with a filter follows the same rules", () => {
  const { graph, at } = nested();
  const subset = typestats(graph, { nodes: [graph.node(at.b), graph.node(at.d)] });
  assert.equal(subset.map((r) => [r.name, r.count, r.selfSize, r.retainedSize]), [["Foo", 2, 27, 25 + 7]]);
  const big = typestats(graph, { filter: (n) => n.selfSize >= 10 && n.className === "Foo" });
  assert.equal(big.map((r) => [r.name, r.count, r.retainedSize]), [["Foo", 2, 35]]);
});

test("mostCommonTypes sorts by count and limits; count matches names", () => {
  const { graph, at } = nested();
  const top = mostCommonTypes(graph, { limit: 1 });
  assert.is(top.length, 1);
  assert.is(top[0].name, "Foo");
  assert.is(count(graph, "Foo"), 3);
  assert.is(count(graph, "Foo", { nodes: [graph.node(at.a), graph.node(at.c)] }), 1);
  assert.is(count(graph, "Nothing"), 0);
  const all = typestats(graph);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].count >= all[i].count);
});

test("classes with one name and different definition sites have qualified names", () => {
  const { graph } = syntheticGraph({
    nodes: {
      g: { type: "object", name: "global", size: 4 },
      w1: { type: "object", name: "Widget", size: 16 },
      w2: { type: "object", name: "Widget", size: 16 },
      w3: { type: "object", name: "Widget", size: 16 },
    },
    roots: ["g"],
    edges: [["g", "property", "a", "w1"], ["g", "property", "b", "w2"], ["g", "property", "c", "w3"]],
    locations: [
      { node: "w1", scriptId: 7, line: 2, column: 0 },
      { node: "w2", scriptId: 7, line: 2, column: 0 },
      { node: "w3", scriptId: 9, line: 4, column: 2 },
    ],
  });
  const classes = findClasses(graph, "Widget");
  assert.equal(classes.map((c) => [c.qualifiedName, c.count]), [["script#7:3:Widget", 2], ["script#9:5:Widget", 1]]);
  assert.is(count(graph, "Widget"), 3);
  assert.is(count(graph, "script#9:5:Widget"), 1);
  assert.is(findClass(graph, "script#7:3:Widget").count, 2);
  throwsQuery(() => findClass(graph, "Widget"), "AMBIGUOUS_NAME", /script#7:3:Widget, script#9:5:Widget/);
  throwsQuery(() => findClass(graph, "Gadget"), "NOT_FOUND", /Gadget/);
});

test("options are checked: unknown keys and wrong kinds throw INVALID_OPTIONS", () => {
  const { graph } = nested();
  // Each message names the query, the option or argument, and the value found.
  throwsQuery(() => typestats(graph, { limt: 3 } as never), "INVALID_OPTIONS", /^typestats: .*"limt"/);
  throwsQuery(() => mostCommonTypes(graph, { limit: -1 }), "INVALID_OPTIONS", /^mostCommonTypes: limit: .*\(got -1\)/);
  throwsQuery(() => mostCommonTypes(graph, { limit: 2.5 }), "INVALID_OPTIONS", /^mostCommonTypes: limit: .*\(got 2\.5\)/);
  assert.is(mostCommonTypes(graph, { limit: Infinity }).length, typestats(graph).length, "Infinity is a limit");
  throwsQuery(() => typestats(graph, { filter: "Item" } as never), "INVALID_OPTIONS", /^typestats: filter: expected a function \(got "Item"\)/);
  throwsQuery(() => typestats(graph, [] as never), "INVALID_OPTIONS", /^typestats: .*expected object/);
  throwsQuery(() => count(graph, ""), "INVALID_OPTIONS", /^count: class name: .*\(got ""\)/);
  throwsQuery(() => nodeById(graph, 1.5), "INVALID_OPTIONS", /^nodeById: id: .*\(got 1\.5\)/);
  const other = nested().graph;
  throwsQuery(() => count(graph, "Foo", { nodes: [other.node(1)] }), "FOREIGN_NODE");
});

test("nodeById and nodesByIds find nodes by heap object id", () => {
  const { graph, id, at } = nested();
  assert.is(nodeById(graph, id.b)?.ordinal, at.b);
  assert.is(nodeById(graph, 999_999), undefined);
  assert.equal(nodesByIds(graph, [id.d, 999_999, id.a]).map((n) => n.ordinal), [at.d, at.a]);
  throwsQuery(() => nodesByIds(graph, [id.d, 999_999], { strict: true }), "NOT_FOUND", /@999999/);
});

// ---- real snapshots ----------------------------------------------------------------------

async function reload(): Promise<HeapGraph> {
  return scenarioGraph("objgraph-code-reload");
}

test(`code reload (${runtime()}): four distinct classes of one name`, async () => {
  const graph = await reload();
  const widgets = byType(graph, "ReloadedWidget");
  assert.is(widgets.length, 4);
  assert.is(count(graph, "ReloadedWidget"), 4);
  const classes = findClasses(graph, "ReloadedWidget");
  if (runtime() === "bun") {
    // Bun writes no `locations`: nothing tells the four definition sites apart.
    assert.is(classes.length, 1);
    assert.is(classes[0].count, 4);
    return;
  }
  assert.is(classes.length, 4);
  assert.is(new Set(classes.map((c) => c.qualifiedName)).size, 4);
  for (const c of classes) {
    assert.is(c.count, 1);
    assert.is(count(graph, c.qualifiedName), 1);
    assert.match(c.script ?? "", /reloaded-widget\.mjs\?v=[1-4]$/);
    assert.is(c.line, 2, "the constructor's line, as DevTools reports it");
  }
  throwsQuery(() => findClass(graph, "ReloadedWidget"), "AMBIGUOUS_NAME");
  // The tail of a qualified name is enough.
  assert.is(findClass(graph, "reloaded-widget.mjs?v=1:2:ReloadedWidget").count, 1);
});

test(`code reload (${runtime()}): the chain to the oldest widget runs through the registry`, async () => {
  const graph = await reload();
  const [registry] = byType(graph, "WidgetRegistry");
  assert.ok(registry, "the registry is in the snapshot");
  const list = registry.edges().find((e) => e.name === "widgets")!.to;
  const first = list.edges().find((e) => e.type === "element" && e.name === "0")!.to;
  assert.is(first.className, "ReloadedWidget");
  if (runtime() !== "bun") {
    const own = findClasses(graph, first.className).filter((c) => count(graph, c.qualifiedName, { nodes: [first] }) === 1);
    assert.equal(own.map((c) => c.script?.endsWith("?v=1")), [true], "the first widget is an instance of the first load");
  }
  const path = pathToRoot(graph, first);
  assert.ok(path.found);
  assert.ok(path.steps.some((s) => s.id === list.id), "the retaining path passes the registry's list");
  const chain = findBackrefChain(graph, first, (n) => n.className === "WidgetRegistry");
  assert.equal(chain.map((n) => n.id), [registry.id, list.id, first.id]);
});

test(`too many (${runtime()}): count and byType agree with typestats`, async () => {
  const graph = await scenarioGraph("objgraph-too-many");
  const rows = typestats(graph);
  for (const name of ["TooManyItem", "TooManyShared", "TooManyHolder"]) {
    const row = rows.filter((r) => r.name === name);
    assert.is(row.length, 1, name);
    assert.is(count(graph, name), row[0].count);
    assert.is(byType(graph, name).length, row[0].count);
  }
  assert.is(count(graph, "TooManyItem"), 7);
  assert.is(count(graph, "TooManyShared"), 1);
  for (const node of byType(graph, "TooManyItem")) assert.is(nodeById(graph, node.id)?.ordinal, node.ordinal);
});

test.run();
