import { test } from "uvu";
import * as assert from "uvu/assert";
import { syntheticSnapshot } from "../src/index.ts";

const small = () =>
  syntheticSnapshot({
    nodes: {
      window: { type: "object", name: "Window", size: 40 },
      a: { type: "object", name: "Foo", size: 32 },
      s: { type: "string", name: "héllo \"wörld\"\n\u{1F600}", size: 24 },
    },
    roots: ["window"],
    edges: [
      ["window", "property", "foo", "a"],
      ["a", "element", 0, "s"],
      ["a", "weak", "ref", "window"],
    ],
  });

test("the synthetic root comes first and (GC roots) second, with ids 1 and 3", () => {
  const { json, ordinal, id } = small();
  assert.is(ordinal["(root)"], 0);
  assert.is(ordinal["(GC roots)"], 1);
  assert.is(id["(root)"], 1);
  assert.is(id["(GC roots)"], 3);
  assert.is(json.snapshot.node_count, 5);
  assert.is(json.nodes.length, 5 * 7);
});

test("edges are flat offsets into nodes and counts agree with the header", () => {
  const { json, ordinal } = small();
  assert.is(json.edges.length, json.snapshot.edge_count * 3);
  // window's edge list starts after root's two edges ((GC roots) and the window shortcut)
  const fields = json.snapshot.meta.node_fields as string[];
  const sum = json.nodes.filter((_, i) => i % fields.length === 4).reduce((a, b) => a + b, 0);
  assert.is(sum, json.snapshot.edge_count);
  const targets = json.edges.filter((_, i) => i % 3 === 2);
  assert.ok(targets.includes(ordinal.s * fields.length));
});

test("the text is valid JSON that equals the parsed form, strings escaped", () => {
  const { text, json } = small();
  assert.equal(JSON.parse(text), json);
  assert.ok(json.strings.includes("héllo \"wörld\"\n\u{1F600}"));
});

test("layouts: node24 drops trace_node_id, legacy drops detachedness", () => {
  const n24 = syntheticSnapshot({ nodes: {}, layout: "node24" }).json.snapshot.meta.node_fields as string[];
  assert.equal(n24, ["type", "name", "id", "self_size", "edge_count", "detachedness"]);
  const legacy = syntheticSnapshot({ nodes: {}, layout: "legacy" }).json.snapshot.meta.node_fields as string[];
  assert.equal(legacy, ["type", "name", "id", "self_size", "edge_count"]);
});

test("bad descriptions are refused with the reason", () => {
  assert.throws(() => syntheticSnapshot({ nodes: {}, edges: [["(root)", "property", "x", "nope"]] }), /unknown node "nope"/);
  assert.throws(() => syntheticSnapshot({ nodes: { a: { type: "object", name: "A" } }, edges: [["a", "element", "x", "a"]] }), /takes a number/);
});

test.run();
