// objgraph's colours made readable: every text colour against every fill it can be drawn on.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SelectionNodeRole } from "@heapgraph/graph";
import { contrastRatio, hexToRgb, hsvToRgb, MIN_CONTRAST, type Rgb } from "../src/dot/contrast.ts";
import { moreBoxFill, nodeStyle } from "../src/dot/dot-style.ts";
import { loadGraphviz } from "../src/svg/load-graphviz.ts";

const NAMED: Record<string, Rgb> = { white: [255, 255, 255], black: [0, 0, 0], red: [255, 0, 0] };
/** A DOT colour as toDot writes them: "h,s,v", "#rrggbb" or a name. */
function rgb(colour: string): Rgb {
  if (colour.startsWith("#")) return hexToRgb(colour);
  if (colour in NAMED) return NAMED[colour]!;
  const [h, s, v] = colour.split(",").map(Number) as [number, number, number];
  return hsvToRgb(h, s, v);
}

const ROLES: SelectionNodeRole[] = ["start", "root", "global", "module", "highlight", "plain"];

test("every node's text contrasts at least 4.5:1 with its fill, for every role, depth and drawing depth", () => {
  let checked = 0;
  for (let maxDepth = 0; maxDepth <= 12; maxDepth++) {
    for (let depth = 0; depth <= maxDepth + 1; depth++) {
      for (const role of ROLES) {
        for (const highlighted of [false, true]) {
          const style = nodeStyle({ depth, role, highlighted }, maxDepth);
          const ratio = contrastRatio(rgb(style.fillcolor), rgb(style.fontcolor ?? "black"));
          assert.ok(ratio >= MIN_CONTRAST, `${role}${highlighted ? " (highlighted)" : ""} at depth ${depth} of ${maxDepth}: ${JSON.stringify(style)} is ${ratio.toFixed(2)}:1`);
          checked++;
        }
      }
      const more = contrastRatio(rgb(moreBoxFill(depth, maxDepth)), NAMED.white!);
      assert.ok(more >= MIN_CONTRAST, `more box at depth ${depth} of ${maxDepth}: ${moreBoxFill(depth, maxDepth)} is ${more.toFixed(2)}:1`);
    }
  }
  assert.ok(checked > 1000, `${checked} styles`);
});

test("objgraph's meanings stay: red text for starting nodes, red roots, white text on dark grey, green modules, blue highlights", () => {
  const start = nodeStyle({ depth: 0, role: "start", highlighted: false }, 3);
  assert.equal(start, { fillcolor: "0,0,1", fontcolor: "#b00000" });
  const root = nodeStyle({ depth: 3, role: "root", highlighted: false }, 3);
  assert.equal(root, { fillcolor: "#ffe6e6", fontcolor: "#b00000", color: "red" }, "GC roots: light red box, dark red text, red border, at any depth");
  assert.equal(nodeStyle({ depth: 3, role: "plain", highlighted: false }, 3), { fillcolor: "0,0,0.3", fontcolor: "white" });
  assert.equal(nodeStyle({ depth: 0, role: "plain", highlighted: false }, 3), { fillcolor: "0,0,1" });
  assert.equal(nodeStyle({ depth: 1, role: "module", highlighted: false }, 3).fillcolor, "0.3,1,0.767");
  assert.equal(nodeStyle({ depth: 1, role: "plain", highlighted: true }, 3).fillcolor, "0.6,0.6,0.883");
  assert.is(moreBoxFill(0, 3), "0,1,0.767");
  assert.is(moreBoxFill(0, 0), "0,1,0.9", "never lighter than 0.9, where white text stops reading");
  const highlightedStart = nodeStyle({ depth: 0, role: "start", highlighted: true }, 3);
  assert.is(highlightedStart.fontcolor, undefined, "red on blue does not read: black text there");
});

test("contrast ratios as WCAG defines them", () => {
  assert.is(Math.round(contrastRatio([0, 0, 0], [255, 255, 255]) * 100) / 100, 21);
  assert.is(Math.round(contrastRatio([255, 0, 0], [255, 255, 255]) * 100) / 100, 4);
  assert.is(contrastRatio([77, 77, 77], [77, 77, 77]), 1);
  assert.equal(hexToRgb("#b00000"), [176, 0, 0]);
});

test("hsvToRgb gives the colours Graphviz draws", async () => {
  const gv = await loadGraphviz();
  const fills = ["0,0,0.3", "0,0,0.825", "0.3,1,0.65", "0.6,0.6,0.738", "0,1,0.767", "0.6,0.6,1", "0.95,0.5,0.5"];
  const dot = `digraph { node [shape=box, style=filled]; ${fills.map((f, i) => `n${i} [fillcolor="${f}"];`).join(" ")} }`;
  const drawn = [...gv.layout(dot, "svg", "dot").matchAll(/<polygon fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]!);
  assert.equal(drawn.map(hexToRgb), fills.map(rgb));
});

test.run();
