import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticEdge, SyntheticNode } from "@heapgraph/testkit";
import { assertSameAsDevTools, byKey, dominatorsByKey, graphOf } from "./graph-of.ts";

const obj = (name: string, size: number): SyntheticNode => ({ type: "object", name, size });
const prop = (from: string, name: string, to: string): SyntheticEdge => [from, "property", name, to];

test("diamond: the join is dominated by the fork, sizes add up once", async () => {
  const g = graphOf({
    nodes: { g: obj("Global", 10), a: obj("A", 20), b: obj("B", 30), d: obj("D", 40) },
    roots: ["g"],
    edges: [prop("g", "a", "a"), prop("g", "b", "b"), prop("a", "d", "d"), prop("b", "d", "d")],
  });
  assert.equal(dominatorsByKey(g, ["g", "a", "b", "d"]), { g: "(root)", a: "g", b: "g", d: "g" });
  const retained = g.graph.retainedSizes();
  assert.equal(byKey(g, ["g", "a", "b", "d"], (o) => retained[o]), { g: 100, a: 20, b: 30, d: 40 });
  assert.is(retained[g.graph.rootOrdinal], 100);
  await assertSameAsDevTools(g);
});

test("cycle: each node of a chain-shaped cycle dominates the next", async () => {
  const g = graphOf({
    nodes: { g: obj("Global", 1), a: obj("A", 2), b: obj("B", 4), c: obj("C", 8) },
    roots: ["g"],
    edges: [prop("g", "a", "a"), prop("a", "b", "b"), prop("b", "c", "c"), prop("c", "a", "a")],
  });
  assert.equal(dominatorsByKey(g, ["a", "b", "c"]), { a: "g", b: "a", c: "b" });
  const retained = g.graph.retainedSizes();
  assert.equal(byKey(g, ["a", "b", "c"], (o) => retained[o]), { a: 14, b: 12, c: 8 });
  await assertSameAsDevTools(g);
});

test("self-loop: a self edge retains nothing; a node held only by itself hangs off the root", async () => {
  const g = graphOf({
    nodes: { g: obj("Global", 1), a: obj("A", 2), lone: obj("Lone", 16) },
    roots: ["g"],
    edges: [prop("g", "a", "a"), prop("a", "me", "a"), prop("lone", "me", "lone")],
  });
  assert.equal(dominatorsByKey(g, ["a", "lone"]), { a: "g", lone: "(root)" });
  const retained = g.graph.retainedSizes();
  assert.is(retained[g.at.a], 2);
  assert.is(retained[g.at.lone], 16);
  // The root retains everything, the lone node too (as DevTools' total size does).
  assert.is(retained[g.graph.rootOrdinal], 1 + 2 + 16);
  await assertSameAsDevTools(g);
});

test("Lengauer–Tarjan's example flowgraph (TOPLAS 1979, fig. 1) gets the paper's dominator tree", async () => {
  const names = "RABCDEFGHIJKL".split("");
  const successors: Record<string, string> = {
    R: "ABC", A: "D", B: "ADE", C: "FG", D: "L", E: "H", F: "I", G: "IJ", H: "EK", I: "K", J: "I", K: "IR", L: "H",
  };
  const g = graphOf({
    nodes: Object.fromEntries(names.map((n) => [n, obj(n, 1)])),
    roots: ["R"],
    edges: names.flatMap((from) => [...(successors[from] ?? "")].map((to) => prop(from, to, to))),
  });
  const idom = dominatorsByKey(g, names.slice(1));
  assert.equal(idom, {
    A: "R", B: "R", C: "R", D: "R", E: "R", F: "C", G: "C", H: "R", I: "R", J: "G", K: "R", L: "D",
  });
  const retained = g.graph.retainedSizes();
  assert.equal(byKey(g, ["R", "C", "G", "D"], (o) => retained[o]), { R: 13, C: 4, G: 2, D: 2 });
  await assertSameAsDevTools(g);
});

test("weak-only retention: weakly held nodes hang off the root with what they alone hold", async () => {
  const g = graphOf({
    nodes: { g: obj("Global", 1), a: obj("A", 2), w: obj("Weak", 4), w2: obj("Held", 8), c1: obj("C1", 16), c2: obj("C2", 32) },
    roots: ["g"],
    edges: [
      prop("g", "a", "a"),
      ["g", "weak", "ref", "w"],
      prop("w", "x", "w2"),
      // A cycle held only weakly: no member is "only weakly held", DevTools numbers them one by one.
      ["a", "weak", "ref", "c1"],
      prop("c1", "next", "c2"),
      prop("c2", "next", "c1"),
    ],
  });
  assert.equal(dominatorsByKey(g, ["a", "w", "w2", "c1", "c2"]), { a: "g", w: "(root)", w2: "w", c1: "(root)", c2: "(root)" });
  const retained = g.graph.retainedSizes();
  assert.equal(byKey(g, ["g", "w", "c1", "c2"], (o) => retained[o]), { g: 3, w: 12, c1: 16, c2: 32 });
  await assertSameAsDevTools(g);
});

test("WeakMap ephemeron: the value is dominated by its key, not by the table", async () => {
  const g = graphOf({
    nodes: {
      g: obj("Global", 1),
      wm: obj("WeakMap", 2),
      table: { type: "array", name: "system / EphemeronHashTable", size: 4, id: 901 },
      key: obj("Key", 8),
      value: obj("Value", 16),
    },
    roots: ["g"],
    edges: [
      prop("g", "wm", "wm"),
      prop("g", "key", "key"),
      ["wm", "internal", "table", "table"],
      ["table", "weak", "1 / key", "key"],
      ["table", "internal", "1 / part of key (Key @7) -> value (Value @9) pair in WeakMap (table @901)", "value"],
      ["key", "internal", "2 / part of key (Key @7) -> value (Value @9) pair in WeakMap (table @901)", "value"],
    ],
  });
  assert.equal(dominatorsByKey(g, ["table", "key", "value"]), { table: "wm", key: "g", value: "key" });
  const retained = g.graph.retainedSizes();
  assert.is(retained[g.at.key], 8 + 16);
  await assertSameAsDevTools(g);
});

test("unreachable island: its head hangs off the root and retains the rest", async () => {
  const g = graphOf({
    nodes: { g: obj("Global", 1), i1: obj("Island", 2), i2: obj("Palm", 4) },
    roots: ["g"],
    edges: [prop("i1", "palm", "i2")],
  });
  assert.equal(dominatorsByKey(g, ["i1", "i2"]), { i1: "(root)", i2: "i1" });
  assert.is(g.graph.retainedSizes()[g.at.i1], 6);
  await assertSameAsDevTools(g);
});

test("edges from non-page objects to page objects and non-root shortcuts do not count", async () => {
  const g = graphOf({
    nodes: { g: obj("Global", 1), a: obj("A", 2), b: obj("B", 4), dbg: obj("DebuggerHeld", 8), s: obj("S", 16), t: obj("T", 32) },
    roots: ["g"],
    gcRoots: ["dbg"],
    edges: [
      prop("g", "a", "a"),
      prop("a", "b", "b"),
      prop("dbg", "b", "b"), // the debugger also holds b: ignored, b stays a's
      prop("g", "s", "s"),
      ["a", "shortcut", "t", "t"],
      prop("s", "t", "t"), // t is held by s and by a's shortcut: only s counts
    ],
  });
  assert.equal(dominatorsByKey(g, ["b", "t", "dbg"]), { b: "a", t: "s", dbg: "(GC roots)" });
  await assertSameAsDevTools(g);
});

test.run();
