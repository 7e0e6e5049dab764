/// <reference lib="dom" />
// End to end: every notebooks/*.ipynb executed headless in real Jupyter (nbconvert, the
// project-local tslab and Deno kernels), checked and exported to HTML by scripts/run-notebooks.mjs;
// plus fixtures: two that must fail, so that the checks are known to bite, and one that must keep
// every output of Deno's kernel with its cell.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { currentRuntime, repoRoot, testWhen, withChromium } from "@heapgraph/testkit";
import type { NotebookResult } from "../../../scripts/run-notebooks.mjs";
import { countNonWhite, decodePng } from "../../render/test/helpers/png.ts";

// Jupyter runs the notebooks in its own kernel processes, whatever runtime runs this file, so
// running it under each of the four runtimes would only run the same notebooks four times. It
// runs once per matrix run, under node20, and is a visible skip under the others.
const once = testWhen(currentRuntime() === "node20", "the notebooks run in Jupyter's kernels, once per matrix run, under node20");
const MUST_FAIL = new Set(["failing.ipynb", "silent.ipynb"]);

const notebooksDir = join(repoRoot, "notebooks");
const fixturesDir = join(repoRoot, "packages", "notebook", "test", "fixtures");
const outDir = mkdtempSync(join(tmpdir(), "heapgraph-published-"));

let pending: Promise<NotebookResult[]> | null = null;
/** One run of every notebook and fixture, shared by the tests below. */
function results(): Promise<NotebookResult[]> {
  pending ??= import("../../../scripts/run-notebooks.mjs").then(({ runNotebooks }) =>
    // One line per notebook, not starting with FAIL: the matrix reads such lines as failed tests.
    runNotebooks({
      paths: [notebooksDir, fixturesDir],
      outDir,
      log: (line) => {
        const first = line.split("\n")[0];
        const mustFail = [...MUST_FAIL].some((name) => first.includes(`fixtures/${name}`) || first.includes(`fixtures\\${name}`));
        console.log(`  notebook: ${first}${mustFail ? " (a fixture that must fail)" : ""}`);
      },
    }),
  );
  return pending;
}

async function result(dir: string, name: string): Promise<NotebookResult> {
  const found = (await results()).find((r) => r.notebook === join(dir, name));
  if (!found) throw new Error(`${name} was not run`);
  return found;
}

test.after(() => rmSync(outDir, { recursive: true, force: true }));

once("every notebook in notebooks/ executes without error, every cell outputs, and exports to HTML", async () => {
  const mine = (await results()).filter((r) => r.notebook.startsWith(notebooksDir));
  assert.ok(mine.some((r) => basename(r.notebook) === "00-smoke.ipynb"), "00-smoke.ipynb ran");
  for (const r of mine) {
    assert.equal(r.problems, [], `${basename(r.notebook)}:\n${r.problems.join("\n")}`);
    assert.ok(r.ok, basename(r.notebook));
    assert.ok(r.htmlFile && existsSync(r.htmlFile), `${basename(r.notebook)} has its HTML page`);
  }
});

once("the smoke notebook's HTML has the inline <svg> graph, the HTML table and the class name found in the kernel's own heap", async () => {
  const smoke = await result(notebooksDir, "00-smoke.ipynb");
  const html = smoke.html ?? "";
  assert.match(html, /<div class="heapgraph-graph"><svg width="340pt"[^>]*>/);
  assert.not.match(html, /<\?xml/i, "no XML declaration reached the page");
  assert.match(html, /<table class="heapgraph-table">/);
  assert.match(html, /<tr><td>SmokeLeakCanary<\/td><td>250<\/td>/, "the snapshot held the 250 canaries");
  assert.match(html, /SmokeLeakCanary: all 250 found in the snapshot/);
  assert.match(html, /kernel: tslab/, "display() detected tslab at call time");
  // tslab sends one MIME type per display: the HTML one, not image/svg+xml.
  const outputs = (smoke.executed?.cells ?? []).flatMap((c) => c.outputs ?? []);
  const displayed = outputs.filter((o) => o.output_type === "display_data");
  assert.is(displayed.length, 2);
  for (const o of displayed) assert.equal(Object.keys(o.data ?? {}), ["text/html"]);
  assert.ok(smoke.seconds < 120, `took ${smoke.seconds} s`);
});

