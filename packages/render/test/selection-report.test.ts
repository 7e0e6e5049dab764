import { test } from "uvu";
import * as assert from "uvu/assert";
import { RenderError, renderSvg, selectionReportHtml, toDot } from "../src/index.ts";
import { selectionFixtures } from "./helpers/fixtures.ts";
import { findAll, parseXml, textOf } from "./helpers/xml.ts";

const selection = selectionFixtures().find((f) => f.name === "backrefs-too-many")!.selection;

test("selectionReportHtml: the graph with a caption counting objects and references, then the objects' table", async () => {
  const title = "Referrers of Object @1201";
  const html = selectionReportHtml(selection, await renderSvg(toDot(selection, { title })), title);
  const doc = parseXml(html);
  assert.is(textOf(findAll(doc, (e) => e.name === "h1")[0]!), title);
  assert.is(findAll(doc, (e) => e.name === "svg").length, 1);
  assert.is(textOf(findAll(doc, (e) => e.name === "figcaption")[0]!), `${selection.nodes.length} objects, ${selection.edges.length} references; edges point from holder to held.`);
  const rows = findAll(findAll(doc, (e) => e.name === "tbody")[0]!, (e) => e.name === "tr");
  assert.is(rows.length, selection.nodes.length);
});

test("selectionReportHtml refuses text that is not SVG", () => {
  try {
    selectionReportHtml(selection, "digraph { a -> b }", "t");
    assert.unreachable();
  } catch (error) {
    assert.instance(error, RenderError);
    assert.match((error as Error).message, /parts\.0 \(graph\) is not SVG text: "digraph/);
  }
});

test.run();
