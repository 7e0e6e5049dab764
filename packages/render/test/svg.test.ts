import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Selection, SelectionNode } from "@heapgraph/graph";
import { DEFAULT_LAYOUT_LIMITS, RenderError, edgeLabel, formatSize, printable, renderSvg, svgForHtml, toDot, type ToDotOptions } from "../src/index.ts";
import { loadGraphviz } from "../src/svg/load-graphviz.ts";
import { allCharactersSelection, selectionFixtures } from "./helpers/fixtures.ts";
import { findAll, parseXml, textOf, type XmlElement } from "./helpers/xml.ts";

const isElement = (c: XmlElement | string): c is XmlElement => typeof c !== "string";
const child = (e: XmlElement, name: string) => e.children.filter(isElement).filter((c) => c.name === name);
/** Graphviz writes the second of two spaces as U+00A0 to keep it in SVG; it shows the same. */
const spaces = (s: string) => s.replace(/\u00a0/g, " ");

/** Renders, parses as XML, and checks one `<g class="node">` per node (plus one per more-references box) and one `<g class="edge">` per edge. */
async function renderChecked(selection: Selection, options?: ToDotOptions): Promise<XmlElement> {
  const svg = await renderSvg(toDot(selection, options));
  const doc = parseXml(svg);
  assert.is(doc.name, "svg");
  const boxes = selection.nodes.filter((n) => n.truncated > 0).length;
  const nodes = findAll(doc, (e) => e.name === "g" && e.attributes.class === "node");
  assert.is(nodes.length, selection.nodes.length + boxes, "one <g class=node> per node and box");
  const titles = new Set(nodes.map((g) => textOf(child(g, "title")[0]!)));
  for (const n of selection.nodes) assert.ok(titles.has(`n${n.ordinal}`), `node n${n.ordinal} drawn`);
  const edges = findAll(doc, (e) => e.name === "g" && e.attributes.class === "edge");
  assert.is(edges.length, selection.edges.length + boxes, "one <g class=edge> per edge and box");
  return doc;
}

for (const fixture of selectionFixtures()) {
  test(`SVG of fixture ${fixture.name}: valid XML, every node drawn`, async () => {
    await renderChecked(fixture.selection, fixture.options);
  });
}

test("SVG of every character: valid XML and every label shows its text", async () => {
  const selection = allCharactersSelection();
  const doc = await renderChecked(selection);
  const byTitle = new Map(findAll(doc, (e) => e.name === "g" && e.attributes.class === "node").map((g) => [textOf(child(g, "title")[0]!), g]));
  for (const node of selection.nodes) {
    const lines = child(byTitle.get(`n${node.ordinal}`)!, "text").map((t) => spaces(textOf(t)));
    const want = [`${node.className || `(${node.type})`} @${node.id}`];
    if (node.preview && node.preview !== node.className) want.push(node.preview);
    want.push(`${formatSize(node.selfSize)} self, ${formatSize(node.retainedSize)} retained`);
    if (node.extraInfo) want.push(node.extraInfo);
    assert.equal(lines, want.map((w) => spaces(printable(w, 60))), `labels of node ${JSON.stringify(node.className.slice(0, 20))}`);
  }
  // toDot pads edge labels with spaces on both sides (room for wide fonts); the text is in between.
  const unpadded = (s: string) => s.replace(/^ +| +$/g, "");
  const edgeTexts = findAll(doc, (e) => e.name === "g" && e.attributes.class === "edge").map((g) => unpadded(spaces(child(g, "text").map(textOf).join(""))));
  const wanted = selection.edges.map((e) => spaces(printable(edgeLabel(e.type, e.name), 60)));
  assert.equal(edgeTexts.sort(), wanted.sort());
});

test("URLs and tooltips from extraNodeAttrs reach the SVG unchanged", async () => {
  const selection = selectionFixtures().find((f) => f.name === "refs-y")!.selection;
  const url = (id: number) => `https://example.com/node?id=${id}&view="graph"&lt;`;
  const doc = await renderChecked(selection, { extraNodeAttrs: (n) => ({ URL: url(n.id), tooltip: `${n.className} <@${n.id}> & more` }) });
  const links = findAll(doc, (e) => e.name === "a" && e.attributes["xlink:href"] !== undefined);
  const want = selection.nodes.map((n) => [url(n.id), `${n.className} <@${n.id}> & more`]);
  assert.equal(links.map((a) => [a.attributes["xlink:href"], a.attributes["xlink:title"]]).sort(), want.sort());
});

