import { growthTable, renderSvg, toDot, toHtmlReport, type HtmlReport } from "../../src/index.ts";
import { selectionFixtures } from "./fixtures.ts";

/** Node labels the sample report's graphs must show. */
export const SAMPLE_LABELS = ["Object @1201", "37 more backreferences", "Array(1)", "(GC roots) @1", "WeakMap value (key @301)", "Session {user, buffers, startedAt}"];

/** A report as the CLI would publish one: prose, a table, and two graphs (the first with dark fills). */
export async function sampleReport(): Promise<{ report: HtmlReport; html: string }> {
  const fixture = (name: string) => selectionFixtures().find((f) => f.name === name)!;
  const backrefs = await renderSvg(toDot(fixture("backrefs-too-many").selection));
  const chain = await renderSvg(toDot(fixture("chain").selection), { inline: true });
  const report: HtmlReport = {
    title: "Sessions <leak> after logout & more",
    parts: [
      { type: "graph", svg: backrefs, caption: "Who holds the object" },
      { type: "paragraph", text: "Each logout leaves its Session behind.\nThe WeakMap's key is still alive.\n\nSecond paragraph <b>not bold</b>." },
      { type: "heading", text: "Growth" },
      { type: "table", table: growthTable([{ name: "Session", qualifiedName: "Session", count: 1042, previous: 942, delta: 100, selfSize: 66_688, sizeDelta: 6400 }]) },
      { type: "text", text: "$ heapgraph growth a.heapsnapshot b.heapsnapshot\n\tSession  +100" },
      { type: "heading", text: "Why a Session is alive" },
      { type: "graph", svg: chain },
    ],
  };
  return { report, html: toHtmlReport(report) };
}
