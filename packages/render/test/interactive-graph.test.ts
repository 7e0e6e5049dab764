// The interactive graph's data, fragment and report part, over a real heap whose strings attack
// HTML (testkit's hostileSnapshot): the same words as the DOT drawing, counts a click can expand,
// a bounded neighbourhood, JSON that cannot leave its <script> element, and a report whose only
// script is allowed by its hash. The browser half is packages/notebook/test/interactive-in-browser.test.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { backrefs, buildGraph, byType, chainSteps, findBackrefChain, findLeaks, isGlobal, pathToRoot, refs, type HeapGraph } from "@heapgraph/graph";
import { readSnapshot } from "@heapgraph/snapshot";
import { HOSTILE_STRINGS, hostileSnapshot } from "@heapgraph/testkit";
import {
  chainGraphData,
  chainSvg,
  INTERACTIVE_GRAPH_SCRIPT,
  interactiveGraphData,
  interactiveGraphDataSchema,
  interactiveGraphHtml,
  jsonScriptText,
  leakReportHtml,
  RenderError,
  renderSvg,
  toDot,
  toHtmlReport,
  type InteractiveGraphData,
} from "../src/index.ts";
import { leakingGraphs } from "./helpers/leaking-graphs.ts";

let graph: HeapGraph;
test.before(async () => {
  graph = buildGraph(await readSnapshot(await hostileSnapshot()));
});

const holder = () => byType(graph, "HostileHolder")[0]!;

function throwsCode(fn: () => unknown, code: string, message: RegExp) {
  try {
    fn();
    assert.unreachable("should have thrown");
  } catch (error) {
    assert.instance(error, RenderError);
    assert.is((error as RenderError).code, code);
    assert.match((error as Error).message, message);
  }
}

