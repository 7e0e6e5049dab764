import { testWhen } from "@heapgraph/testkit";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { collapseRepeats, growingHolders, leakReport, type ChainStep, type HeapGraph } from "../src/index.ts";
import { runtime, scenarioGraphs } from "./queries-snapshots.ts";

const REQUESTS = 20; // emitter-leak.mjs handles 20 requests
const ROUNDS = 2000; // promise-chain-leak.mjs runs 2,000 rounds between baseline and target
const stableIds = runtime() !== "bun";
const BUN = "Bun's snapshots have no stable ids: leak queries refuse them";

function snapshots(scenario: string): Promise<Record<"baseline" | "target" | "final", HeapGraph>> {
  return scenarioGraphs(scenario, ["baseline", "target", "final"]);
}

testWhen(stableIds, BUN)(`leakReport (${runtime()}): the headline names the listener array that grew, and what it holds`, async () => {
  const { baseline, target, final } = await snapshots("emitter-leak");
  const { clusters, hidden } = leakReport(baseline, target, final);
  const [top] = clusters;
  assert.ok(top.holder, "the top cluster has a growing holder");
  assert.is(top.holder.className, "Array");
  assert.is(top.holder.edge, "tick", "held as the emitter's `tick` listeners");
  assert.equal(top.holder.entries, [null, REQUESTS, REQUESTS], "created after the baseline, 20 listeners in target and final");
  assert.is(top.holder.unit, "elements");
  assert.ok(top.holder.path.some((s) => s.className === "EventEmitter"), "its path passes the emitter");
  assert.match(top.headline, /^Array EventEmitter\._events\.tick grew none → 20 → 20 elements, holding \d+ leaked objects \(20 Function.*20 LeakRequest/);
  // Clusters of one object are hidden by default, and said so; { all: true } shows them.
  const everything = leakReport(baseline, target, final, { all: true });
  assert.ok(everything.clusters.length >= clusters.length + hidden.clusters);
  assert.is(everything.hidden.clusters, 0);
  for (const c of clusters) assert.ok(c.count >= 2, "no single-object cluster by default");
});

testWhen(stableIds, BUN)(`leakReport (${runtime()}): a recursive promise chain is one cluster, its trace folded, in linear memory`, async () => {
  const { baseline, target, final } = await snapshots("promise-chain-leak");
  const [top] = leakReport(baseline, target, final).clusters;
  assert.is(top.classes[0].name, "Promise");
  assert.ok(top.classes[0].count >= ROUNDS, `all ${ROUNDS} promises of the chain leak together (got ${top.classes[0].count})`);
  const folded = top.trace.find((s) => (s.repeat?.times ?? 0) >= 100);
  assert.ok(folded, "the chain's repeated steps are folded into one block");
  assert.ok(top.trace.length < 40, `the trace is short once folded (${top.trace.length} steps)`);
  assert.match(top.headline, /leaked Promise in a chain \(Promise\.\S+ → … ×[\d,]+\)/);
});

testWhen(stableIds, BUN)(`growingHolders (${runtime()}): the two-snapshot companion names the same listener array`, async () => {
  const { baseline, final } = await snapshots("emitter-leak");
  const [top] = growingHolders(baseline, final);
  assert.is(top.className, "Array");
  assert.is(top.edge, "tick");
  assert.equal(top.entries, [null, REQUESTS]);
  assert.ok(top.holds >= 2 * REQUESTS, "the listeners and the requests they hold");
});

// Deno keeps an object's allocation stack only until V8 moves the object, at random across runs;
// heapgraph turns heap compaction off while tracking on Node only (see trackAllocations).
const NODE = runtime() === "node20" || runtime() === "node24";
testWhen(NODE, "allocation stacks survive compaction on Node only (Bun cannot track; Deno loses some at random)")(`leakReport (${runtime()}): with allocation traces, the headline ends with where the leaked objects were allocated`, async () => {
  const { baseline, target, final } = await snapshots("tracked-leak");
  const [top] = leakReport(baseline, target, final).clusters;
  assert.is(top.holder?.label, "globalThis.trackedLeak.entries");
  assert.ok(top.allocatedAt, "the snapshots carry allocation traces");
  assert.is(top.allocatedAt.count, 30, "the 30 entries made between baseline and target");
  assert.equal(top.allocatedAt.frames.slice(0, 2).map((f) => [f.functionName, f.line]), [["makeEntry", 17], ["handleRequest", 20]]);
  assert.match(top.headline, /; 30 allocated at makeEntry\(\) tracked-leak\.mjs:17:\d+ ← handleRequest\(\) tracked-leak\.mjs:20:\d+/);
  // Without traces (the other scenarios): no allocation part.
  const untracked = await snapshots("emitter-leak");
  const [plain] = leakReport(untracked.baseline, untracked.target, untracked.final).clusters;
  assert.is(plain.allocatedAt, null);
  assert.not.match(plain.headline, /allocated at/);
});

const step = (className: string, edge: string | null, id: number): ChainStep => ({
  ordinal: id,
  id,
  type: "object",
  name: className,
  className,
  preview: className,
  selfSize: 8,
  retainedSize: 8,
  edge: edge === null ? null : { index: id, type: /^\d+$/.test(edge) ? "element" : "property", name: edge },
});

test("collapseRepeats: a linked list and a two-step cycle fold into one block, keeping the path's real end", () => {
  const list = [step("(root)", null, 1), step("TimersList", "100", 2), ...Array.from({ length: 170 }, (_, i) => step("Timeout", "_idlePrev", 10 + i))];
  const folded = collapseRepeats(list);
  assert.is(folded.length, 3);
  assert.equal(folded[2].repeat, { times: 170, period: 1 });
  assert.is(folded[2].id, 179, "the last Timeout, the object the path ends at");
  const cycle = [step("(root)", null, 1)];
  for (let i = 0; i < 50; i++) cycle.push(step("PromiseReaction", "reactions", 100 + 2 * i), step("Promise", "promise", 101 + 2 * i));
  const short = collapseRepeats(cycle);
  assert.is(short.length, 3);
  assert.equal(short[1].repeat, { times: 50, period: 2 });
  assert.is(short.at(-1)!.id, 199);
  // Two repetitions are not a run: left as they are.
  const two = [step("(root)", null, 1), step("A", "x", 2), step("A", "x", 3)];
  assert.equal(collapseRepeats(two).map((s) => s.id), [1, 2, 3]);
});

test.run();
