import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Selection } from "@heapgraph/graph";
import { RenderError, edgeLabel, printable, renderSvg, toDot as toDotUnchecked, type ToDotOptions } from "../src/index.ts";
import { allCharactersSelection, golden, selectionFixtures } from "./helpers/fixtures.ts";
import { findAll, parseXml } from "./helpers/xml.ts";

const fixtures = selectionFixtures();

/** Every DOT these tests make, to be rendered at the end. */
const drawn: [Selection, string][] = [];
function toDot(selection: Selection, options?: ToDotOptions): string {
  const dot = toDotUnchecked(selection, options);
  drawn.push([selection, dot]);
  return dot;
}

test("the objgraph examples are all there", () => {
  const names = fixtures.map((f) => f.name);
  for (const name of ["refs-y", "refs-too-many", "backrefs-too-many", "chain", "edge-kinds"]) assert.ok(names.includes(name), name);
});

for (const fixture of fixtures) {
  test(`golden DOT: ${fixture.name}`, () => {
    const dot = toDot(fixture.selection, fixture.options);
    assert.fixture(dot, golden(`${fixture.name}.dot`, dot));
    assert.is(toDot(fixture.selection, fixture.options), dot, "same input, same bytes");
  });
}

test("golden DOT: a node and an edge named by each code point 0-255 and other nasty strings", () => {
  const dot = toDot(allCharactersSelection());
  assert.fixture(dot, golden("all-characters.dot", dot));
});