test("interactiveGraphData: the selection in the DOT drawing's words, with distances and what a click can expand", () => {
  const selection = refs(graph, [holder()], { maxDepth: 1 });
  const data = interactiveGraphData(graph, selection, { title: "refs" });
  assert.ok(interactiveGraphDataSchema.safeParse(data).success, "the data matches its schema");
  assert.is(data.kind, "refs");
  assert.is(data.rankDir, "TB");
  assert.is(data.focus, holder().id);
  assert.equal(data.nodes.map((n) => n.id), selection.nodes.map((n) => n.id));
  const dot = toDot(selection);
  for (const node of data.nodes) {
    // Every label line is a line of the node's DOT label (DOT escapes quotes and backslashes only).
    for (const line of node.label.split("\n")) assert.ok(dot.includes(line.replace(/\\/g, "\\\\").replace(/"/g, '\\"')), `DOT says ${JSON.stringify(line)} too`);
    assert.is(node.distance, graph.node(graph.ordinalOfId(node.id)).distance);
  }
  const top = data.nodes[0]!;
  assert.match(top.label, /^HostileHolder @\d+\nHostileHolder \{victim, /);
  assert.match(top.label.split("\n").at(-1)!, /self, .* retained$/);
  assert.is(top.role, "start");
  assert.ok(data.edges.some((e) => e.from === top.id && e.label === ".victim"));
  // What a click can expand: all references and referrers, as refs/backrefs walk them.
  const all = { maxDepth: 1, tooMany: 1_000_000 };
  assert.equal(top.expandable, { refs: refs(graph, [holder()], all).edges.length, backrefs: backrefs(graph, [holder()], { ...all, cull: null }).edges.length });
  // Hostile class names arrive as they are (data, not markup).
  const victim = data.nodes.find((n) => n.className === HOSTILE_STRINGS[0]);
  assert.ok(victim, "the victim, named <script>alert(1)</script>, is a node");
});

test("interactiveGraphData: a bounded neighbourhood around the drawing, tooMany cuts, highlights", () => {
  const selection = refs(graph, [holder()], { maxDepth: 1, tooMany: 2 });
  const data = interactiveGraphData(graph, selection, { neighbourhood: { depth: 2, maxNodes: 15, perNode: 5 } });
  assert.equal(data.truncated, [{ id: holder().id, direction: "refs", count: selection.nodes[0]!.truncated }]);
  assert.ok(selection.nodes[0]!.truncated > 0);
  const extra = data.neighbourhood!;
  assert.ok(extra.nodes.length > 0 && extra.nodes.length <= 15, `${extra.nodes.length} nodes embedded, at most 15`);
  const ids = [...data.nodes, ...extra.nodes].map((n) => n.id);
  assert.is(new Set(ids).size, ids.length, "no node twice");
  for (const e of [...data.edges, ...extra.edges]) assert.ok(ids.includes(e.from) && ids.includes(e.to), `edge ${e.from} -> ${e.to} joins known nodes`);
  assert.ok(extra.edges.some((e) => e.from === holder().id), "the holder's cut references are embedded for clicks");
  assert.is(interactiveGraphData(graph, selection, { neighbourhood: false }).neighbourhood, undefined);

  const chain = findBackrefChain(graph, byType(graph, HOSTILE_STRINGS[0]!)[0]!, isGlobal);
  const chainData = chainGraphData(graph, chainSteps(graph, chain));
  assert.is(chainData.kind, "chain");
  assert.equal(chainData.highlight, chain.map((n) => n.id), "the chain is highlighted, root first");
  assert.match(chainData.title!, /^Why <script>alert\(1\)<\/script> @\d+ is alive$/);
});

test("interactiveGraphData with chainToRoot: the retaining chain highlighted root first, its missing nodes and links embedded", () => {
  const victim = byType(graph, HOSTILE_STRINGS[0]!)[0]!;
  const selection = backrefs(graph, [victim], { maxDepth: 1 });
  const data = interactiveGraphData(graph, selection, { chainToRoot: true, neighbourhood: false });
  const path = pathToRoot(graph, victim);
  assert.ok(path.found && path.steps.length > 3, "the victim has a retaining path of several steps");
  assert.equal(data.highlight, path.steps.map((s) => s.id));
  const ids = new Set([...data.nodes, ...(data.neighbourhood?.nodes ?? [])].map((n) => n.id));
  const edges = [...data.edges, ...(data.neighbourhood?.edges ?? [])];
  for (let i = 1; i < path.steps.length; i++) {
    const [from, to] = [path.steps[i - 1]!.id, path.steps[i]!.id];
    assert.ok(ids.has(to), `step ${i} (@${to}) is a known node`);
    assert.ok(edges.some((e) => e.from === from && e.to === to), `the link @${from} -> @${to} is known`);
  }
  assert.ok(data.neighbourhood!.nodes.length > 0, "the chain reaches beyond the one-step drawing");
  assert.equal(interactiveGraphData(graph, selection, { chainToRoot: true, highlight: [victim.id] }).highlight, [victim.id], "an explicit highlight wins");
});

test("interactiveGraphData refuses a selection of another graph and bad options", () => {
  const selection = refs(graph, [holder()], { maxDepth: 1 });
  const moved = { ...selection, nodes: selection.nodes.map((n, i) => (i === 0 ? { ...n, id: n.id + 1 } : n)) };
  throwsCode(() => interactiveGraphData(graph, moved), "INVALID_SELECTION", /is not a node of this graph/);
  const broken = { ...selection, edges: [...selection.edges, { from: selection.nodes[0]!.ordinal, to: 0, type: "property", name: "x" }] };
  throwsCode(() => interactiveGraphData(graph, broken), "INVALID_SELECTION", /names a node the selection lacks/);
  throwsCode(() => interactiveGraphData(graph, selection, { rankDir: "UP" as "TB" }), "INVALID_OPTIONS", /rankDir/);
});

test("jsonScriptText: no string can close the script element, open a comment or end a line; JSON.parse gives it back", () => {
  const value = { strings: HOSTILE_STRINGS, amp: "a && b", nested: { "</script>": ["<!--", "\u2028", "\u2029"] } };
  const text = jsonScriptText(value);
  assert.not.match(text, /[<>&\u2028\u2029]/);
  assert.equal(JSON.parse(text), value);
  throwsCode(() => jsonScriptText(() => 1), "INVALID_OPTIONS", /function has no JSON form/);
});

test("interactiveGraphHtml: hostile strings stay inside the escaped data; the script inline, once-per-page or left out", () => {
  const data = interactiveGraphData(graph, refs(graph, [holder()], { maxDepth: 2 }), { title: HOSTILE_STRINGS.join(" ") });
  const html = interactiveGraphHtml(data, { fallbackHtml: "<p>static</p>", id: "g1" });
  for (const s of HOSTILE_STRINGS) assert.not.ok(html.includes(s), `${JSON.stringify(s)} is not in the page as it is`);
  assert.is(html.match(/<\/script>/g)!.length, 2, "two script elements end where they should: the data and the bundle");
  assert.ok(html.includes('<div class="heapgraph-interactive-fallback" style="overflow:auto;height:100%"><p>static</p></div>'));
  const json = /<script type="application\/json" id="g1-data">(.*?)<\/script>/s.exec(html)![1]!;
  assert.equal(JSON.parse(json), data);
  assert.ok(html.includes(`<script>${INTERACTIVE_GRAPH_SCRIPT}</script>`));
  const mount = interactiveGraphHtml(data, { script: "mount" });
  assert.not.ok(mount.includes(INTERACTIVE_GRAPH_SCRIPT));
  assert.match(mount, /<script>window\.heapgraphGraph&&window\.heapgraphGraph\.mountAll\(\)<\/script>$/);
  assert.not.match(interactiveGraphHtml(data, { script: "none" }), /<script>/);
  throwsCode(() => interactiveGraphHtml(data, { id: '"><b>' }), "INVALID_OPTIONS", /id/);
  throwsCode(() => interactiveGraphHtml({ ...data, version: 2 } as unknown as InteractiveGraphData), "INVALID_OPTIONS", /version/);
});

test("the bundled script can be inlined and is small enough", () => {
  assert.not.match(INTERACTIVE_GRAPH_SCRIPT, /<\/script|<!--|<script/i);
  assert.ok(INTERACTIVE_GRAPH_SCRIPT.length < 600_000, `${INTERACTIVE_GRAPH_SCRIPT.length} characters`);
  assert.match(INTERACTIVE_GRAPH_SCRIPT, /heapgraphGraph/);
});

test("toHtmlReport with an interactive part: one script, allowed by its SHA-256 in the policy; the SVG stays as the fallback", async () => {
  const selection = backrefs(graph, [byType(graph, HOSTILE_STRINGS[0]!)[0]!], { maxDepth: 2 });
  const svg = await renderSvg(toDot(selection), { inline: true });
  const data = interactiveGraphData(graph, selection);
  const html = toHtmlReport({ title: HOSTILE_STRINGS[2]!, parts: [{ type: "interactive", data, svg, caption: HOSTILE_STRINGS[1] }, { type: "interactive", data }] });
  for (const s of HOSTILE_STRINGS) assert.not.ok(html.includes(s), `${JSON.stringify(s)} is not in the page as it is`);
  const scripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!);
  assert.is(scripts.length, 1, "the bundle once for both graphs");
  const hash = createHash("sha256").update(scripts[0]!, "utf8").digest("base64");
  assert.match(html, new RegExp(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash.replace(/[+/]/g, "\\$&")}'"`));
  assert.is(html.match(/data-heapgraph-graph="/g)!.length, 2);
  assert.ok(html.includes('<div class="heapgraph-interactive-fallback" style="overflow:auto;height:100%"><svg'));
  // Without an interactive part the report stays script-free.
  assert.not.match(toHtmlReport({ title: "t", parts: [{ type: "graph", svg }] }), /<script|script-src/);
  throwsCode(() => toHtmlReport({ title: "t", parts: [{ type: "interactive", data, svg: "<p>no</p>" }] }), "INVALID_OPTIONS", /parts\.0 \(interactive\) is not SVG text/);
});

test("leakReportHtml with chain.interactive: the chain as the interactive graph, highlighted root first, the SVG its fallback", async () => {
  const { baseline, target, final } = leakingGraphs();
  const [top] = findLeaks(baseline, target, final, { stableIds: true });
  const steps = top!.trace;
  const interactive = chainGraphData(final, steps);
  assert.equal(interactive.highlight, steps.map((s) => s.id));
  const html = leakReportHtml({ title: "t", intro: "i", clusters: [top!], chain: { steps, svg: await chainSvg(final, steps), interactive, text: "x" } });
  assert.is(html.match(/data-heapgraph-graph="/g)!.length, 1);
  assert.match(html, /<div class="heapgraph-interactive-fallback"[^>]*><svg /);
  assert.match(html, /Click a node to expand its referrers/);
  assert.match(html, /script-src 'sha256-/);
});

test.run();
