// `heapgraph explore` in real headless Chromium (playwright-core over CDP), on the three real
// snapshots of the emitter-leak scenario (Node: 20 LeakRequest objects kept by listeners):
// one server and one browser for every check. The browser part runs under Node 24 only (a
// visible skip elsewhere); the command's start and Ctrl-C run under every runtime.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { basename, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { screenshotInk } from "./screenshot-ink.ts";
import { CHROMIUM_FLAGS, chromiumExecutable, currentRuntime, HOSTILE_STRINGS, hostileSnapshot, testWhen } from "@heapgraph/testkit";
import type { InteractiveGraphData } from "@heapgraph/render";
import type { WebServer } from "../src/web/start-web-server.ts";

// Loaded by the first test, not at the top: the runtimes that skip these tests need not load them.
const load = async () => ({
  ...(await import("playwright-core")),
  ...(await import("../src/web/explore/explore-app.ts")),
  ...(await import("../src/web/start-web-server.ts")),
  ...(await import("../src/web/web-guard.ts")),
  ...(await import("./cli-helpers.ts")),
});
let loaded: Awaited<ReturnType<typeof load>> | undefined;

const runtime = currentRuntime();
const browserTest = testWhen(runtime === "node24" && chromiumExecutable() !== null, runtime === "node24" ? "chromium is not installed" : "the browser checks run under node24");

let server: WebServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const requests: string[] = [];
const consoleErrors: string[] = [];
const dialogs: string[] = [];

async function openExplore(): Promise<{ page: Page; server: WebServer }> {
  if (page && server) return { page, server };
  loaded = await load();
  const { chromium, exploreApp, leakFiles, libraryGraph, startWebServer } = loaded;
  const { baseline, target, final } = await leakFiles();
  const files = await Promise.all([baseline, target, final].map(async (path) => ({ name: basename(path), graph: await libraryGraph(path) })));
  server = await startWebServer({ app: exploreApp({ files }) });
  browser = await chromium.launch({ executablePath: chromiumExecutable()!, args: [...CHROMIUM_FLAGS] });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(`${message.text()} at ${message.location().url}:${message.location().lineNumber}`));
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(server.url);
  return { page, server };
}

test.after(async () => {
  await browser?.close();
  await server?.close();
  loaded?.forgetGraphs();
});

