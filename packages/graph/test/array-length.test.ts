// Arrays show the length the snapshot proves, whatever their element kind (issue 14, item 7):
// V8 writes no length and no edges for Smi or double elements, so the rule combines element
// edges (a lower bound) with the backing store's capacity (an upper bound, exact for a
// literal's copy-on-write elements). Never a wrong number.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { testWhen } from "@heapgraph/testkit";
import { runtime, syntheticGraph } from "./queries-snapshots.ts";
import { heldBy, truthsGraph, v8Heap } from "./smaller-truths.ts";

testWhen(v8Heap, "Bun's snapshots have no V8 backing stores")(`V8 arrays of every element kind (${runtime()}): exact when proven, bounds otherwise`, async () => {
  const a = heldBy(await truthsGraph(), "TruthArrays");
  const d = (key: string) => a[key].describe();
  assert.is(d("smis"), "Array(3)", "[1, 2, 3]: a literal's copy-on-write elements");
  assert.is(d("objects"), "Array(3)", "three objects filling their store");
  assert.is(d("empty"), "Array(0)", "no backing store");
  assert.is(d("filled"), "Array(≤64)", "new Array(64).fill(0): Smis, capacity 64");
  assert.is(d("doubles"), "Array(≤2)", "[1.5, 2.5]: a double store");
  assert.match(d("holey"), /^Array\(≥4, ≤(\d+)\)$/, "objects at 0 and 3 in a grown store");
  const pushed = /^Array\(≤(\d+)\)$/.exec(d("pushed"));
  assert.ok(pushed && Number(pushed[1]) >= 100, `100 pushed numbers: ${d("pushed")}`);
  assert.is(d("sparse"), "Array(≥100001)", "a dictionary store gives no upper bound");
  // The backing store with objects at 0 and 3 shows its slot count, not the old "[0]".
  const store = a.holey.edges().find((e) => e.name === "elements")!.to;
  const slots = /^\(object elements\)\[(\d+)\]$/.exec(store.describe());
  assert.ok(slots, store.describe());
  assert.is(`Array(≥4, ≤${slots![1]})`, d("holey"), "the array's bound is its store's slot count");
});

testWhen(!v8Heap, "only Bun's snapshots lack V8's layout")(`Bun arrays (${runtime()}): element edges give a lower bound, nothing else is claimed`, async () => {
  const a = heldBy(await truthsGraph(), "TruthArrays");
  assert.is(a.holey.describe(), "Array(≥4)");
  assert.is(a.objects.describe(), "Array(≥3)");
  assert.is(a.smis.describe(), "Array", "no number rather than a wrong one");
});

test("dictionary-sized stores and stores whose slots disagree with the element edges give no upper bound", () => {
  // A V8-like layout: arrays of 32 bytes with a map; stores of 16 + 8 × slots bytes.
  const { graph, at } = syntheticGraph({
    nodes: {
      g: { type: "object", name: "global", size: 40 },
      map: { type: "object shape", name: "system / Map", size: 80 },
      fast: { type: "object", name: "Array", size: 32 },
      fastStore: { type: "array", name: "(object elements)", size: 16 + 8 * 5 },
      dict: { type: "object", name: "Array", size: 32 },
      dictStore: { type: "array", name: "(object elements)", size: 16 + 8 * 16 },
      smiDict: { type: "object", name: "Array", size: 32 },
      smiDictStore: { type: "array", name: "(object elements)", size: 16 + 8 * 28 },
      x: { type: "object", name: "X", size: 16 },
      y: { type: "object", name: "Y", size: 16 },
    },
    roots: ["g"],
    edges: [
      ["g", "property", "fast", "fast"],
      ["g", "property", "dict", "dict"],
      ["g", "property", "smiDict", "smiDict"],
      ["fast", "internal", "map", "map"],
      ["fast", "element", 1, "x"],
      ["fast", "internal", "elements", "fastStore"],
      ["fastStore", "internal", "1", "x"],
      ["dict", "internal", "map", "map"],
      ["dict", "element", 2, "y"],
      ["dict", "internal", "elements", "dictStore"],
      ["dictStore", "internal", "6", "y"],
      ["smiDict", "internal", "map", "map"],
      ["smiDict", "internal", "elements", "smiDictStore"],
    ],
  });
  assert.is(graph.describe(at.fast), "Array(≥2, ≤5)");
  assert.is(graph.describe(at.fastStore), "(object elements)[5]");
  assert.is(graph.describe(at.dict), "Array(≥3)", "element 2 sits in slot 6: a dictionary");
  assert.is(graph.describe(at.smiDict), "Array", "28 slots is a dictionary's size (4 + 3 × 8)");
});

test.run();
