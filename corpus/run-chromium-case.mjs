// Runs one corpus case of `"environment": "chromium"` in a page of a running (headless) Chromium and
// writes memlab's three snapshots, like run-case.mjs does for Node and Deno:
//
//   node corpus/run-chromium-case.mjs <caseId> <leaking|fixed> <outDir> --devtools-port <port>
//
// The browser is the caller's: the test starts it with testkit's `withChromium` (its flags, its
// process group and profile directory); by hand, e.g.
// `chromium --headless --no-sandbox --remote-debugging-port=9222 about:blank`.
// This script serves corpus/ on 127.0.0.1 (an ephemeral port), opens a new page there through the
// DevTools HTTP endpoint (`/json/new`) and lets the page drive the case: the page imports
// `cases/<caseId>/scenario.mjs`, loads the package's browser build named by the scenario's
// `browserBuild = { file, global }` from `node_modules/<alias>/` with a classic <script>, then runs
// `setup(pkg, { alias, version })`, WARMUP actions, `baseline`, ACTIONS actions, `target`,
// `revert(state)` if any, ACTIONS more actions, `final`. Before each snapshot it awaits the
// scenario's `settle(state)` if it has one (animations, timers that detach nodes) and then asks this
// script for the snapshot by its title and waits on an event stream for the answer, so the page's
// code stands still while V8 takes it, and makes no request between the snapshots. Snapshots go
// through the page's DevTools target with `openCaptureSession` from @heapgraph/snapshot (which
// collects garbage first). The page is closed at the end.
// Plain JavaScript, like run-case.mjs, so that Node 20 runs it without a TypeScript loader.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { openCaptureSession } from "@heapgraph/snapshot";

const WARMUP = 5;
const ACTIONS = 50;
const TIMEOUT_MS = 90_000;

/** The page that runs the case; its module script is the page-side half of this file. */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>corpus case</title></head>
<body>
<main id="app"></main>
<script type="module">
const params = new URLSearchParams(location.search);
const caseId = params.get("caseId");
const alias = params.get("alias");
const version = params.get("version");
const warmup = Number(params.get("warmup"));
const actions = Number(params.get("actions"));

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error("could not load " + src));
    document.head.append(script);
  });
}

// The runner's messages, on one event stream opened before the baseline: between the snapshots the
// page makes no request (each would leave loader and resource-table state of Blink behind).
const events = new EventSource("/events");
let waiting = null;
events.onmessage = (event) => {
  const resolve = waiting;
  waiting = null;
  resolve?.(event.data);
};
const nextMessage = () => new Promise((resolve) => (waiting = resolve));

// The page asks for a snapshot by its title (the runner watches the page's target) and stands still
// until the runner says the snapshot is written.
async function snapshot(scenario, state, label) {
  if (typeof scenario.settle === "function") await scenario.settle(state);
  const reply = nextMessage();
  document.title = "snapshot " + label;
  if ((await reply) !== "taken " + label) throw new Error("the runner did not take " + label);
  document.title = "corpus case";
}

async function run() {
  // The stream's first message: what receiving one creates lazily exists before the baseline.
  if ((await nextMessage()) !== "hello") throw new Error("no hello on the event stream");
  const scenario = await import("/cases/" + caseId + "/scenario.mjs");
  const { file, global } = scenario.browserBuild;
  await loadScript("/node_modules/" + alias + "/" + file);
  const state = await scenario.setup(window[global], { alias, version });
  for (let i = 0; i < warmup; i++) await scenario.action(state, i);
  await snapshot(scenario, state, "baseline");
  for (let i = 0; i < actions; i++) await scenario.action(state, warmup + i);
  await snapshot(scenario, state, "target");
  if (typeof scenario.revert === "function") await scenario.revert(state);
  for (let i = 0; i < actions; i++) await scenario.action(state, warmup + actions + i);
  await snapshot(scenario, state, "final");
}