once("the published quick start's interactive graph works from disk: drawn, expanded by a click, nothing fetched", async () => {
  const quickstart = await result(notebooksDir, "01-quickstart.ipynb");
  assert.ok(quickstart.htmlFile && existsSync(quickstart.htmlFile), "01-quickstart.html was published");
  const { chromium } = await import("playwright-core");
  await withChromium("about:blank", async ({ browserUrl }) => {
    const browser = await chromium.connectOverCDP(browserUrl);
    try {
      const tab = await (browser.contexts()[0] ?? (await browser.newContext())).newPage();
      const problems: string[] = [];
      tab.on("dialog", (dialog) => void dialog.dismiss().then(() => problems.push(`dialog: ${dialog.message()}`)));
      tab.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      tab.on("request", (request) => {
        if (!/^(file:|data:|about:)/.test(request.url())) problems.push(`request: ${request.url()}`);
      });
      const consoleErrors: { text: string; url: string }[] = [];
      tab.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push({ text: message.text(), url: message.location().url });
      });
      await tab.setViewportSize({ width: 1100, height: 900 });
      await tab.goto(pathToFileURL(quickstart.htmlFile!).href);
      await tab.waitForFunction(() => document.querySelectorAll("[data-heapgraph-mounted=true]").length === 1, undefined, { timeout: 20_000 });
      const graph = tab.locator("[data-heapgraph-mounted=true]");
      await graph.scrollIntoViewIfNeeded();
      const shot = decodePng(await graph.screenshot());
      assert.ok(countNonWhite(shot) > 5_000, `the graph is drawn (${countNonWhite(shot)} non-white pixels)`);
      // Click the drawn node with the most referrers not drawn yet: the embedded neighbourhood grows the drawing.
      const clicked = await tab.evaluate(() => {
        const el = document.querySelector("[data-heapgraph-mounted=true]") as HTMLElement;
        const data = JSON.parse(document.getElementById(el.getAttribute("data-heapgraph-graph")!)!.textContent!);
        const drawn = new Set<number>(data.nodes.map((n: { id: number }) => n.id));
        const edge = (data.neighbourhood?.edges ?? []).find((e: { from: number; to: number }) => drawn.has(e.to) && !drawn.has(e.from));
        if (!edge) return null;
        const mounted = (window as unknown as { heapgraphGraph: { get(e: Element): { clientPosition(id: number): { x: number; y: number } | null; nodeCount(): number } } }).heapgraphGraph.get(el);
        return { at: mounted.clientPosition(edge.to), before: mounted.nodeCount() };
      });
      assert.ok(clicked?.at, "a drawn node has referrers in the embedded neighbourhood");
      await tab.mouse.click(clicked!.at!.x, clicked!.at!.y);
      await tab.waitForFunction((before) => Number((document.querySelector("[data-heapgraph-mounted=true]") as HTMLElement).dataset.heapgraphNodes) > before, clicked!.before, { timeout: 10_000 });
      // The only console errors allowed are nbconvert's template failing to load its own local
      // scripts (require.js, MathJax) when the Debian packages that ship them are absent.
      const templateScripts = await tab.evaluate(() => Array.from(document.scripts).map((s) => s.src).filter((src) => src !== ""));
      const foreign = consoleErrors.filter((e) => !(/^Failed to load resource/.test(e.text) && templateScripts.includes(e.url)));
      assert.equal([...problems, ...foreign.map((e) => `console error: ${e.text}`)], [], "no dialog, page error, console error of ours, or network request");
    } finally {
      await browser.close();
    }
  });
});

