import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticEdge, SyntheticNode } from "@heapgraph/testkit";
import { compareClasses, compareNodes, devtoolsView, same } from "./devtools-oracle.ts";
import { assertSameAsDevTools, byKey, graphOf } from "./graph-of.ts";

const obj = (name: string, size = 8): SyntheticNode => ({ type: "object", name, size });

test("class names by node type, as DevTools names them", async () => {
  const nodes: Record<string, SyntheticNode> = {
    g: obj("Global"),
    customer: obj("Customer"),
    fn: { type: "closure", name: "tick", size: 32 },
    str: { type: "string", name: "hello", size: 16 },
    cons: { type: "concatenated string", name: "(concatenated string)", size: 16 },
    num: { type: "number", name: "heap number", size: 16 },
    arr: { type: "array", name: "(object elements)", size: 16 },
    hid: { type: "hidden", name: "system / Context", size: 16 },
    code: { type: "code", name: "(shared function info)", size: 16 },
    re: { type: "regexp", name: "a+b", size: 16 },
    sym: { type: "symbol", name: "symbol", size: 16 },
    big: { type: "bigint", name: "bigint", size: 16 },
    shape: { type: "object shape", name: "system / Map", size: 16 },
    div: { type: "native", name: '<div id="main" class="x">', size: 16 },
    span: { type: "native", name: "<span>", size: 16 },
    blink: { type: "native", name: "InternalNode", size: 16 },
  };
  const keys = Object.keys(nodes).filter((k) => k !== "g");
  const g = graphOf({ nodes, roots: ["g"], edges: keys.map((k): SyntheticEdge => ["g", "property", k, k]) });
  const classes = byKey(g, keys, (o) => g.graph.className(o));
  assert.equal(classes, {
    customer: "Customer",
    fn: "Function",
    str: "(string)",
    cons: "(concatenated string)",
    num: "(number)",
    arr: "(array)",
    hid: "(system)",
    code: "(compiled code)",
    re: "RegExp",
    sym: "(symbol)",
    big: "(bigint)",
    shape: "(object shape)",
    div: "<div>",
    span: "<span>",
    blink: "InternalNode",
  });
  await assertSameAsDevTools(g);
});

test("plain objects of a common shape are named by their properties; rare shapes stay Object", async () => {
  const nodes: Record<string, SyntheticNode> = { g: obj("Global"), proto: obj("Object") };
  const edges: SyntheticEdge[] = [];
  const add = (key: string, props: string[]) => {
    nodes[key] = obj("Object", 24);
    edges.push(["g", "property", key, key], [key, "property", "__proto__", "proto"]);
    for (const p of props) edges.push([key, "property", p, "g"]);
  };
  add("p1", ["x", "y"]);
  add("p2", ["x", "y"]);
  add("p3", ["y", "x"]); // same properties, other order: matches {x, y}
  add("p4", ["x", "y", "z"]); // a superset matches the bigger interface only if that is common
  add("q1", ["a, b", "c"]);
  add("q2", ["a, b", "c"]);
  add("lone", ["only"]);
  add("empty", []);
  const g = graphOf({ nodes, roots: ["g"], edges });
  assert.equal(byKey(g, ["p1", "p2", "p3", "p4", "q1", "lone", "empty"], (o) => g.graph.className(o)), {
    p1: "{x, y}",
    p2: "{x, y}",
    p3: "{x, y}",
    p4: "{x, y}",
    q1: '{"a, b", c}',
    lone: "Object",
    empty: "Object",
  });
  await assertSameAsDevTools(g);
});

test("objects whose constructors have script locations form one class per location; class stats as DevTools", async () => {
  const g = graphOf({
    nodes: {
      g: obj("Global", 8),
      holder: obj("Holder", 16),
      i1: obj("Item", 32),
      i2: obj("Item", 32),
      i3: obj("Item", 64),
      inner: obj("Item", 128),
      arr: { type: "array", name: "(object elements)", size: 40 },
    },
    roots: ["g"],
    edges: [
      ["g", "property", "holder", "holder"],
      ["holder", "property", "a", "i1"],
      ["holder", "property", "b", "i2"],
      ["g", "property", "c", "i3"],
      ["i1", "property", "inner", "inner"], // an Item inside an Item: the class retains it once
      ["i3", "internal", "elements", "arr"], // i3 owns its elements: 40 bytes move to it
    ],
    locations: [
      { node: "i1", scriptId: 7, line: 3, column: 2 },
      { node: "i2", scriptId: 7, line: 3, column: 2 },
      { node: "inner", scriptId: 7, line: 3, column: 2 },
      { node: "i3", scriptId: 9, line: 0, column: 0 },
    ],
  });
  const classes = g.graph.classes();
  const ofKey = (k: string) => classes.keys.indexOf(k);
  const here = ofKey("7,3,2,Item"), there = ofKey("9,0,0,Item");
  assert.ok(here >= 0 && there >= 0 && here !== there, `classes: ${classes.keys.join(" | ")}`);
  assert.is(classes.names[here], "Item");
  assert.is(classes.names[there], "Item");
  assert.equal([classes.scriptId[here], classes.line[here], classes.column[here]], [7, 3, 2]);
  const stats = g.graph.classStats();
  assert.equal([stats.count[here], stats.selfSize[here], stats.retainedSize[here], g.graph.classDistances()[here]], [3, 192, 192, 3]);
  assert.equal([stats.count[there], stats.selfSize[there], stats.retainedSize[there]], [1, 104, 104]);
  // The array gave its size away: DevTools does not count it.
  const arrays = ofKey(",(array)");
  assert.equal([stats.count[arrays], stats.nodeCount[arrays], stats.selfSize[arrays]], [0, 1, 0]);
  await assertSameAsDevTools(g);
});

test("divergence: two DevTools classes that share a name and key are one class here, with both counts", async () => {
  // DevTools keys closures by its own "Function" string and objects by their name's string, then
  // publishes both under the key ",Function": the later class overwrites the earlier in its Summary.
  const g = graphOf({
    nodes: {
      g: obj("Global"),
      fn: { type: "closure", name: "run", size: 32 },
      fakeFn: obj("Function", 48), // an instance of a user class named Function
      fakeFn2: obj("Function", 48),
    },
    roots: ["g"],
    edges: [["g", "property", "run", "fn"], ["g", "property", "a", "fakeFn"], ["g", "property", "b", "fakeFn2"]],
  });
  const devtools = await devtoolsView(g.text);
  assert.ok(same(compareNodes(g.graph, devtools)), "every node's numbers still agree");
  const classes = g.graph.classes();
  const fn = classes.keys.indexOf(",Function");
  const stats = g.graph.classStats();
  assert.equal([stats.count[fn], stats.selfSize[fn]], [3, 32 + 96]);
  const theirs = devtools.aggregates[",Function"];
  assert.ok(theirs.count === 1 || theirs.count === 2, `DevTools keeps one of the two: ${theirs.count}`);
  assert.ok(theirs.count < stats.count[fn]);
  const differences = compareClasses(g.graph, devtools);
  assert.is(differences.counts.count, 1, "exactly this class differs");
});

test.run();