run().then(
  () => fetch("/done"),
  (error) => fetch("/failed", { method: "POST", body: String((error && error.stack) || error) }),
);
</script>
</body></html>
`;

const here = dirname(fileURLToPath(import.meta.url));
const [caseId, version, outDir, portFlag, portValue] = process.argv.slice(2);
const devtoolsPort = Number(portValue);
if (!caseId || !["leaking", "fixed"].includes(version) || !outDir || portFlag !== "--devtools-port" || !(devtoolsPort > 0)) {
  console.error("usage: node corpus/run-chromium-case.mjs <caseId> <leaking|fixed> <outDir> --devtools-port <port>");
  process.exit(2);
}
const description = JSON.parse(readFileSync(join(here, "cases", caseId, "case.json"), "utf8"));
const alias = description[version];
mkdirSync(outDir, { recursive: true });

let session = null;
let finish;
const finished = new Promise((resolve, reject) => (finish = { resolve, reject }));
const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    if (!res.headersSent) res.writeHead(500);
    res.end(String(error));
    finish.reject(error);
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const pageUrl = `${origin}/corpus-page.html?${new URLSearchParams({ caseId, alias, version, warmup: String(WARMUP), actions: String(ACTIONS) })}`;
const devtools = `http://127.0.0.1:${devtoolsPort}`;
const timer = setTimeout(() => finish.reject(new Error(`the case ran past ${TIMEOUT_MS} ms`)), TIMEOUT_MS);

let page = null;
let over = false;
let failed = false;
try {
  // Chromium opens a page by PUT /json/new?<url> and answers with its target.
  const opened = await fetch(`${devtools}/json/new?${encodeURIComponent(pageUrl)}`, { method: "PUT" });
  if (!opened.ok) throw new Error(`${devtools}/json/new answered ${opened.status}: ${await opened.text()}`);
  page = await opened.json();
  await finished;
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.stack : error);
} finally {
  over = true;
  clearTimeout(timer);
  session?.close();
  if (page) await fetch(`${devtools}/json/close/${page.id}`).then((r) => r.text(), () => {});
  server.close();
}
process.exit(failed ? 1 : 0);

/**
 * Takes the snapshot the page asks for in its title (`snapshot <label>`), then tells the page on its
 * event stream (`taken <label>`); until the case is over.
 */
async function watchTitle(stream) {
  const taken = new Set();
  while (!over) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const targets = await (await fetch(`${devtools}/json/list`)).json();
    const label = /^snapshot (baseline|target|final)$/.exec(targets.find((t) => t.id === page?.id)?.title ?? "")?.[1];
    if (!label || taken.has(label)) continue;
    taken.add(label);
    session ??= await openCaptureSession({ port: devtoolsPort, match: (t) => t.id === page.id });
    await session.capture({ saveTo: join(outDir, `${label}.heapsnapshot`) });
    stream.write(`data: taken ${label}\n\n`);
  }
  stream.end();
}

/** Serves the page, corpus/cases and corpus/node_modules, and the page's event stream. */
async function handle(req, res) {
  const url = new URL(req.url ?? "/", origin);
  if (url.pathname === "/corpus-page.html") return send(res, 200, "text/html", PAGE);
  if (url.pathname === "/events") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
    res.write("data: hello\n\n");
    return watchTitle(res);
  }
  if (url.pathname === "/done") {
    send(res, 200, "text/plain", "bye");
    return finish.resolve();
  }
  if (url.pathname === "/failed") {
    const body = await new Promise((resolve) => {
      let text = "";
      req.on("data", (chunk) => (text += chunk));
      req.on("end", () => resolve(text));
    });
    send(res, 200, "text/plain", "noted");
    return finish.reject(new Error(`the page failed: ${body}`));
  }
  // Files: only below cases/ and node_modules/ of corpus/.
  const path = normalize(join(here, decodeURIComponent(url.pathname)));
  const allowed = [join(here, "cases") + sep, join(here, "node_modules") + sep].some((root) => path.startsWith(root));
  if (!allowed || !existsSync(path)) return send(res, 404, "text/plain", "not found");
  const type = { ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json" }[extname(path)] ?? "application/octet-stream";
  return send(res, 200, type, readFileSync(path));
}

function send(res, status, type, body) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
}