once("--out writes every page and an index ready to publish", async () => {
  await results();
  assert.ok(existsSync(join(outDir, "00-smoke.html")));
  const index = readFileSync(join(outDir, "index.html"), "utf8");
  assert.match(index, /<a href="00-smoke.html">Smoke test: the notebook plumbing<\/a>/);
});

once("the Deno smoke notebook runs on Deno's kernel: display() and a value's own Jupyter.display both show inline", async () => {
  const smoke = await result(notebooksDir, "00-smoke-deno.ipynb");
  assert.is(smoke.kernel, "deno");
  assert.equal(smoke.problems, [], smoke.problems.join("\n"));
  const html = smoke.html ?? "";
  assert.match(html, /kernel: deno/, "display() detected Deno's kernel at call time");
  assert.match(html, /<tr><td>SmokeLeakCanary<\/td><td>250<\/td>/, "takeSnapshot() on Deno held the 250 canaries");
  assert.match(html, /<div class="heapgraph-graph"><svg width="340pt"[^>]*>/);
  assert.not.match(html, /<\?xml/i);
  const outputs = (smoke.executed?.cells ?? []).flatMap((c) => c.outputs ?? []);
  // Deno.jupyter.display sends the whole bundle: the HTML and its plain-text form.
  const displayed = outputs.filter((o) => o.output_type === "display_data");
  assert.is(displayed.length, 2);
  for (const o of displayed) assert.equal(Object.keys(o.data ?? {}).sort(), ["text/html", "text/plain"]);
  // A cell's resulting value with [Symbol.for("Jupyter.display")]: Deno's kernel calls it.
  const results = outputs.filter((o) => o.output_type === "execute_result");
  assert.is(results.length, 1);
  assert.match(joined(results[0].data?.["text/html"]), /class="heapgraph-rich-value">250 canaries, shown by its own Jupyter.display/);
});

once("on Deno's kernel every output stays with its cell, the last ones included", async () => {
  // Deno 2.9's kernel can publish a cell's last outputs after reporting the cell idle; without
  // scripts/ordered_execute.py's barrier, several of these cells lose their last line or show
  // nothing (measured: 3 to 12 of 21 per run).
  const ordering = await result(fixturesDir, "deno-ordering.ipynb");
  assert.is(ordering.kernel, "deno");
  assert.equal(ordering.problems, [], ordering.problems.join("\n"));
  const cells = (ordering.executed?.cells ?? []).filter((c) => c.cell_type === "code");
  assert.is(cells.length, 21);
  cells.forEach((cell, k) => {
    const text = (cell.outputs ?? [])
      .map((o) => (o.output_type === "stream" ? joined(o.text) : joined(o.data?.["text/plain"])))
      .join("\n");
    const markers = [...text.matchAll(/\bc(\d+) (first|last)\b/g)].map((m) => `c${m[1]} ${m[2]}`);
    assert.equal(markers, [`c${k} first`, `c${k} last`], `cell ${k + 1}: ${JSON.stringify(cell.outputs)}`);
  });
});

once("a cell that throws fails its notebook, naming the cell and showing its error", async () => {
  const failing = await result(fixturesDir, "failing.ipynb");
  assert.not.ok(failing.ok);
  assert.is(failing.problems.length, 1, failing.problems.join("\n"));
  assert.match(failing.problems[0], /^cell 2 failed:/);
  assert.match(failing.problems[0], /Error: FixtureBoom: this cell fails on purpose/);
  assert.is(failing.html, null, "a failed notebook is not published");
});

once("a code cell without output, unless tagged no-output, and a missing expected string fail the notebook", async () => {
  const silent = await result(fixturesDir, "silent.ipynb");
  assert.not.ok(silent.ok);
  assert.is(silent.problems.length, 2, silent.problems.join("\n"));
  assert.match(silent.problems[0], /^cell 1 produced no output/);
  assert.match(silent.problems[1], /does not contain "TextThisNotebookNeverPrints"/);
});

/** Jupyter stores multi-line text as a list of lines. */
function joined(text: unknown): string {
  return Array.isArray(text) ? text.join("") : typeof text === "string" ? text : "";
}

test.run();
