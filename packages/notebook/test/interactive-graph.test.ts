import { test } from "uvu";
import * as assert from "uvu/assert";
import { backrefs, buildGraph, byType } from "@heapgraph/graph";
import { INTERACTIVE_GRAPH_SCRIPT, interactiveGraphData, renderSvg, toDot } from "@heapgraph/render";
import { readSnapshot } from "@heapgraph/snapshot";
import { HOSTILE_STRINGS, hostileSnapshot } from "@heapgraph/testkit";
import { interactiveGraph, toDisplayBundle } from "../src/index.ts";

test("interactiveGraph: text/html holds the widget, its escaped data and the static SVG as the fallback; text/plain a summary", async () => {
  const graph = buildGraph(await readSnapshot(await hostileSnapshot()));
  const selection = backrefs(graph, [byType(graph, HOSTILE_STRINGS[0]!)[0]!], { maxDepth: 2 });
  const svg = await renderSvg(toDot(selection), { inline: false });
  const data = interactiveGraphData(graph, selection, { title: HOSTILE_STRINGS[3] });
  const bundle = toDisplayBundle(interactiveGraph(data, { svg }));
  assert.equal(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
  assert.is(bundle["text/plain"], `[interactive backrefs graph: ${HOSTILE_STRINGS[3]} (${selection.nodes.length} nodes)]`);
  const html = bundle["text/html"]!;
  for (const s of HOSTILE_STRINGS) assert.not.ok(html.includes(s), `${JSON.stringify(s)} is not in the HTML as it is`);
  assert.match(html, /<div class="heapgraph-interactive-fallback"[^>]*><div class="heapgraph-graph"><svg /, "the SVG, prolog removed, is the fallback");
  assert.not.match(html, /<\?xml/);
  assert.ok(html.includes(`<script>${INTERACTIVE_GRAPH_SCRIPT}</script>`), "the script is inline: the output works alone");
  assert.is(toDisplayBundle(interactiveGraph(data, { text: "chain" }))["text/plain"], "chain");
});

test.run();
