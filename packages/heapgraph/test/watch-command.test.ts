// `heapgraph watch` against a real leaking Node process (a registry array that gains 30
// WatchLeak objects every 100 ms; 300 WatchStable objects that never change; 3000 WatchJump
// objects added once, 1.5 s in): the command as users run it (a child process, stopped with
// SIGINT) with --out JSON, and in this process with --out CSV until the target exits. The page
// is checked in real headless Chromium under Node 24 only (a visible skip elsewhere).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { screenshotInk } from "./screenshot-ink.ts";
import { CHROMIUM_FLAGS, chromiumExecutable, currentRuntime, runtimes, spawnTracked, testWhen, type TrackedProcess } from "@heapgraph/testkit";
import type { WatchSeriesJson } from "../src/web/watch/watch-series.ts";
import { cliCommand, runMain, tempDir } from "./cli-helpers.ts";

const runtime = currentRuntime();
const withBrowser = runtime === "node24" && chromiumExecutable() !== null;
// The page's checks run inside the first test, on the command it starts; elsewhere they are a visible skip.
if (!withBrowser) {
  testWhen(false, runtime === "node24" ? "chromium is not installed" : "the browser checks run under node24")("watch: the page in Chromium", () => {});
}

const TARGET = `
class WatchLeak { constructor(i) { this.i = i; } }
class WatchStable { constructor(i) { this.i = i; } }
class WatchJump { constructor(i) { this.i = i; } }
globalThis.registry = { items: [] };
globalThis.stable = Array.from({ length: 300 }, (_, i) => new WatchStable(i));
globalThis.jumps = [];
let n = 0;
setInterval(() => { for (let i = 0; i < 30; i++) registry.items.push(new WatchLeak(n++)); }, 100);
setTimeout(() => { for (let i = 0; i < 3000; i++) jumps.push(new WatchJump(i)); }, 1500);
class WatchHostile { constructor(i) { this.i = i; } }
const HOSTILE_KEY = "<img src=x onerror=alert(1)></svg><script>alert(2)</script>\u2028";
globalThis.hostile = { [HOSTILE_KEY]: [] };
setInterval(() => { for (let i = 0; i < 10; i++) hostile[HOSTILE_KEY].push(new WatchHostile(i)); }, 100);
console.log("watch target ready");
`;

let target: TrackedProcess | undefined;
let targetUrl: Promise<string> | undefined;

/** The leaking target (one for both tests), and its inspector's ws:// URL. */
function leakingTarget(): Promise<string> {
  if (!targetUrl) {
    const node = runtimes().find((r) => r.kind === "node")!.executable;
    const child = spawnTracked(node, ["--inspect=127.0.0.1:0", "-e", TARGET], { lifetimeMs: 180_000 });
    target = child;
    targetUrl = child.waitForLine(/Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/\S+)/, { stream: "stderr", timeoutMs: 20_000 }).then(async ([, url]) => {
      await child.waitForLine(/watch target ready/, { stream: "stdout", timeoutMs: 20_000 });
      return url!;
    });
  }
  return targetUrl;
}

test.after(async () => {
  await target?.kill();
});

