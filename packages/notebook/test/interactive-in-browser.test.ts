/// <reference lib="dom" />
// Every HTML output of heapgraph meets a hostile heap (testkit's hostileSnapshot: class names,
// property names, string values and a script URL holding <script>, "><img onerror>, </svg>,
// </script>, <!--, U+2028/2029) in one real headless Chromium: the static and the interactive HTML
// report, the notebook's HTML bundles (static and interactive) and the bare interactive fragment
// render them as text, run nothing of them (no dialog, no console error, no request but file://),
// and the interactive graph draws (a screenshot with ink) and grows when a node is clicked.
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { backrefs, buildGraph, byType, refs } from "@heapgraph/graph";
import { interactiveGraphData, interactiveGraphHtml, renderSvg, selectionReportHtml, toDot, toHtmlReport } from "@heapgraph/render";
import { readSnapshot } from "@heapgraph/snapshot";
import { currentRuntime, HOSTILE_STRINGS, hostileSnapshot, testWhen, withChromium } from "@heapgraph/testkit";
import { interactiveGraph, svgGraph, toDisplayBundle } from "../src/index.ts";
import { countNonWhite, decodePng } from "../../render/test/helpers/png.ts";

// One browser for every check, once per matrix run (under Node 20; playwright drives Chromium over
// CDP). The escaping itself is checked under every runtime in packages/render/test/interactive-graph.test.ts.
const onNode = testWhen(currentRuntime() === "node20", "one browser run per matrix run: playwright-core drives Chromium from Node 20");

