// capture --allocations: V8's allocation tracking from the start of the session, so that the
// snapshot says where new objects were allocated (a real Node target over its inspector).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { buildGraph, byType } from "@heapgraph/graph";
import { readSnapshot } from "@heapgraph/snapshot";
import { currentRuntime, repoRoot, runtimes, withProcess } from "@heapgraph/testkit";
import { mainJson, runMain, tempDir } from "./cli-helpers.ts";

const runtime = currentRuntime();
const TARGET = join(repoRoot, "testkit", "scenarios", "allocating-target.mjs");
// The newest Node (24 here), whose V8 loses the stacks of objects a compaction moves unless capture turns compaction off.
const node = runtimes().filter((r) => r.kind === "node").at(-1)!;

test(`capture --allocations --wait (${runtime}) from ${node.name}: the objects allocated meanwhile carry their allocation stacks`, async () => {
  const tmp = tempDir("capture-allocations");
  try {
    await withProcess(node.executable, ["--inspect=127.0.0.1:0", TARGET], async (target) => {
      const [, url] = await target.waitForLine(/Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/\S+)/, { stream: "stderr", timeoutMs: 20_000 });
      await target.waitForLine(/allocating-target ready/, { stream: "stdout", timeoutMs: 20_000 });
      const file = join(tmp.dir, "traced.heapsnapshot");
      const result = await mainJson<{ allocations: boolean; nodeCount: number }>(["capture", "--url", url, "--allocations", "--wait", "1", "-o", file]);
      assert.is(result.allocations, true);
      const graph = buildGraph(await readSnapshot(file));
      assert.ok(graph.hasAllocationTraces());
      const traced = byType(graph, "TrackedNeedle").filter((n) => n.type === "object" && graph.allocationStack(n.ordinal) !== null);
      assert.ok(traced.length >= 20, `needles allocated in the second of tracking: ${traced.length}`);
      const top = graph.allocationStack(traced[0].ordinal)![0];
      assert.equal([top.functionName, top.line, top.column], ["allocateTrackedNeedle", 12, 31]);
      assert.match(top.scriptName, /allocating-target\.mjs$/);

      const plain = await runMain(["capture", "--url", url, "-o", join(tmp.dir, "plain.heapsnapshot")]);
      assert.is(plain.code, 0, plain.stderr);
      assert.not.match(plain.stdout, /with allocation stacks/, "no tracking without the flag");
      assert.is((await readSnapshot(join(tmp.dir, "plain.heapsnapshot"))).traces, null, "tracking ended with the first session");
    }, { lifetimeMs: 120_000 });
  } finally {
    tmp.remove();
  }
});

test(`capture --help (${runtime}) documents --allocations and --wait`, async () => {
  const help = await runMain(["capture", "--help"]);
  assert.is(help.code, 0);
  assert.match(help.stdout, /--allocations\s+track allocations from the start of the session/);
  assert.match(help.stdout, /--wait S\s+seconds to wait between connecting and capturing/);
  const bad = await runMain(["capture", "--url", "ws://127.0.0.1:1/x", "--wait", "0", "-o", "x.heapsnapshot"]);
  assert.is(bad.code, 2, "--wait 0 is a usage error");
  assert.match(bad.stderr, /--wait/);
});

test.run();
