// End to end: every notebooks/*.ipynb executed headless in real Jupyter (nbconvert, the
// project-local tslab kernel), checked and exported to HTML by scripts/run-notebooks.mjs; plus
// fixtures that must fail, so that the checks are known to bite.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { currentRuntime, repoRoot } from "@heapgraph/testkit";
import type { NotebookResult } from "../../../scripts/run-notebooks.mjs";

// Jupyter runs the notebooks in its own kernel processes, whatever runtime runs this file, so
// running it under each of the four runtimes would only run the same notebooks four times. It
// runs once per matrix run, under node20, and is skipped under the others.
const once = currentRuntime() === "node20" ? test : test.skip;

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
      log: (line) => console.log(`  notebook: ${line.split("\n")[0]}${/fixtures[\\/]/.test(line) ? " (a fixture that must fail)" : ""}`),
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

once("--out writes every page and an index ready to publish", async () => {
  await results();
  assert.ok(existsSync(join(outDir, "00-smoke.html")));
  const index = readFileSync(join(outDir, "index.html"), "utf8");
  assert.match(index, /<a href="00-smoke.html">Smoke test: the notebook plumbing<\/a>/);
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

test.run();
