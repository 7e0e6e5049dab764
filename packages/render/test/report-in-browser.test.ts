import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runChromium } from "./helpers/headless-chromium.ts";
import { countNonWhite, countPixels, decodePng } from "./helpers/png.ts";
import { SAMPLE_LABELS, sampleReport } from "./helpers/sample-report.ts";

test("the HTML report renders its graphs in headless Chromium", async () => {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-render-browser-"));
  try {
    const { html } = await sampleReport();
    const reportFile = join(dir, "report.html");
    const blankFile = join(dir, "blank.html");
    writeFileSync(reportFile, html);
    writeFileSync(blankFile, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>\n");

    const shot = async (file: string, png: string) => {
      await runChromium(dir, [`--screenshot=${png}`, "--window-size=1200,900"], pathToFileURL(file).href);
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

    const dom = await runChromium(dir, ["--dump-dom"], pathToFileURL(reportFile).href);
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
