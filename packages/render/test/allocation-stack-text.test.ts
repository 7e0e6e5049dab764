// allocationStackText: an allocation stack on one line, on hand-made frames and on a real
// snapshot taken with allocation tracking on (testkit/scenarios/allocation-sites.mjs).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildGraph, byType, type AllocationFrame } from "@heapgraph/graph";
import { readSnapshot } from "@heapgraph/snapshot";
import { currentRuntime, takeRealSnapshot, testWhen, type SnapshotRuntime } from "@heapgraph/testkit";
import { allocationStackText, RenderError } from "../src/index.ts";

const frame = (functionName: string, scriptName: string, line: number | null, column: number | null): AllocationFrame => ({ functionName, scriptName, scriptId: 7, line, column });

test("allocationStackText: name() basename:line:column, top first, ` ← `, the rest counted", () => {
  const frames = [
    frame("poll", "file:///srv/app/lib/poller.js?v=2", 8, 3),
    frame("start", "/srv/app/app.js", 2, 1),
    frame("(anonymous)", "", null, null),
    frame("main", "node:internal/main/run_main_module", 12, null),
  ];
  assert.is(allocationStackText(frames), "poll() poller.js:8:3 ← start() app.js:2:1 ← (anonymous)() ← … 1 more");
  assert.is(allocationStackText(frames, { maxFrames: Infinity }), "poll() poller.js:8:3 ← start() app.js:2:1 ← (anonymous)() ← main() run_main_module:12");
  assert.is(allocationStackText(frames, { maxFrames: 1, fullPaths: true }), "poll() file:///srv/app/lib/poller.js?v=2:8:3 ← … 3 more");
  assert.is(allocationStackText([]), "");
});

test("allocationStackText: heap strings are made printable, long names cut, the location kept", () => {
  const text = allocationStackText([frame(`evil\n${"x".repeat(200)}`, "file:///a/b\u0000.js", 1, 2)]);
  assert.not.match(text, /[\n\u0000]/);
  assert.match(text, /^evil\\nx+…\(\) b\\x00\.js:1:2$/);
  assert.is(allocationStackText([frame("", "s.js", 4, 5)]), "(anonymous)() s.js:4:5");
});

test("allocationStackText: bad options are RenderError INVALID_OPTIONS", () => {
  for (const options of [{ maxFrames: 0 }, { maxFrames: 1.5 }, { fullPath: true }]) {
    try {
      allocationStackText([], options as never);
      assert.unreachable(JSON.stringify(options));
    } catch (error) {
      assert.instance(error, RenderError);
      assert.is((error as RenderError).code, "INVALID_OPTIONS");
    }
  }
});

const runtime = currentRuntime();
testWhen(runtime !== "bun", "Bun records no allocation stacks")(`allocationStackText (${runtime}): a real allocation stack`, async () => {
  const graph = buildGraph(await readSnapshot(await takeRealSnapshot(runtime as SnapshotRuntime, "allocation-sites")));
  const needle = byType(graph, "TracedNeedle").find((n) => n.type === "object" && graph.allocationStack(n.ordinal)?.[0].functionName === "allocateNeedles")!;
  assert.match(allocationStackText(graph.allocationStack(needle.ordinal)!, { maxFrames: 2 }), /^allocateNeedles\(\) allocation-sites\.mjs:17:25 ← startWork\(\) allocation-sites\.mjs:22:19 ← … \d+ more$/);
});

test.run();
