// `heapgraph run SCENARIO` end to end, in this process (`main`): real scenario modules, a real
// service process with its inspector open, a real page in headless Chromium served over loopback.
// Leaky versions exit 1 and name their holder first; fixed versions exit 0; bad scenarios exit 2.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { chromiumExecutable, currentRuntime, testWhen } from "@heapgraph/testkit";
import { filesIn, runMain, tempDir } from "./cli-helpers.ts";

const runtime = currentRuntime();
const SCENARIOS = fileURLToPath(new URL("./scenarios/", import.meta.url));
const scenario = (name: string) => join(SCENARIOS, name);

interface RunOut {
  kind: string;
  subject: string;
  clusterCount: number;
  clusters: { headline: string; holder: { label: string } | null; classes: { name: string; count: number }[] }[];
  files: { html?: string };
}

const serviceRuns = runtime !== "bun";
testWhen(serviceRuns, "Bun's inspector renumbers heap objects in every snapshot")(`run (${runtime}): a leaky Node/Deno service exits 1 and names the sessions array; its fix exits 0`, async () => {
  const tmp = tempDir("run-service");
  try {
    const leaky = await runMain(["run", scenario("leaky-service.mjs"), "--json", "--html", join(tmp.dir, "leaks.html"), "--json-file", join(tmp.dir, "leaks.json"), "-o", join(tmp.dir, "snaps")]);
    assert.is(leaky.code, 1, leaky.stderr);
    assert.match(leaky.stderr, /^heapgraph: run: .*leaky-service\.mjs leaks: \d+ leak clusters? \(exit code 1\)\n$/);
    const out = JSON.parse(leaky.stdout) as RunOut;
    assert.is(out.kind, "process");
    assert.match(out.clusters[0].headline, /sessions grew 1 → 21 → 41 elements/, out.clusters[0].headline);
    assert.ok(out.clusters[0].classes.some((c) => c.name === "Session" && c.count === 20), "the 20 sessions of the target step");
    assert.equal(JSON.parse(readFileSync(join(tmp.dir, "leaks.json"), "utf8")), out, "--json-file holds the --json result");
    assert.match(readFileSync(join(tmp.dir, "leaks.html"), "utf8"), /sessions/);
    assert.equal(filesIn(join(tmp.dir, "snaps")), ["baseline.heapsnapshot", "final.heapsnapshot", "target.heapsnapshot"]);

    const fixed = await runMain(["run", scenario("fixed-service.mjs")]);
    assert.is(fixed.code, 0, `${fixed.stdout}\n${fixed.stderr}`);
    assert.match(fixed.stdout, /^No leaks/);
  } finally {
    tmp.remove();
  }
});

test(`run (${runtime}): a bad scenario or a process that fails exits 2 and leaves nothing running`, async () => {
  const tmp = tempDir("run-bad");
  try {
    const missing = await runMain(["run", join(tmp.dir, "nope.mjs")]);
    assert.is(missing.code, 2);
    assert.match(missing.stderr, /^heapgraph: run: .*nope\.mjs: no such scenario file\n$/);
    const noAction = join(tmp.dir, "no-action.mjs");
    writeFileSync(noAction, 'export const url = "http://127.0.0.1:1/";\n');
    const invalid = await runMain(["run", noAction]);
    assert.is(invalid.code, 2);
    assert.match(invalid.stderr, /not a scenario: action: must be a function/);
    const dies = join(tmp.dir, "dies.mjs");
    writeFileSync(dies, `export default { start: { command: ${JSON.stringify(process.execPath)}, args: ["-e", "process.exit(3)"], timeoutMs: 5000 }, action: () => {} };\n`);
    const died = await runMain(["run", dies]);
    assert.is(died.code, 2);
    assert.match(died.stderr, /^heapgraph: run: the scenario's process .* exited with code 3/);
  } finally {
    tmp.remove();
  }
});

// The browser is the runtime here: one matrix runtime is enough.
const pageRuns = runtime === "node24" && chromiumExecutable() !== null;
testWhen(pageRuns, runtime === "node24" ? "Chromium is not installed" : "the page scenario runs under node24 only (the browser is the runtime)")(
  `run (${runtime}): a page keeping detached panels and their listeners exits 1 and names them; its fix exits 0`,
  async () => {
    const { server, base } = await servePages();
    const before = process.env.HEAPGRAPH_SCENARIO_BASE;
    process.env.HEAPGRAPH_SCENARIO_BASE = base;
    try {
      const leaky = await runMain(["run", scenario("leaky-page.mjs"), "--json"]);
      assert.is(leaky.code, 1, leaky.stderr);
      const out = JSON.parse(leaky.stdout) as RunOut;
      assert.is(out.kind, "page");
      const headlines = out.clusters.map((c) => c.headline);
      // The listeners retain the most (their closures hold the panels' rows): they lead, named as the page's code knows them.
      assert.match(headlines[0], /^Window event listeners grew 1 → 5 → 5 listeners, holding \d+ leaked objects \(4 EventListener, 4 V8EventListener/, headlines.join("\n"));
      assert.ok(headlines.some((h) => /Array globalThis\.closedPanels grew 1 → 4 → 5 elements, holding \d+ leaked objects \(\d+ Detached <p>/.test(h)), headlines.join("\n"));
      const listeners = out.clusters.find((c) => /^Window event listeners/.test(c.headline));
      assert.ok(listeners?.classes.some((c) => c.name === "EventListener" && c.count === 4), "the 4 resize listeners");

      const fixed = await runMain(["run", scenario("fixed-page.mjs")]);
      assert.is(fixed.code, 0, `${fixed.stdout}\n${fixed.stderr}`);
      assert.match(fixed.stdout, /^No leaks/);
    } finally {
      if (before === undefined) delete process.env.HEAPGRAPH_SCENARIO_BASE;
      else process.env.HEAPGRAPH_SCENARIO_BASE = before;
      server.close();
    }
  },
);

/** Serves test/scenarios/*.html on a loopback port. */
async function servePages(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? "/", "http://x").pathname.slice(1);
    if (!/^[\w-]+\.html$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(join(SCENARIOS, name));
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", connection: "close" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { server, base: `http://127.0.0.1:${port}` };
}

test.run();
