import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticNode } from "@heapgraph/testkit";
import { assertSameAsDevTools, byKey, graphOf } from "./graph-of.ts";

const native = (name: string, detachedness: 0 | 1 | 2 = 0): SyntheticNode => ({ type: "native", name, size: 100, detachedness });

test("detachedness spreads through native nodes only, attached first, and names detached nodes", async () => {
  const g = graphOf({
    nodes: {
      window: { type: "object", name: "Window", size: 8 },
      doc: native("HTMLDocument", 1),
      p: native("<p>"),
      shared: native('<b class="x">'),
      div: native('<div id="gone">', 2),
      span: native("<span>"),
      spanText: native("Text"),
      hiddenChild: native("<i>"),
      wrapper: { type: "object", name: "HTMLDivElement", size: 8 },
      behindJs: native("<em>"),
      lonely: native("<u>"),
    },
    roots: ["window"],
    edges: [
      ["window", "property", "document", "doc"],
      ["window", "property", "el", "div"],
      ["doc", "element", 0, "p"],
      ["doc", "element", 1, "shared"],
      ["div", "element", 0, "span"],
      ["div", "element", 1, "shared"], // reachable from both: attached wins
      ["span", "element", 0, "spanText"],
      ["div", "hidden", 2, "hiddenChild"], // hidden edges do not spread
      ["div", "internal", "wrapper", "wrapper"],
      ["wrapper", "internal", "x", "behindJs"], // JS objects stop the spread
    ],
  });
  const state = g.graph.detachedness();
  assert.equal(
    byKey(g, ["doc", "p", "shared", "div", "span", "spanText", "hiddenChild", "wrapper", "behindJs", "lonely"], (o) => state[o]),
    { doc: 1, p: 1, shared: 1, div: 2, span: 2, spanText: 2, hiddenChild: 0, wrapper: 0, behindJs: 0, lonely: 0 },
  );
  assert.is(g.graph.isDetached(g.at.span), true);
  assert.is(g.graph.node(g.at.p).detached, false);
  assert.equal(byKey(g, ["div", "span", "spanText", "p", "shared"], (o) => g.graph.className(o)), {
    div: "Detached <div>",
    span: "Detached <span>",
    spanText: "Detached Text",
    p: "<p>",
    shared: "<b>",
  });
  await assertSameAsDevTools(g);
});

test("snapshots without a detachedness field have no detached nodes", async () => {
  const g = graphOf({ layout: "legacy", nodes: { window: { type: "object", name: "Window", size: 8 }, div: native("<div>") }, roots: ["window"], edges: [["window", "property", "d", "div"]] });
  assert.is(g.graph.detachedness().every((s) => s === 0), true);
  assert.is(g.graph.className(g.at.div), "<div>");
  await assertSameAsDevTools(g);
});

test.run();