test("refs-y: y holds x, [x] and {x}; edges go holder to held with element and property labels", () => {
  const dot = toDot(fixtures.find((f) => f.name === "refs-y")!.selection);
  assert.match(dot, /n31020 -> n31021 \[label=" +\[0\] +"\];/);
  assert.match(dot, /n31023 -> n31021 \[label=" +\.x +"\];/);
  assert.match(dot, /n31020 \[label="Array @44351\\nArray\(3\)\\n32 B self, 224 B retained", width=[\d.]+, fillcolor="0,0,1", fontcolor="#b00000"\];/);
  assert.is((dot.match(/^ {2}n\d+ \[/gm) ?? []).length, 4, "4 nodes");
  assert.is((dot.match(/ -> /g) ?? []).length, 5, "5 edges");
});

test("tooMany boxes: N more references after the node, N more backreferences before it", () => {
  const forwards = toDot(fixtures.find((f) => f.name === "refs-too-many")!.selection);
  assert.match(forwards, /n5000_more \[label="2 more references", [^\n]*color=red, fillcolor="0,1,0\.767", fontcolor=white/);
  assert.match(forwards, /n5000 -> n5000_more \[color=red, style=dotted/);
  const backwards = toDot(fixtures.find((f) => f.name === "backrefs-too-many")!.selection);
  assert.match(backwards, /n700_more \[label="37 more backreferences"/);
  assert.match(backwards, /n700_more -> n700 \[color=red, style=dotted/);
  assert.is((backwards.match(/^ {2}n\d+ \[/gm) ?? []).length, 6, "6 nodes besides the box");
  const one: Selection = { ...fixtures.find((f) => f.name === "refs-too-many")!.selection, nodes: [{ ...fixtures[0]!.selection.nodes[0]!, truncated: 1 }], edges: [] };
  assert.match(toDot(one), /"1 more reference"/);
});

test("objgraph colours: grey by depth, white text on dark, green modules and globals, blue highlights, red roots", () => {
  const chain = toDot(fixtures.find((f) => f.name === "chain")!.selection);
  assert.match(chain, /n100 \[label="\(GC roots\) @1\\n0 B self, 0 B retained", width=[\d.]+, fillcolor="#ffe6e6", fontcolor="#b00000", color="red"\];/);
  assert.match(chain, /n900 \[[^\n]*fillcolor="0\.3,1,0\.4", fontcolor="white"\];/);
  assert.match(chain, /n4340 \[[^\n]*fillcolor="0,0,1", fontcolor="#b00000"\];/);
  assert.match(chain, /n4330 -> n4340 \[label=" +WeakMap value \(key @301\) +"\];/);
  assert.match(chain, /n4310 -> n4320 \[label=" +sessions +"\];/);
  const kinds = toDot(fixtures.find((f) => f.name === "edge-kinds")!.selection);
  assert.match(kinds, /n2 \[[^\n]*fillcolor="0\.6,0\.6,0\.825"\];/, "highlighted: blue");
  assert.match(kinds, /n5 \[[^\n]*fillcolor="0\.3,1,0\.65"\];/, "module: green");
  assert.match(kinds, /n4 -> n1 \[label=" +\.target +", style=dashed\];/, "weak edges dashed");
  assert.match(kinds, /n1 -> n3 \[label=" +\[\\"content-type\\"\] +"\];/, "odd keys quoted");
  assert.match(kinds, /\\nallocated at cache\.mjs:7"/, "extra info line");
});

test("edge labels", () => {
  assert.is(edgeLabel("property", "cache"), ".cache");
  assert.is(edgeLabel("property", "#secret"), ".#secret");
  assert.is(edgeLabel("property", "a b"), '["a b"]');
  assert.is(edgeLabel("element", "3"), "[3]");
  assert.is(edgeLabel("context", "leaky"), "leaky");
  assert.is(edgeLabel("weak", "7"), "[7]");
  assert.is(edgeLabel("hidden", "12"), "(hidden)");
  assert.is(edgeLabel("shortcut", "global"), "global");
  assert.is(edgeLabel("shortcut", "2"), "[2]", "the synthetic root's numbered shortcut to a global object reads like an element");
  assert.is(edgeLabel("internal", "13"), "[13]", "a GC root's numbered internal edge reads like an element");
  const pair = "12 / part of key (Key @100) -> value (Value @200) pair in WeakMap (table @300)";
  assert.is(edgeLabel("internal", pair, 300), "WeakMap value (key @100)");
  assert.is(edgeLabel("internal", pair, 100), "WeakMap key (table @300)");
  assert.is(edgeLabel("internal", pair), "WeakMap pair (key @100, table @300)");
  assert.is(edgeLabel("internal", "elements"), "elements");
});

test("long lines are cut with an ellipsis; control characters become visible escapes", () => {
  assert.is(printable("a".repeat(50), 10), `${"a".repeat(9)}…`);
  assert.is(printable("a\nb\u0000c\u0085d\ud800"), "a\\nb\\x00c\\x85d\\ud800");
  assert.is(printable("😀😀😀", 2), "😀…", "never splits a surrogate pair");
  assert.is(printable("ab\\ncd", 4), "ab\\…", "a backslash is a character like any other");
  assert.is(printable("\n\n\n", 4), "\\n…", "never splits an escape");
  const sel = allCharactersSelection();
  const dot = toDot(sel, { maxLineLength: 20 });
  assert.ok(dot.includes(`"${"x".repeat(19)}…`), "10 000 x's cut to 20 characters");
});

test("options: ids, sizes, extraInfo, extraNodeAttrs, graphAttrs, title", () => {
  const sel = fixtures.find((f) => f.name === "refs-y")!.selection;
  const dot = toDot(sel, {
    ids: false,
    sizes: false,
    extraInfo: (n) => (n.depth === 0 ? `depth ${n.depth}` : undefined),
    extraNodeAttrs: (n) => ({ URL: `https://example.com/node?id=${n.id}&x="1"`, tooltip: `${n.className}\n@${n.id}`, fillcolor: "yellow" }),
    graphAttrs: { rankdir: "LR", nodesep: 0.5 },
    title: 'Refs of "y"',
  });
  assert.match(dot, /n31020 \[label="Array\\nArray\(3\)\\ndepth 0", width=[\d.]+, fillcolor="yellow", fontcolor="#b00000", URL="https:\/\/example\.com\/node\?id=44351&amp;x=\\"1\\"", tooltip="Array\\\\n@44351"\];/);
  assert.match(dot, /n31021 \[label="Array\\nArray\(0\)", /);
  assert.match(dot, /^ {2}pad=0\.112;\n {2}nodesep=0\.5;\n {2}rankdir="LR";\n {2}label=" +Refs of \\"y\\" +"; labelloc=t;/m);
  assert.match(toDot(sel, { extraNodeAttrs: () => ({ width: 5 }), graphAttrs: { pad: 1 } }), /^ {2}pad=1;$[^]*n31020 \[label="[^"]*", width=5, /m, "the caller's width and pad win");
});

test("bad selections and options throw RenderError with the bad value", () => {
  const sel = fixtures.find((f) => f.name === "refs-y")!.selection;
  const expectError = (fn: () => unknown, code: string, text: RegExp) => {
    try {
      fn();
    } catch (error) {
      assert.instance(error, RenderError);
      assert.is((error as RenderError).code, code);
      assert.match((error as Error).message, text);
      return error as RenderError;
    }
    assert.unreachable(`expected ${code}`);
  };
  expectError(() => toDot({ ...sel, edges: [...sel.edges, { from: 31020, to: 999, type: "property", name: "gone" }] }), "INVALID_SELECTION", /999/);
  expectError(() => toDot({ ...sel, nodes: [...sel.nodes, sel.nodes[0]!] }), "INVALID_SELECTION", /31020/);
  expectError(() => toDot(sel, { maxDepth: -1 }), "INVALID_OPTIONS", /maxDepth.*-1/);
  expectError(() => toDot(sel, { colour: "red" } as never), "INVALID_OPTIONS", /^toDot: Unrecognized key: "colour"/);
  expectError(() => toDot(sel, { graphAttrs: { "bad name": 1 } }), "INVALID_OPTIONS", /"bad name" is not a DOT identifier/);
  expectError(() => toDot(sel, { graphAttrs: { rankdir: {} as never } }), "INVALID_OPTIONS", /graphAttrs\.rankdir: .*\(got an object\)/);
  expectError(() => toDot(sel, { extraNodeAttrs: () => ({ "2x": 1 }) }), "INVALID_OPTIONS", /extraNodeAttrs of @44351: .*"2x" is not a DOT identifier/);
  expectError(() => toDot(sel, { extraNodeAttrs: () => "red" as never }), "INVALID_OPTIONS", /extraNodeAttrs of @44351: .*\(got "red"\)/);
  expectError(() => toDot(sel, { extraInfo: "info" as never }), "INVALID_OPTIONS", /extraInfo must be a function \(got "info"\)/);
  const thrown = new Error("boom");
  const e = expectError(() => toDot(sel, { extraInfo: () => { throw thrown; } }), "INVALID_OPTIONS", /extraInfo threw on node @44351/);
  assert.is(e!.cause, thrown);
});

test("every DOT made above renders to SVG with one <g class=node> per node and box", async () => {
  assert.ok(drawn.length >= 15, `${drawn.length} drawings`);
  for (const [selection, dot] of drawn) {
    const doc = parseXml(await renderSvg(dot));
    const boxes = selection.nodes.filter((n) => n.truncated > 0).length;
    assert.is(findAll(doc, (e) => e.name === "g" && e.attributes.class === "node").length, selection.nodes.length + boxes);
  }
});

test.run();