browserTest("explore (Chromium): heap strings that attack HTML show as text and run nothing", async () => {
  await openExplore(); // the browser
  const { exploreApp, libraryGraph, startWebServer } = loaded!;
  const file = await hostileSnapshot();
  const hostile = await startWebServer({ app: exploreApp({ files: [{ name: "<script>alert(9)</script>.heapsnapshot", graph: await libraryGraph(file) }] }) });
  const tab = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  const seen: string[] = [];
  const alerts: string[] = [];
  tab.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  tab.on("pageerror", (error) => errors.push(String(error)));
  tab.on("request", (request) => seen.push(request.url()));
  tab.on("dialog", (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await tab.goto(hostile.url);
    const classes = tab.locator('table[aria-label="classes"]');
    await tab.locator("input.filter").fill("alert(");
    await classes.locator("tbody tr").first().waitFor();
    const names = await classes.locator("tbody tr td:first-child").allInnerTexts();
    for (const name of HOSTILE_STRINGS.slice(0, 5)) assert.ok(names.includes(name), `class ${JSON.stringify(name)} listed as text (${JSON.stringify(names)})`);
    await classes.locator("tbody tr").first().click();
    await tab.locator("table[aria-label=objects] tbody tr").first().click();
    await tab.locator("[role=tree] [role=treeitem]").first().waitFor();
    await tab.locator(".graph canvas").first().waitFor();
    await tab.locator("input.filter").fill("HostileHolder");
    await classes.locator('tbody tr[data-key="HostileHolder"]').click();
    await tab.locator("table[aria-label=objects] tbody tr").first().click();
    await tab.locator(".graph canvas").first().waitFor();
    await tab.waitForTimeout(500);
    assert.is(await tab.locator("img, svg script, body script:not([src]):not([type])").count(), 0, "no element made from a heap string");
    assert.equal(alerts, [], "no dialog opened");
    assert.equal(errors, [], "no console error");
    assert.equal(seen.filter((url) => new URL(url).origin !== hostile.origin), []);
    assert.ok(seen.every((url) => !new URL(url).pathname.endsWith("/x")), "the onerror image was never requested");
  } finally {
    await tab.close();
    await hostile.close();
  }
});

browserTest("explore (Chromium): leaks first, then the summary table; a class, an object, its retainers and its graph; a click on a node adds nodes", async () => {
  const { page, server } = await openExplore();
  // Three files: the Leaks view opens first, headed by the listener array that grew.
  await page.locator(".cluster .headline").first().waitFor();
  assert.match(await page.locator(".cluster .headline").first().innerText(), /LeakRequest|listener|tick/);

  // The Comparison of the final file with the baseline, by heap id: the 20 leaked requests are new.
  await page.getByRole("tab", { name: "Comparison" }).click();
  const leakRow = page.locator('table[aria-label="comparison"] tbody tr[data-key="LeakRequest"] td');
  await leakRow.first().waitFor();
  assert.equal((await leakRow.allInnerTexts()).slice(0, 4), ["LeakRequest", "20", "0", "+20"]);

  await page.getByRole("tab", { name: "Summary: final.heapsnapshot" }).click();
  const classes = page.locator('table[aria-label="classes"]').last();
  await classes.locator("tbody tr").first().waitFor();
  assert.ok((await classes.locator("tbody tr").count()) > 20, "many classes listed");
  await page.locator("section.view:not([hidden]) input.filter").fill("LeakRequest");
  await classes.locator('tbody tr[data-key="LeakRequest"]').click();
  const objects = page.locator("section.view:not([hidden]) table[aria-label=objects]");
  await objects.locator("tbody tr").first().waitFor();
  assert.is(await objects.locator("tbody tr").count(), 21, "20 leaked requests and the earlier one");
  await objects.locator("tbody tr").first().click();

  const tree = page.locator("section.view:not([hidden]) [role=tree]");
  await tree.locator("[role=treeitem]").first().waitFor();
  const firstEdge = await tree.locator("[role=treeitem] .edge").first().innerText();
  assert.ok(firstEdge.length > 0, "a retaining edge is named");
  await tree.locator("[role=treeitem] .twisty").first().click();
  await tree.locator("[role=treeitem] [role=treeitem]").first().waitFor();

  const graph = page.locator("section.view:not([hidden]) .graph");
  await graph.locator("canvas").first().waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector("section.view:not([hidden]) .graph");
    return !!el && (window as any).heapgraphGraph?.get(el)?.nodeCount() > 1;
  });
  const before = await graph.evaluate((el) => (window as any).heapgraphGraph.get(el).nodeCount() as number);
  // The drawn node with the most neighbours not drawn yet: a click (referrers) or shift-click (references) adds some.
  const title = await page.locator("section.view:not([hidden]) .object-title").innerText();
  const objectId = Number(/@(\d+)/.exec(title)![1]);
  const drawn = (await (await fetch(`${server.origin}/api/graph?file=2&id=${objectId}`, { headers: { [loaded!.TOKEN_HEADER]: server.token } })).json()) as InteractiveGraphData;
  const best = drawn.nodes
    .flatMap((n) => [
      { id: n.id, shift: false, more: n.expandable?.backrefs ?? 0 },
      { id: n.id, shift: true, more: n.expandable?.refs ?? 0 },
    ])
    .sort((a, b) => b.more - a.more)[0]!;
  assert.ok(best.more > drawn.nodes.length, `@${best.id} has ${best.more} neighbours`);
  const at = await graph.evaluate((el, id) => (window as any).heapgraphGraph.get(el).clientPosition(id) as { x: number; y: number } | null, best.id);
  assert.ok(at, `node @${best.id} is drawn`);
  if (best.shift) await page.keyboard.down("Shift");
  await page.mouse.click(at.x, at.y);
  if (best.shift) await page.keyboard.up("Shift");
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector("section.view:not([hidden]) .graph");
      return (window as any).heapgraphGraph.get(el).nodeCount() > n;
    },
    before,
    { timeout: 10_000 },
  );
});

browserTest("explore (Chromium): the screenshot has drawn content; no console errors, no dialogs, no request off 127.0.0.1", async () => {
  const { page, server } = await openExplore();
  const png = await page.screenshot({ fullPage: false });
  const drawn = await screenshotInk(page, png);
  assert.ok(drawn > 0.01, `${(drawn * 100).toFixed(2)}% of the screenshot is drawn`);
  assert.equal(consoleErrors, []);
  assert.equal(dialogs, []);
  assert.ok(requests.length > 5, "requests were recorded");
  const off = requests.filter((url) => new URL(url).origin !== server.origin);
  assert.equal(off, [], "every request goes to the local server");
  assert.ok(requests.every((url) => new URL(url).hostname === "127.0.0.1"));
});

test.run();
