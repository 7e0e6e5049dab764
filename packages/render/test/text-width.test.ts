// The text widths drawings are sized by, checked against what Graphviz-WASM itself measures.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EDGE_LABEL_GAP, nodeWidth, paddedLabel } from "../src/dot/dot-geometry.ts";
import { graphvizTextWidth, textWidth } from "../src/dot/text-width.ts";
import { loadGraphviz } from "../src/svg/load-graphviz.ts";

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const dotString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The widths (points) Graphviz-WASM gives each of `labels` in `font` at 1 pt, from nodes with no margin. */
async function graphvizWidths(font: string, labels: readonly string[]): Promise<number[]> {
  const gv = await loadGraphviz();
  const size = 32, repeat = 64;
  const dot = [`digraph { node [shape=box, margin=0, width=0, height=0, fontname=${dotString(font)}, fontsize=${size}];`];
  labels.forEach((label, i) => dot.push(`  n${i} [label=${dotString(label.repeat(repeat))}];`));
  dot.push("}");
  const { objects } = JSON.parse(gv.layout(dot.join("\n"), "json", "dot")) as { objects: { name: string; width: string }[] };
  const width = new Map(objects.map((o) => [o.name, (Number(o.width) * 72) / size / repeat]));
  return labels.map((_, i) => width.get(`n${i}`)!);
}

test("graphvizTextWidth is what Graphviz-WASM measures in Helvetica, ASCII and beyond", async () => {
  const labels = [...ASCII.map((c) => `x${c}`), "x", "héllo wörld…", "漢字 😀 Ω"];
  const measured = await graphvizWidths("Helvetica", labels);
  labels.forEach((label, i) => {
    assert.ok(Math.abs(measured[i]! - graphvizTextWidth(label, 1)) < 0.002, `${JSON.stringify(label)}: Graphviz ${measured[i]}, ours ${graphvizTextWidth(label, 1)}`);
  });
});

test("textWidth is at least each sans-serif font's width Graphviz-WASM knows, for every ASCII character", async () => {
  for (const font of ["Helvetica", "Arial", "DejaVu Sans", "Verdana", "Open Sans", "Liberation Sans"]) {
    const measured = await graphvizWidths(font, ASCII);
    ASCII.forEach((c, i) => assert.ok(textWidth(c, 1) >= measured[i]! - 0.001, `${font} ${JSON.stringify(c)}: ${measured[i]} > ${textWidth(c, 1)}`));
  }
});

test("textWidth is never below Graphviz's estimate, and wide for characters past ASCII", () => {
  for (const text of [...ASCII, "é", "…", "漢", "😀", "\u00a0", "Œ", "system / Context / scope @70013"]) {
    assert.ok(textWidth(text, 10) >= graphvizTextWidth(text, 10), JSON.stringify(text));
  }
  assert.is(textWidth("漢字", 10), 22);
  assert.is(textWidth("😀", 10), 13, "a surrogate pair is one character");
  assert.is(textWidth("", 10), 0);
  assert.ok(Math.abs(textWidth("W", 10) - (2025 / 2048) * 10) < 1e-9, "DejaVu Sans's W");
});

test("nodeWidth: the widest line plus Graphviz's 8-point margins, in inches rounded up", () => {
  const lines = ["ModuleWrap @2001", "96 B self, 1.2 MB retained"];
  const points = Math.max(...lines.map((l) => textWidth(l, 10))) + 16;
  const inches = Number(nodeWidth(lines, 10));
  assert.ok(inches * 72 >= points && inches * 72 < points + 0.08, `${inches} in for ${points} pt`);
  assert.is(nodeWidth([], 10), String(Math.ceil((16 / 72) * 1000) / 1000));
});

test("paddedLabel: Graphviz reserves room for the text in the widest font, the text stays centred", () => {
  for (const text of [".server", "[2]", "WeakMap value (key @301)", "漢字漢字", "x"]) {
    for (const size of [9, 14]) {
      const padded = paddedLabel(text, size, EDGE_LABEL_GAP);
      const [left, right] = [padded.length - padded.trimStart().length, padded.length - padded.trimEnd().length];
      assert.is(padded.trim(), text);
      assert.is(left, right, "as many spaces on each side");
      assert.ok(left >= 1, "at least one space: the gap");
      assert.ok(graphvizTextWidth(padded, size) >= textWidth(text, size) + 2 * EDGE_LABEL_GAP, `${text} at ${size} pt`);
      assert.ok(graphvizTextWidth(paddedLabel(text, size, 0), size) >= textWidth(text, size), "no gap asked: room for the text still");
    }
  }
});

test.run();
