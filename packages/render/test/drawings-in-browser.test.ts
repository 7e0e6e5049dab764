// Drawings as a person sees them: rendered to SVG, opened in headless Chromium (which draws the
// text in whatever font the SVG's font-family resolves to on this machine), and measured from
// the DOM: every node's text inside its box, readable text colours, a margin around the title.
import process from "node:process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Selection } from "@heapgraph/graph";
import { backrefs, buildGraph, byType, chainSteps, findBackrefChain, isGCRoot, refs, type HeapGraph } from "@heapgraph/graph";
import { readSnapshot } from "@heapgraph/snapshot";
import { currentRuntime, takeRealSnapshot, type SnapshotRuntime } from "@heapgraph/testkit";
import { chainSvg, renderSvg, toDot, type ToDotOptions } from "../src/index.ts";
import { allCharactersSelection, selectionFixtures } from "./helpers/fixtures.ts";
import { measureInChromium, TEXT_CLEARANCE, type Drawing, type MeasuredDrawing } from "./helpers/drawing-geometry.ts";

/** The least distance between the title and the drawing's left, right and top edges, in points. */
const TITLE_MARGIN = 8;

async function draw(name: string, selection: Selection, options?: ToDotOptions): Promise<Drawing> {
  return { name, svg: await renderSvg(toDot(selection, options)) };
}

/** Drawings of a real heap: the sample scenario's snapshot taken by the runtime running the test. */
async function realDrawings(): Promise<Drawing[]> {
  const graph: HeapGraph = buildGraph(await readSnapshot(await takeRealSnapshot(currentRuntime() as SnapshotRuntime, "sample")));
  const [customer] = byType(graph, "Customer");
  assert.ok(customer, "the sample scenario has Customer objects");
  const root = graph.node(0);
  return [
    { name: "real: chain to a Customer", svg: await chainSvg(graph, chainSteps(graph, findBackrefChain(graph, customer!, isGCRoot))) },
    await draw("real: backrefs of a Customer", backrefs(graph, [customer!], { maxDepth: 4, tooMany: 3 }), { title: `Who holds Customer @${customer!.id}` }),
    await draw("real: refs of a Customer", refs(graph, [customer!], { maxDepth: 2, tooMany: 4 })),
    await draw("real: refs of the synthetic root", refs(graph, [root], { maxDepth: 1, tooMany: 8, internals: true }), { title: "What the root holds" }),
  ];
}

async function allDrawings(): Promise<Drawing[]> {
  const fixtures = selectionFixtures();
  const fixture = (name: string) => fixtures.find((f) => f.name === name)!;
  const drawings: Drawing[] = [];
  for (const f of fixtures) drawings.push(await draw(`fixture: ${f.name}`, f.selection, { title: f.name, ...f.options }));
  // A title much wider than its graph.
  const y = fixture("refs-y").selection;
  drawings.push(await draw("a title wider than the graph", { ...y, nodes: y.nodes.slice(0, 1), edges: [] }, {
    title: "Why system / Context / scope @70013 is alive: ModuleWrap @2001 holds it through global / process",
  }));
  drawings.push(await draw("every character", allCharactersSelection()));
  drawings.push(...(await realDrawings()));
  return drawings;
}

let measured: Promise<MeasuredDrawing[]> | undefined;
/** Every drawing measured in one Chromium run, shared by the tests below. */
function measure(): Promise<MeasuredDrawing[]> {
  measured ??= allDrawings().then((drawings) => measureInChromium(drawings, process.env.HEAPGRAPH_DRAWINGS_SCREENSHOT));
  return measured;
}

const show = (items: readonly unknown[]) => items.slice(0, 8).map((i) => JSON.stringify(i)).join("\n  ");

test("Chromium measured every drawing: nodes and their text lines", async () => {
  const drawings = await measure();
  assert.ok(drawings.length >= 10, `${drawings.length} drawings`);
  for (const d of drawings) assert.ok(d.nodes > 0 && d.texts >= d.nodes, `${d.name}: ${d.nodes} nodes, ${d.texts} text lines`);
});

test(`no node's text reaches past its box (${TEXT_CLEARANCE} pt inside the border at least)`, async () => {
  const bad = (await measure()).filter((d) => d.overflows.length > 0);
  const lines = bad.map((d) => `${d.name}: ${d.overflows.length} of ${d.texts} lines, e.g.\n  ${show(d.overflows)}`);
  assert.ok(bad.length === 0, `text outside its box in ${bad.length} drawings:\n${lines.join("\n")}`);
});

test("every node's text colour contrasts at least 4.5:1 with its fill (WCAG AA)", async () => {
  const bad = (await measure()).filter((d) => d.lowContrast.length > 0);
  const lines = bad.map((d) => `${d.name}:\n  ${show(d.lowContrast)}`);
  assert.ok(bad.length === 0, `low contrast in ${bad.length} drawings:\n${lines.join("\n")}`);
});

test(`titles keep ${TITLE_MARGIN} pt from the drawing's left, right and top edges`, async () => {
  const titled = (await measure()).filter((d) => d.title);
  assert.ok(titled.length >= 8, `${titled.length} drawings with a title`);
  const bad = titled.filter((d) => Math.min(d.title!.left, d.title!.right, d.title!.top) < TITLE_MARGIN);
  assert.ok(bad.length === 0, `titles too close to the edge:\n  ${show(bad.map((d) => ({ drawing: d.name, ...d.title })))}`);
});

test("no edge label is drawn over a node's box", async () => {
  const bad = (await measure()).filter((d) => d.edgeLabelsOnNodes.length > 0);
  const lines = bad.map((d) => `${d.name}:\n  ${show(d.edgeLabelsOnNodes)}`);
  assert.ok(bad.length === 0, `edge labels over nodes in ${bad.length} drawings:\n${lines.join("\n")}`);
});

test.run();
