import { test } from "uvu";
import * as assert from "uvu/assert";
import { findLeaks } from "@heapgraph/graph";
import { RenderError, chainSvg, growthTable, leakHeadlinesText, leakReportHtml, topChainText, type LeakReportInput } from "../src/index.ts";
import { leakingGraphs } from "./helpers/leaking-graphs.ts";
import { growthRows } from "./helpers/rows.ts";
import { findAll, parseXml, textOf } from "./helpers/xml.ts";

const { baseline, target, final } = leakingGraphs();
const clusters = findLeaks(baseline, target, final, { stableIds: true });

test("the synthetic action leaks one cluster of three Sessions held by App.sessions", () => {
  assert.is(clusters.length, 1);
  assert.is(clusters[0]!.count, 3);
  assert.equal(clusters[0]!.trace.map((s) => s.className), ["(synthetic)", "Window", "App", "Map", "Session"]);
  assert.equal(clusters[0]!.ids, [201, 203, 205]);
});

test("topChainText: a heading line naming the biggest object, then one line per step, root first", () => {
  const text = topChainText(clusters[0]!);
  const [head, ...steps] = text.trimEnd().split("\n");
  assert.is(head, `Retaining chain of the largest cluster's biggest object, Session @${clusters[0]!.representativeId} (root first):`);
  assert.is(steps.length, clusters[0]!.trace.length);
  assert.match(steps.at(-2)!, /^ {2}-\.sessions-> Map @105/);
  assert.match(steps.at(-1)!, /^ {2}-\[\d\]-> Session @\d+ {2}\[\d+ B retained\]$/);
});

test("chainSvg draws the chain, titled after the last step", async () => {
  const svg = await chainSvg(final, clusters[0]!.trace);
  const doc = parseXml(svg);
  assert.is(findAll(doc, (e) => e.name === "g" && e.attributes.class === "node").length, clusters[0]!.trace.length);
  assert.ok(textOf(doc).includes(`Why Session @${clusters[0]!.representativeId} is alive`));
});

test("leakReportHtml: intro, the cluster table, the chain as text and as a graph, extra tables", async () => {
  const steps = clusters[0]!.trace;
  const input: LeakReportInput = {
    title: "Leaks after logout",
    intro: "Baseline, target and final snapshots around three logins.",
    clusters,
    chain: { steps, svg: await chainSvg(final, steps), text: "The biggest leaked object is a Session." },
    tables: [growthTable(growthRows)],
  };
  const html = leakReportHtml(input);
  const doc = parseXml(html);
  assert.equal(findAll(doc, (e) => e.name === "h2").map(textOf), ["What leaks", "Leak clusters", "Top cluster: 3 objects, 195 B retained"]);
  // The answer first: the growing holder, App.sessions, grew from 0 to 3 entries.
  const [headlines, chain] = findAll(doc, (e) => e.name === "pre").map(textOf);
  assert.match(headlines!, /^Leak:\n {2}1\. Map App\.sessions grew 0 → 3 → 3 entries, holding 3 leaked Session {2}\[3 objects, 195 B\]/);
  assert.equal(findAll(doc, (e) => e.name === "p").map(textOf).slice(0, 2), [input.intro, "The biggest leaked object is a Session."]);
  const tables = findAll(doc, (e) => e.name === "table");
  assert.is(tables.length, 2, "the clusters and the growth table");
  assert.ok(textOf(tables[0]!).includes("Session ×3"), textOf(tables[0]!));
  assert.match(chain!, /-\.app-> App @103 .*\n-\.sessions-> Map @105 /);
  assert.is(findAll(doc, (e) => e.name === "svg").length, 1);
  assert.is(leakReportHtml(input), html, "same input, same bytes");
});

test("leakReportHtml without clusters says there is no leak; without a chain it explains the top trace in text", () => {
  const none = parseXml(leakReportHtml({ title: "t", intro: "i", clusters: [] }));
  assert.match(textOf(none), /No leak: no object allocated between the baseline and the target/);
  const textOnly = parseXml(leakReportHtml({ title: "t", intro: "i", clusters }));
  assert.is(findAll(textOnly, (e) => e.name === "svg").length, 0);
  assert.ok(textOf(textOnly).includes(`The biggest object of the cluster is Session @${clusters[0]!.representativeId}.`));
});

test("leakReportHtml refuses input of the wrong shape with RenderError INVALID_OPTIONS", () => {
  const bad: [unknown, RegExp][] = [
    [{ title: "t", intro: "i", clusters: "none" }, /^leakReportHtml: clusters: .*\(got "none"\)/],
    [{ title: "t", intro: "i", clusters: [{ count: 1 }] }, /^leakReportHtml: clusters\.0: must be a leak cluster/],
    [{ title: "t", intro: "i", clusters, chain: { steps: [], text: "x" } }, /^leakReportHtml: chain\.steps: /],
    [{ title: "t", clusters }, /^leakReportHtml: intro: /],
  ];
  for (const [input, message] of bad) {
    try {
      leakReportHtml(input as LeakReportInput);
      assert.unreachable(`accepted ${JSON.stringify(input).slice(0, 80)}`);
    } catch (error) {
      assert.instance(error, RenderError);
      assert.is((error as RenderError).code, "INVALID_OPTIONS");
      assert.match((error as Error).message, message);
    }
  }
});

test("leakReportHtml and leakHeadlinesText: a hostile headline is text, and what was hidden is said in one line", () => {
  const hostile = { ...clusters[0]!, headline: `Map <img src=x onerror="alert(1)">.sessions grew 0 → 3 entries` };
  const hidden = { clusters: 2, objects: 40, reasons: { "single object": 2, "noise: heapgraph": 38 } };
  const html = leakReportHtml({ title: "t", intro: "i", clusters: [hostile], hidden, showHidden: "--all" });
  assert.not.ok(html.includes("<img"), "no markup from the heap");
  assert.ok(html.includes("&lt;img src=x onerror="));
  const text = leakHeadlinesText([hostile], hidden, { showHidden: "--all" });
  assert.equal(text.trimEnd().split("\n").at(-1), "(hid 2 single-object clusters, 38 heapgraph objects — --all shows them)");
  assert.is(leakHeadlinesText([], undefined), "No leaks found.\n");
});

test.run();