onNode("hostile heap strings: every HTML output renders them inertly, and the interactive graph draws and expands", async () => {
  const { chromium } = await import("playwright-core");
  const graph = buildGraph(await readSnapshot(await hostileSnapshot()));
  const holder = byType(graph, "HostileHolder")[0]!;
  const victim = byType(graph, HOSTILE_STRINGS[0]!)[0];
  assert.ok(victim, "the scenario's victim class is named by a hostile string");
  const title = `why ${HOSTILE_STRINGS.join(" ")}`;
  const back = backrefs(graph, [victim!], { maxDepth: 2 });
  const forward = refs(graph, [holder], { maxDepth: 1, tooMany: 4 });
  const backSvg = await renderSvg(toDot(back, { title }), { inline: true });
  const forwardSvg = await renderSvg(toDot(forward, { title }), { inline: true });
  const backData = interactiveGraphData(graph, back, { title });
  const forwardData = interactiveGraphData(graph, forward, { title });

  const page = (body: string) => `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>\n`;
  const pages: Record<string, { html: string; interactive: number }> = {
    "report-static.html": { html: selectionReportHtml(back, backSvg, title), interactive: 0 },
    "report-interactive.html": {
      html: toHtmlReport({ title, parts: [{ type: "paragraph", text: title }, { type: "interactive", data: backData, svg: backSvg, caption: title }, { type: "interactive", data: forwardData }] }),
      interactive: 2,
    },
    "notebook-static.html": { html: page(toDisplayBundle(svgGraph(backSvg, { title }))["text/html"]!), interactive: 0 },
    "notebook-interactive.html": {
      html: page([interactiveGraph(backData, { svg: backSvg }), interactiveGraph(forwardData, { svg: forwardSvg })].map((d) => toDisplayBundle(d)["text/html"]).join("\n")),
      interactive: 2,
    },
    "fragment.html": { html: page(interactiveGraphHtml(forwardData)), interactive: 1 },
  };

  const dir = mkdtempSync(join(tmpdir(), "heapgraph-hostile-"));
  try {
    for (const [name, { html }] of Object.entries(pages)) writeFileSync(join(dir, name), html);
    await withChromium("about:blank", async ({ browserUrl }) => {
      const browser = await chromium.connectOverCDP(browserUrl);
      try {
        const context = browser.contexts()[0] ?? (await browser.newContext());
        for (const [name, { interactive }] of Object.entries(pages)) {
          const tab = await context.newPage();
          await tab.setViewportSize({ width: 1100, height: 900 });
          const problems: string[] = [];
          tab.on("dialog", (dialog) => {
            problems.push(`dialog: ${dialog.message()}`);
            void dialog.dismiss();
          });
          tab.on("console", (message) => {
            if (message.type() === "error") problems.push(`console error: ${message.text()}`);
          });
          tab.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
          tab.on("request", (request) => {
            if (!/^(file:|data:|about:)/.test(request.url())) problems.push(`request: ${request.url()}`);
          });
          await tab.goto(pathToFileURL(join(dir, name)).href);
          if (interactive) {
            await tab
              .waitForFunction((n) => document.querySelectorAll("[data-heapgraph-mounted=true]").length === n, interactive, { timeout: 20_000 })
              .catch((error: Error) => assert.unreachable(`${name}: the widget did not mount (${error.message.split("\n")[0]}); ${problems.join("; ")}`));
          }
          // Nothing of the heap became markup: no image, no frame, and only heapgraph's own scripts.
          const dom = await tab.evaluate(() => ({
            imgs: document.querySelectorAll("img").length,
            scripts: Array.from(document.scripts).filter((s) => s.type !== "application/json").length,
            text: document.body.innerText,
          }));
          assert.is(dom.imgs, 0, `${name}: no <img> got in`);
          assert.ok(dom.scripts <= interactive, `${name}: ${dom.scripts} executable scripts, at most ${interactive} (the widget's)`);
          if (!interactive) assert.ok(dom.text.includes(HOSTILE_STRINGS[0]!), `${name}: the hostile class name shows as text`);
          if (interactive) {
            const element = tab.locator("[data-heapgraph-mounted=true]").first();
            const shot = decodePng(await element.screenshot());
            assert.ok(countNonWhite(shot) > 2_000, `${name}: the interactive graph drew (${countNonWhite(shot)} non-white pixels)`);
            // Hover the focused node: its details (a hostile class name) appear as text.
            const focus = await tab.evaluate(() => {
              const el = document.querySelector("[data-heapgraph-mounted=true]") as HTMLElement;
              const data = JSON.parse(document.getElementById(el.getAttribute("data-heapgraph-graph")!)!.textContent!);
              const mounted = (window as any).heapgraphGraph.get(el);
              return { id: data.focus as number, at: mounted.clientPosition(data.focus), before: mounted.nodeCount() as number };
            });
            assert.ok(focus.at, `${name}: the focus node is drawn`);
            await tab.mouse.move(focus.at!.x, focus.at!.y);
            await tab.waitForFunction(() => (document.querySelector(".heapgraph-details") as HTMLElement).style.display === "block", undefined, { timeout: 5_000 });
            const details = await tab.evaluate(() => document.querySelector(".heapgraph-details")!.textContent);
            assert.ok(details && details.includes(`@${focus.id}`), `${name}: hover shows the node's details: ${details}`);
            // Click a node with neighbours in the embedded neighbourhood that are not drawn yet (in the
            // graph's direction: referrers for backrefs, references for refs): they are added.
            const data = name.startsWith("fragment") ? forwardData : backData;
            const drawn = new Set(data.nodes.map((n) => n.id));
            const grows = (data.neighbourhood?.edges ?? []).find((e) => (data.kind === "refs" ? drawn.has(e.from) && !drawn.has(e.to) : drawn.has(e.to) && !drawn.has(e.from)));
            assert.ok(grows, `${name}: the embedded neighbourhood has more to show`);
            const target = data.kind === "refs" ? grows!.from : grows!.to;
            const at = await tab.evaluate((id) => (window as any).heapgraphGraph.get(document.querySelector("[data-heapgraph-mounted=true]")).clientPosition(id), target);
            assert.ok(at, `${name}: node @${target} is drawn`);
            await tab.mouse.click(at.x, at.y);
            await tab.waitForFunction(
              (before) => Number((document.querySelector("[data-heapgraph-mounted=true]") as HTMLElement).dataset.heapgraphNodes) > before,
              focus.before,
              { timeout: 10_000 },
            );
          }
          assert.equal(problems, [], `${name}: nothing ran, nothing was fetched`);
          await tab.close();
        }
      } finally {
        await browser.close();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

onNode.run();
