import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticNode } from "@heapgraph/testkit";
import { assertSameAsDevTools, byKey, graphOf } from "./graph-of.ts";

const obj = (name: string, size: number): SyntheticNode => ({ type: "object", name, size });
const arr = (size: number): SyntheticNode => ({ type: "array", name: "(object elements)", size });
const hidden = (size: number): SyntheticNode => ({ type: "hidden", name: "system / PropertyArray", size });

test("arrays and hidden objects one object owns move their size to it; shared ones keep theirs", async () => {
  const g = graphOf({
    nodes: {
      g: obj("Global", 8),
      owner: obj("Owner", 16), own: arr(100), props: hidden(50), deep: arr(7),
      a: obj("A", 16), b: obj("B", 16), shared: arr(200),
      viaWeak: obj("W", 16), weakArr: arr(300),
      sysArr: arr(400),
      ext: { type: "native", name: "system / ExternalStringData", size: 64 }, s: { type: "string", name: "external", size: 32 },
    },
    roots: ["g"],
    gcRoots: ["sysArr"],
    edges: [
      ["g", "property", "owner", "owner"],
      ["owner", "internal", "elements", "own"],
      ["owner", "internal", "properties", "props"],
      ["props", "element", 0, "deep"], // owned through a chain of internals
      ["g", "property", "a", "a"],
      ["g", "property", "b", "b"],
      ["a", "internal", "elements", "shared"],
      ["b", "internal", "elements", "shared"],
      ["g", "property", "w", "viaWeak"],
      ["viaWeak", "weak", "w", "weakArr"], // weak edges do not own
      ["g", "property", "s", "s"],
      ["s", "internal", "resource", "ext"],
    ],
  });
  const self = g.graph.selfSizes();
  assert.equal(byKey(g, ["owner", "own", "props", "deep", "a", "shared", "weakArr", "sysArr", "s", "ext"], (o) => self[o]), {
    owner: 16 + 100 + 50 + 7, own: 0, props: 0, deep: 0,
    a: 16, shared: 200,
    weakArr: 300,
    sysArr: 400, // its only owner is a synthetic root
    s: 32 + 64, ext: 0,
  });
  // The raw sizes stay in the snapshot.
  assert.is(g.snapshot.nodeSelfSize[g.at.own], 100);
  assert.is(g.graph.node(g.at.owner).selfSize, 173);
  await assertSameAsDevTools(g);
});

test("snapshots without user roots (exposed internals) keep raw sizes", async () => {
  const g = graphOf({ nodes: { o: obj("O", 16), a: arr(100) }, gcRoots: ["o"], edges: [["o", "internal", "elements", "a"]] });
  const self = g.graph.selfSizes();
  assert.equal(byKey(g, ["o", "a"], (o) => self[o]), { o: 16, a: 100 });
  await assertSameAsDevTools(g);
});

test.run();
