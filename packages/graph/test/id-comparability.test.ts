// Whether heap ids compare across real snapshots: in-process node:v8 snapshots and captures over
// one inspector connection do; captures over two connections to one process, and snapshots of two
// processes, do not, and every id-based query refuses them with IDS_NOT_STABLE, saying which
// snapshot is foreign and how to capture comparable ones.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { openCaptureSession, type HeapSnapshot } from "@heapgraph/snapshot";
import { chromiumExecutable, currentRuntime, repoRoot, runtimes, testWhen, withChromium, withProcess } from "@heapgraph/testkit";
import { join } from "node:path";
import { buildGraph, compare, findLeaks, growingHolders, idComparability, newObjects, type HeapGraph } from "../src/index.ts";
import { scenarioGraph, scenarioGraphs, throwsQuery } from "./queries-snapshots.ts";

const runtime = currentRuntime();
/** Bun's own snapshots renumber ids (refused as before); its test run looks at Node 24's. */
const by = runtime === "bun" ? "node24" : runtime;

test(`in-process snapshots (${by}, node:v8) compare; another process's do not, and id queries say which and why`, async () => {
  const { baseline, target, final } = await scenarioGraphs("emitter-leak", ["baseline", "target", "final"], by);
  const other = await scenarioGraph("sample", by);
  assert.equal(idComparability([baseline, target, final]), { comparable: true });
  assert.ok(findLeaks(baseline, target, final).length > 0, "the leak is still found");

  const verdict = idComparability([baseline, other]);
  if (verdict.comparable) throw new Error("two processes' snapshots taken as comparable");
  assert.equal(verdict.foreign, [1]);
  assert.ok(verdict.different > verdict.shared * 0.02, `${verdict.different} of ${verdict.shared} differ`);
  const why = /snapshot 2 of 2 do not name the same objects as in snapshot 1 of 2: of \d+ objects under ids both have, \d+ are different objects \(@\d+ is .* different inspector connections or from different processes.*heapgraph capture --port N --count 3 -o DIR/;
  throwsQuery(() => compare(baseline, other), "IDS_NOT_STABLE", why);
  throwsQuery(() => newObjects(baseline, other), "IDS_NOT_STABLE", why);
  throwsQuery(() => growingHolders(baseline, other), "IDS_NOT_STABLE", why);
  throwsQuery(() => findLeaks(baseline, target, other), "IDS_NOT_STABLE", /snapshot 3 of 3 do not name the same objects as in snapshot 1 of 3/);
  throwsQuery(() => findLeaks(other, target, final), "IDS_NOT_STABLE", /snapshot 1 of 3 do not name the same objects as in snapshot 2 of 3/);
  compare(baseline, other, { stableIds: true }); // the override still answers
});

/** Three captures of `where`: two over one connection, then one over a second connection. */
async function threeCaptures(where: Parameters<typeof openCaptureSession>[0]): Promise<HeapGraph[]> {
  const snaps: HeapSnapshot[] = [];
  const first = await openCaptureSession(where);
  try {
    snaps.push(await first.capture());
    await new Promise((r) => setTimeout(r, 300));
    snaps.push(await first.capture());
  } finally {
    first.close();
  }
  await new Promise((r) => setTimeout(r, 300));
  const second = await openCaptureSession(where);
  try {
    snaps.push(await second.capture());
  } finally {
    second.close();
  }
  return snaps.map((s) => buildGraph(s));
}

function assertOneVersusTwoConnections([a1, a2, b1]: HeapGraph[], who: string): void {
  assert.equal(idComparability([a1, a2]), { comparable: true }, `${who}: one connection`);
  const verdict = idComparability([a1, a2, b1]);
  if (verdict.comparable) throw new Error(`${who}: a second connection's snapshot taken as comparable`);
  assert.equal(verdict.foreign, [2], who);
  throwsQuery(() => findLeaks(a1, a2, b1), "IDS_NOT_STABLE", /snapshot 3 of 3 do not name the same objects as in snapshot 1 of 3/);
  newObjects(a1, a2); // one connection: answers
}

// The target allocates all the time (testkit/scenarios/allocating-target.mjs), as a service does.
const inspectable = runtime === "deno" ? "deno" : "node";
test(`captures of a ${inspectable} process: one inspector connection compares, a second one does not`, async () => {
  const exe = runtimes().find((r) => r.kind === inspectable && (inspectable === "deno" || r.name === (runtime === "node24" ? "node24" : "node20")))!.executable;
  const script = join(repoRoot, "testkit", "scenarios", "allocating-target.mjs");
  const args = inspectable === "deno" ? ["run", "-A", "--inspect=127.0.0.1:0", script] : ["--inspect=127.0.0.1:0", script];
  await withProcess(exe, args, async (child) => {
    const [, url] = await child.waitForLine(/(ws:\/\/127\.0\.0\.1:\d+\/\S+)/, { stream: "stderr", timeoutMs: 20_000 });
    await child.waitForLine(/allocating-target ready/, { stream: "stdout", timeoutMs: 20_000 });
    assertOneVersusTwoConnections(await threeCaptures(url), inspectable);
  }, { lifetimeMs: 120_000 });
});

// One browser for the whole suite's worth of this check: only under Node 20.
const page = `data:text/html,${encodeURIComponent("<title>ids</title><script>const held=[];setInterval(()=>{held.push({n:held.length,s:'x'+held.length});if(held.length>500)held.shift()},10)</script>")}`;
testWhen(chromiumExecutable() !== null && runtime === "node20", "needs Chromium; run under Node 20 only")("captures of a Chromium page: one connection compares, a second one does not", async () => {
  await withChromium(page, async ({ port }) => {
    const deadline = Date.now() + 20_000;
    let graphs: HeapGraph[] | null = null;
    while (!graphs) {
      try {
        graphs = await threeCaptures({ port, match: { title: "ids" } });
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    assertOneVersusTwoConnections(graphs, "chromium");
  });
});

test.run();
