import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticNode } from "@heapgraph/testkit";
import { NO_DISTANCE, SYSTEM_DISTANCE } from "../src/index.ts";
import { assertSameAsDevTools, byKey, graphOf } from "./graph-of.ts";

const obj = (name: string, size = 8): SyntheticNode => ({ type: "object", name, size });

test("user roots are at 1; what only system roots reach is counted from SYSTEM_DISTANCE; weak edges are not followed", async () => {
  const g = graphOf({
    nodes: { g: obj("Global"), a: obj("A"), b: obj("B"), sys: obj("Internal"), sysChild: obj("InternalChild"), weakOnly: obj("W"), lost: obj("Lost") },
    roots: ["g"],
    gcRoots: ["sys"],
    edges: [
      ["g", "property", "a", "a"],
      ["a", "element", 0, "b"],
      ["sys", "internal", "x", "sysChild"],
      ["sys", "internal", "a", "a"], // already nearer through g
      ["a", "weak", "w", "weakOnly"],
    ],
  });
  const d = g.graph.distances();
  assert.equal(byKey(g, ["g", "a", "b", "weakOnly", "lost"], (o) => d[o]), { g: 1, a: 2, b: 3, weakOnly: NO_DISTANCE, lost: NO_DISTANCE });
  assert.is(d[g.graph.rootOrdinal], SYSTEM_DISTANCE);
  assert.is(d[g.at["(GC roots)"]], SYSTEM_DISTANCE + 1);
  assert.equal(byKey(g, ["sys", "sysChild"], (o) => d[o]), { sys: SYSTEM_DISTANCE + 2, sysChild: SYSTEM_DISTANCE + 3 });
  await assertSameAsDevTools(g);
});

test("without user roots the synthetic root is at 0", async () => {
  const g = graphOf({ nodes: { sys: obj("Internal"), child: obj("Child") }, gcRoots: ["sys"], edges: [["sys", "internal", "c", "child"]] });
  const d = g.graph.distances();
  assert.is(d[g.graph.rootOrdinal], 0);
  assert.equal(byKey(g, ["(GC roots)", "sys", "child"], (o) => d[o]), { "(GC roots)": 1, sys: 2, child: 3 });
  await assertSameAsDevTools(g);
});

test("a WeakMap value is as far as the farther of its table and its key", async () => {
  // The key is near (g.key), the table far (g.wm -> table): the value counts from the table.
  const g = graphOf({
    nodes: {
      g: obj("Global"),
      wm: obj("WeakMap"),
      table: { type: "array", name: "system / EphemeronHashTable", size: 8, id: 901 },
      key: obj("Key"),
      value: obj("Value"),
    },
    roots: ["g"],
    edges: [
      ["g", "property", "wm", "wm"],
      ["g", "property", "key", "key"],
      ["wm", "internal", "table", "table"],
      ["table", "internal", "1 / part of key (Key @7) -> value (Value @9) pair in WeakMap (table @901)", "value"],
      ["key", "internal", "2 / part of key (Key @7) -> value (Value @9) pair in WeakMap (table @901)", "value"],
    ],
  });
  const d = g.graph.distances();
  assert.equal(byKey(g, ["key", "table", "value"], (o) => d[o]), { key: 2, table: 3, value: 4 });
  await assertSameAsDevTools(g);
});

test("a native context's sloppy_function_map and shared descriptor links are not followed", async () => {
  const g = graphOf({
    nodes: {
      g: obj("Global"),
      ctx: { type: "hidden", name: "system / NativeContext", size: 8 },
      sloppy: { type: "hidden", name: "system / Map", size: 8 },
      other: { type: "hidden", name: "system / Map", size: 8 },
      descriptors: { type: "array", name: "(map descriptors)", size: 8 },
      d0: obj("D0"), d1: obj("D1"), d2: obj("D2"), d3: obj("D3"), d4: obj("D4"), d7: obj("D7"),
    },
    roots: ["g"],
    edges: [
      ["g", "internal", "native_context", "ctx"],
      ["ctx", "internal", "sloppy_function_map", "sloppy"],
      ["ctx", "internal", "strict_function_map", "other"],
      ["g", "internal", "descriptors", "descriptors"],
      ...[0, 1, 2, 3, 4, 7].map((i): [string, "element", number, string] => ["descriptors", "element", i, `d${i}`]),
    ],
  });
  const d = g.graph.distances();
  assert.is(d[g.at.other], 3);
  assert.is(d[g.at.sloppy], NO_DISTANCE);
  // Slots 0 and 1, and from 2 on every slot but 3i+1 (4, 7, ...), are followed.
  assert.equal(byKey(g, ["d0", "d1", "d2", "d3", "d4", "d7"], (o) => d[o]), { d0: 3, d1: 3, d2: 3, d3: 3, d4: NO_DISTANCE, d7: NO_DISTANCE });
  await assertSameAsDevTools(g);
});

test.run();