test("inline SVG has no XML declaration or DOCTYPE and still parses", async () => {
  const dot = toDot(selectionFixtures()[0]!.selection);
  const full = await renderSvg(dot);
  assert.match(full, /^<\?xml [^>]*\?>/);
  assert.match(full, /<!DOCTYPE svg/);
  const inline = await renderSvg(dot, { inline: true });
  assert.not.match(inline, /<\?xml|<!DOCTYPE/);
  assert.match(inline, /^(<!--[\s\S]*?-->\s*)*<svg /);
  assert.is(parseXml(inline).name, "svg");
  assert.is(svgForHtml(full), inline);
});

test("bad DOT throws RenderError INVALID_DOT and the module stays usable", async () => {
  for (const bad of ["digraph { a -> ", "not dot at all", 'digraph { a [label="unterminated] }']) {
    try {
      await renderSvg(bad);
      assert.unreachable("bad DOT rendered");
    } catch (error) {
      assert.instance(error, RenderError);
      assert.is((error as RenderError).code, "INVALID_DOT");
      assert.ok((error as RenderError).cause !== undefined, "Graphviz's error is the cause");
      assert.ok((error as Error).message.includes(JSON.stringify(bad.replace(/\s+/g, " ").trim())), "the bad text is in the message");
    }
    const svg = await renderSvg('digraph { a -> b [label="still works"]; }');
    assert.match(svg, /still works/);
  }
});

test("the WebAssembly module is loaded once and shared", async () => {
  assert.is(loadGraphviz(), loadGraphviz());
  const [a, b] = await Promise.all([loadGraphviz(), loadGraphviz()]);
  assert.is(a, b);
  const svgs = await Promise.all([renderSvg("digraph { a -> b }"), renderSvg("digraph { c -> d }")]);
  assert.match(svgs[0]!, /<title>a&#45;&gt;b<\/title>/);
  assert.match(svgs[1]!, /<title>c&#45;&gt;d<\/title>/);
});

test("other layout engines", async () => {
  const dot = toDot(selectionFixtures()[0]!.selection);
  for (const engine of ["neato", "fdp", "circo"] as const) assert.is(parseXml(await renderSvg(dot, { engine })).name, "svg", engine);
  try {
    await renderSvg(dot, { engine: "imaginary" as never });
    assert.unreachable();
  } catch (error) {
    assert.is((error as RenderError).code, "INVALID_OPTIONS");
    assert.match((error as Error).message, /"imaginary"/);
  }
});

function chainSelection(count: number, extra = 0): Selection {
  const nodes: SelectionNode[] = Array.from({ length: count }, (_, i) => ({
    ordinal: i, id: 2 * i + 1, type: "object", className: "Link", preview: "", selfSize: 16, retainedSize: 16,
    depth: i, role: i === 0 ? "start" : "plain", highlighted: false, truncated: 0,
  }));
  const edges = nodes.slice(1).map((n) => ({ from: n.ordinal - 1, to: n.ordinal, type: "property", name: "next" }));
  for (let k = 0; k < extra; k++) edges.push({ from: (k * 7) % count, to: (k * 13 + 5) % count, type: "property", name: `x${k}` });
  return { kind: "refs", nodes, edges, depthLimited: 0 };
}

test("graphs too large to lay out are refused quickly, naming maxDepth and tooMany", async () => {
  const cases: [string, Selection][] = [
    ["nodes", chainSelection(DEFAULT_LAYOUT_LIMITS.maxNodes + 1)],
    ["extra edges", chainSelection(100, DEFAULT_LAYOUT_LIMITS.maxExtraEdges + 2)],
  ];
  for (const [what, selection] of cases) {
    const started = Date.now();
    try {
      await renderSvg(toDot(selection));
      assert.unreachable(`${what}: laid out`);
    } catch (error) {
      assert.instance(error, RenderError);
      assert.is((error as RenderError).code, "GRAPH_TOO_LARGE", what);
      assert.match((error as Error).message, /maxDepth/);
      assert.match((error as Error).message, /tooMany/);
    }
    assert.ok(Date.now() - started < 10_000, `${what}: refused without laying out`);
  }
  const small = selectionFixtures().find((f) => f.name === "refs-y")!.selection;
  await renderSvg(toDot(small), { limits: { maxNodes: 4 } });
  try {
    await renderSvg(toDot(small), { limits: { maxNodes: 3 } });
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /4 nodes \(limit 3\)/);
  }
  await renderSvg(toDot(chainSelection(30, 40)), { limits: false });
});

test.run();
