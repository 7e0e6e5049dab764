import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromiumExecutable, spawnTracked } from "@heapgraph/testkit";
import { countNonWhite, countPixels, decodePng } from "./helpers/png.ts";
import { SAMPLE_LABELS, sampleReport } from "./helpers/sample-report.ts";

const BROWSER_TIMEOUT_MS = 60_000;

/** Runs headless Chromium once (DESIGN.md §7 flags, a fresh profile) and returns its stdout; the process group is killed in any case. */
async function chromium(dir: string, extra: string[], url: string): Promise<string> {
  const executable = chromiumExecutable();
  assert.ok(executable, "chromium is installed (Debian package chromium, or HEAPGRAPH_CHROMIUM)");
  const profile = mkdtempSync(join(dir, "profile-"));
  const child = spawnTracked(executable!, [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    `--user-data-dir=${profile}`,
    ...extra,
    url,
  ], { lifetimeMs: BROWSER_TIMEOUT_MS + 5_000 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), BROWSER_TIMEOUT_MS)));
    const exit = await Promise.race([child.exited, timeout]);
    assert.ok(exit, `chromium did not finish within ${BROWSER_TIMEOUT_MS} ms: ${child.commandLine}\n${child.stderr()}`);
    assert.is(exit!.code, 0, `chromium failed: ${child.stderr()}`);
    return child.stdout();
  } finally {
    clearTimeout(timer);
    await child.kill();
  }
}

test("the HTML report renders its graphs in headless Chromium", async () => {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-render-browser-"));
  try {
    const { html } = await sampleReport();
    const reportFile = join(dir, "report.html");
    const blankFile = join(dir, "blank.html");
    writeFileSync(reportFile, html);
    writeFileSync(blankFile, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>\n");

    const shot = async (file: string, png: string) => {
      await chromium(dir, [`--screenshot=${png}`, "--window-size=1200,900"], pathToFileURL(file).href);
      return decodePng(readFileSync(png));
    };
    const blank = await shot(blankFile, join(dir, "blank.png"));
    const page = await shot(reportFile, join(dir, "report.png"));
    assert.is(page.width, 1200);
    assert.is(page.height, 900);
    const inked = countNonWhite(page), blankInk = countNonWhite(blank);
    assert.ok(inked > 20_000 && inked > 50 * (blankInk + 1), `the page has ink: ${inked} non-white pixels, blank page ${blankInk}`);
    // The first graph's depth-1 boxes are filled with objgraph's darkest grey (HSV 0,0,0.3) and its
    // "37 more backreferences" box with dark red (0,1,0.3): only a drawn graph has those colours.
    const grey = countPixels(page, [77, 77, 77], 6), red = countPixels(page, [77, 0, 0], 6);
    assert.ok(grey > 2_000, `dark grey node fills drawn: ${grey} pixels`);
    assert.ok(red > 300, `dark red more-backreferences box drawn: ${red} pixels`);

    const dom = await chromium(dir, ["--dump-dom"], pathToFileURL(reportFile).href);
    assert.match(dom, /<svg[\s>]/);
    const text = dom
      .replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;|&#160;/g, " ")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")
      .replace(/\u00a0/g, " ");
    for (const label of SAMPLE_LABELS) assert.ok(text.includes(label), `the page shows ${JSON.stringify(label)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
});

test.run();
