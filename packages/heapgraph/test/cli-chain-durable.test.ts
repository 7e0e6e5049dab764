// `heapgraph chain` on the chains-durable scenario (packages/graph/test/scenarios): --type picks
// the instance held the way most are and says so with counts, closures are found by function
// name, steps read as labels (timers, listeners, modules), and the stack is named when it holds
// the object too. Run in this process through main(argv, io).
import { join } from "node:path";
import { repoRoot, takeRealSnapshot } from "@heapgraph/testkit";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { forgetGraphs, mainJson, nodeSnapshotRuntime, runMain } from "./cli-helpers.ts";

test.after(forgetGraphs);

const SCENARIO = join(repoRoot, "packages", "graph", "test", "scenarios", "chains-durable.mjs");
const file = () => takeRealSnapshot(nodeSnapshotRuntime(), SCENARIO);

interface ChainOut {
  target: { id: number; className: string; candidates: number; held?: number; groups?: { count: number; id: number; path: string | null }[] };
  chain: { id: number; className: string; label?: string; edge: { type: string; name: string } | null }[];
  alsoHeldBy?: string[];
}

test("chain --type: the representative of the path most instances share, with counts", async () => {
  const out = await mainJson<ChainOut>(["chain", await file(), "--type", "RequestContext"]);
  assert.is(out.target.candidates, 40);
  assert.is(out.target.held, 37);
  assert.equal(out.target.groups!.map((g) => g.count), [37, 3]);
  assert.match(out.target.groups![0].path!, /-\.contexts-> Array -\[\]-> RequestContext$/);
  assert.ok(out.chain.some((s) => s.edge?.name === "contexts"), "the chain goes through the 37's array");
  const text = await runMain(["chain", await file(), "--type", "RequestContext"]);
  assert.is(text.code, 0);
  assert.match(text.stdout, /\n37 of 40 RequestContext are held through global -\.contexts-> Array -\[\]-> RequestContext; this one retains the most of them\. Pick another with --id\.\n {2}3 through global -\.config-> Object -\.defaults-> Array -\[\]-> RequestContext \(e\.g\. @\d+\)\n/);
});

test("chain --type FUNCTION: closures by name, labelled by function, event and place", async () => {
  const out = await mainJson<ChainOut>(["chain", await file(), "--type", "onClose"]);
  assert.is(out.target.candidates, 1);
  assert.match(out.chain.at(-1)!.label!, /^listener "close": onClose\(\) at chains-durable\.mjs:\d+:\d+$/);
  const text = await runMain(["chain", await file(), "--type", "PollData"]);
  assert.match(text.stdout, /-\.timer-> Timeout\(setInterval 1000 ms → poll\(\) at chains-durable\.mjs:\d+:\d+\) @\d+/);
  assert.match(text.stdout, /-\._onTimeout-> poll\(\) at chains-durable\.mjs:\d+:\d+ @\d+/);
});

test("chain: a module's registry reads Module(file), and the stack is named when it holds the object too", async () => {
  const text = await runMain(["chain", await file(), "--type", "CjsHeld"]);
  assert.match(text.stdout, /-\["[^"]*cjs-holder\.cjs"\]-> Module\(cjs-holder\.cjs\) @\d+ .*\n {2}-\.exports-> Object @\d+.*\n {2}-\.registry-> Array/);
  assert.not.match(text.stdout, /queueMicrotask|node:internal/, `the chain goes through Node's internals:\n${text.stdout}`);
  const session = await mainJson<ChainOut>(["chain", await file(), "--type", "Session"]);
  assert.equal(session.alsoHeldBy, ["stack"]);
  assert.ok(session.chain.some((s) => s.edge?.name === "sessions"));
  const sessionText = await runMain(["chain", await file(), "--type", "Session"]);
  assert.match(sessionText.stdout, /\n {2}\(also held by the running code's stack at snapshot time\)\n/);
});

test.run();