test(`watch (${runtime}): the command marks the leaking class within a few samples${withBrowser ? ", the page charts it and answers a click with its holder" : ""}; SIGINT exits 0 with a complete --out JSON`, async () => {
  const url = await leakingTarget();
  const tmp = tempDir("watch-json");
  const out = join(tmp.dir, "series.json");
  const [command, ...pre] = cliCommand();
  const cli = spawnTracked(command!, [...pre, "watch", "--url", url, "--every", "0.4", "--out", out], { lifetimeMs: 150_000 });
  let browser: Browser | undefined;
  try {
    const [, pageUrl] = await cli.waitForLine(/^open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)$/, { stream: "stdout", timeoutMs: 30_000 });
    await cli.waitForLine(/^growing: WatchLeak \(\d+ instances, \+\d+(\.\d)? per sample\)$/, { stream: "stdout", timeoutMs: 60_000 });
    const marked = JSON.parse(readFileSync(out, "utf8")) as WatchSeriesJson;
    assert.ok(marked.samples.length <= 10, `marked within a few samples (${marked.samples.length})`);

    if (withBrowser) {
      // Imported here: playwright-core is large, and the other runtimes never drive the browser.
      const { chromium } = await import("playwright-core");
      browser = await chromium.launch({ executablePath: chromiumExecutable()!, args: [...CHROMIUM_FLAGS] });
      const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      const requests: string[] = [], errors: string[] = [], dialogs: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
      page.on("pageerror", (error) => errors.push(String(error)));
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pageUrl!);
      const leak = page.locator("#growing button.class", { hasText: /^WatchLeak$/ });
      await leak.waitFor({ timeout: 30_000 });
      await page.locator("#chart canvas").first().waitFor();
      assert.is(await page.locator("#growing button.class", { hasText: /^WatchStable$/ }).count(), 0, "the stable class is not marked");
      const png = await page.screenshot();
      const ink = await screenshotInk(page, png);
      assert.ok(ink > 0.02, `${(ink * 100).toFixed(2)}% of the screenshot is drawn`);
      await leak.click();
      await page.locator("#diagnosis[data-state=done], #diagnosis[data-state=failed]").waitFor({ timeout: 60_000 });
      const headline = await page.locator("#headline").innerText();
      assert.match(headline, /^Array (globalThis\.)?registry\.items grew [\d,]+ → [\d,]+ elements, holding [\d,]+ new objects/, headline);
      assert.ok((await page.locator("#chain li").count()) >= 3, "the chain to one instance is listed");
      assert.match(await page.locator("#chain").innerText(), /WatchLeak @\d+/);
      await page.locator("#graph canvas, #graph svg").first().waitFor();
      // A holder whose name is HTML: shown as text, nothing runs.
      await page.locator("#growing button.class", { hasText: /^WatchHostile$/ }).click();
      await page.locator("#diagnosis-title", { hasText: /^WatchHostile$/ }).waitFor();
      await page.locator("#diagnosis[data-state=done], #diagnosis[data-state=failed]").waitFor({ timeout: 60_000 });
      const hostile = await page.locator("#headline").innerText();
      assert.ok(hostile.includes("<img src=x onerror=alert(1)></svg><script>alert(2)</script>"), hostile);
      assert.ok((await page.locator("#chain").innerText()).includes("<img src=x"), "the chain names the key as text");
      assert.is(await page.locator("#diagnosis img, #diagnosis script, body > img").count(), 0, "no element made from heap text");
      assert.equal(errors, [], "no console errors");
      assert.equal(dialogs, []);
      const origin = new URL(pageUrl!).origin;
      assert.equal(requests.filter((r) => new URL(r).origin !== origin), [], "every request goes to the local server");
    }

    const exit = await cli.kill("SIGINT", 30_000);
    assert.equal(exit, { code: 0, signal: null }, cli.stderr());
    assert.match(cli.stdout(), /\nstopped after \d+ samples; growing: [^\n]*WatchLeak[^\n]*; wrote .*series\.json\n$/);
    const series = JSON.parse(readFileSync(out, "utf8")) as WatchSeriesJson;
    assert.is(series.format, "heapgraph-watch");
    assert.ok(series.samples.length >= marked.samples.length);
    const byName = new Map(series.classes.map((c) => [c.name, c]));
    assert.ok(byName.get("WatchLeak")?.growing, "WatchLeak is marked in the file");
    assert.is(byName.get("WatchStable")?.growing, false);
    assert.is(byName.get("WatchStable")?.count.at(-1), 300);
    assert.not.ok(byName.get("WatchJump")?.growing, "a one-time jump is not a leak");
    for (const c of series.classes) assert.is(c.count.length, series.samples.length);
  } finally {
    await browser?.close();
    await cli.kill();
    tmp.remove();
  }
});

test(`watch (${runtime}): --out CSV, and the watch ends by itself when the target exits`, async () => {
  const url = await leakingTarget();
  const tmp = tempDir("watch-csv");
  const out = join(tmp.dir, "series.csv");
  try {
    const running = runMain(["watch", "--url", url, "--every", "0.3", "--out", out]);
    // Let it find the leak, then end the target.
    const deadline = Date.now() + 60_000;
    while (!/,WatchLeak,\d+,\d+,1\n/.test(safeRead(out)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await target!.kill();
    const run = await running;
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stderr, /^heapgraph: watch: the target closed its inspector connection \(it exited or crashed\) after \d+ samples; the series is in .*series\.csv\n$/);
    const text = readFileSync(out, "utf8");
    assert.ok(text.startsWith("time,class,count,self_size,growing\n"));
    assert.ok(text.endsWith("\n"), "ends with a line break");
    const rows = parseCsv(text).slice(1);
    const bad = rows.filter((r) => r.length !== 5 || Number.isNaN(Date.parse(r[0]!)) || !/^\d+$/.test(r[2]!) || !/^[01]$/.test(r[4]!));
    assert.equal(bad, [], "every line has a time, a class, a count, a size and a mark");
    assert.ok(rows.some((r) => r[1] === "WatchLeak" && r[4] === "1"), "WatchLeak marked");
    assert.ok(rows.some((r) => r[1] === "WatchStable" && r[2] === "300"));
    assert.not.ok(rows.some((r) => r[1] === "WatchStable" && r[4] === "1"), "WatchStable never marked");
  } finally {
    tmp.remove();
  }
});

/** RFC 4180 records: fields may be quoted, with "" for a quote and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  return rows;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

test.run();
