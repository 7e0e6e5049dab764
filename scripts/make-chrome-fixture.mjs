#!/usr/bin/env node
// Regenerates packages/snapshot/test/fixtures/chrome-detached.heapsnapshot.gz: a heap snapshot
// of headless Chromium showing testkit/scenarios/detached-dom.html (two detached <li> nodes
// kept alive by JS objects), taken over raw CDP. A fixture generator, not a product API.
//
//   node scripts/make-chrome-fixture.mjs [--chromium /path/to/chromium] [--out file.gz]
//
// Chromium runs with the flags of DESIGN.md §7, a fresh user-data directory and
// --remote-debugging-port=0 (the port is read from DevToolsActivePort); its process group
// and the directory are removed at the end, also on failure. Every wait has a timeout.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import WebSocket from "ws";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const chromium = option("--chromium", process.env.HEAPGRAPH_CHROMIUM ?? "/usr/bin/chromium");
const out = resolve(option("--out", join(root, "packages/snapshot/test/fixtures/chrome-detached.heapsnapshot.gz")));
const page = pathToFileURL(join(root, "testkit/scenarios/detached-dom.html")).href;
const READY_TITLE = "detached-dom ready";

const deadline = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms).unref());
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium} (Debian package "chromium", or --chromium)`);
const userDataDir = mkdtempSync(join(tmpdir(), "heapgraph-chrome-fixture-"));
const browser = spawn(chromium, [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", `--user-data-dir=${userDataDir}`,
  "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", page,
], { stdio: ["ignore", "ignore", "pipe"], detached: true });
let stderr = "";
browser.stderr.on("data", (d) => (stderr += d));
const killBrowser = () => {
  try {
    process.kill(-browser.pid, "SIGKILL");
  } catch {
    // already gone
  }
};
process.on("exit", killBrowser);

try {
  const port = await Promise.race([devToolsPort(), deadline(30_000, `Chromium's DevTools port\n${stderr}`)]);
  const target = await Promise.race([readyPage(port), deadline(30_000, `a page titled "${READY_TITLE}"`)]);
  const text = await Promise.race([takeSnapshot(target.webSocketDebuggerUrl), deadline(120_000, "the heap snapshot")]);
  const gz = gzipSync(Buffer.from(text, "utf8"), { level: 9 });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, gz);
  renameSync(tmp, out);
  console.log(`wrote ${out}: ${text.length} bytes of snapshot, ${gz.length} gzipped`);
} finally {
  killBrowser();
  await sleep(200);
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
process.exit(0);

async function devToolsPort() {
  const file = join(userDataDir, "DevToolsActivePort");
  for (;;) {
    if (existsSync(file)) {
      const [port] = readFileSync(file, "utf8").split("\n");
      if (/^\d+$/.test(port)) return Number(port);
    }
    const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
    if (m) return Number(m[1]);
    if (browser.exitCode !== null) throw new Error(`Chromium exited (${browser.exitCode})\n${stderr}`);
    await sleep(50);
  }
}

async function readyPage(port) {
  for (;;) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      const ready = targets.find((t) => t.type === "page" && t.title === READY_TITLE);
      if (ready) return ready;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
}

function takeSnapshot(url) {
  return new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
    const chunks = [];
    let nextId = 1;
    const pending = new Map();
    const send = (method, params = {}) =>
      new Promise((res, rej) => {
        const id = nextId++;
        pending.set(id, { res, rej, method });
        ws.send(JSON.stringify({ id, method, params }));
      });
    ws.on("error", reject);
    ws.on("close", () => reject(new Error("the DevTools connection closed")));
    ws.on("message", (data) => {
      const message = JSON.parse(String(data));
      if (message.method === "HeapProfiler.addHeapSnapshotChunk") chunks.push(message.params.chunk);
      else if (message.id && pending.has(message.id)) {
        const p = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) p.rej(new Error(`${p.method}: ${JSON.stringify(message.error)}`));
        else p.res(message.result);
      }
    });
    ws.on("open", async () => {
      try {
        await send("HeapProfiler.enable");
        await send("HeapProfiler.collectGarbage");
        await send("HeapProfiler.takeHeapSnapshot", { reportProgress: false, captureNumericValue: false });
        ws.removeAllListeners("close");
        ws.close();
        resolvePromise(chunks.join(""));
      } catch (error) {
        reject(error);
      }
    });
  });
}
