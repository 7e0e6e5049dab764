// Allocation tracking: in this process (trackAllocations) on Node and Deno, refused on Bun; over
// the inspector of a Node target (a capture session's startTrackingAllocations /
// trackAllocations), refused by WebKit's protocol (Bun's inspector).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { currentRuntime, repoRoot, runtimes, spawnTracked, takeRealSnapshot, testWhen, type SnapshotRuntime } from "@heapgraph/testkit";
import {
  CaptureError,
  HeapgraphError,
  NotSupportedError,
  openCaptureSession,
  readSnapshot,
  trackAllocations,
  type HeapSnapshot,
} from "../src/index.ts";
import { webkitHeapProtocol } from "../src/acquire/inspector/webkit-heap-protocol.ts";
import type { CdpConnection } from "../src/acquire/inspector/cdp-connection.ts";
import { assertOptionsError, nodesNamed, rejection } from "./acquisition-helpers.ts";

const runtime = currentRuntime();
const v8InProcess = runtime !== "bun";
const ALLOCATING_TARGET = join(repoRoot, "testkit", "scenarios", "allocating-target.mjs");

/** The names of the functions on the allocation stacks of `ordinals`, from the raw trace sections. */
function stackFunctionNames(snap: HeapSnapshot, ordinals: number[]): Set<string> {
  const { meta } = snap.header;
  const traces = snap.traces!, traceIds = snap.nodeTraceId!;
  const nodeWidth = meta.trace_node_fields!.length, infoWidth = meta.trace_function_info_fields!.length;
  const nameField = meta.trace_function_info_fields!.indexOf("name");
  // The function info of every trace node id (the tree's numbers, nesting markers skipped).
  const infoOfId = new Map<number, number>();
  let field = 0, id = 0;
  for (const token of traces.tree) {
    if (token < 0) continue;
    if (field === 0) id = token;
    if (field === 1) infoOfId.set(id, token);
    field = (field + 1) % (nodeWidth - 1);
  }
  const names = new Set<string>();
  for (const o of ordinals) {
    const info = infoOfId.get(traceIds[o]);
    if (info !== undefined) names.add(snap.strings[traces.functionInfos[info * infoWidth + nameField]]);
  }
  return names;
}

testWhen(v8InProcess, "Bun has no V8 allocation tracking (the Bun test checks the refusal)")(
  `trackAllocations (${runtime}): objects allocated while tracking carry trace ids naming the allocating function`,
  async () => {
    // testkit/scenarios/allocation-sites.mjs: trackAllocations(), allocate, takeSnapshot({ saveTo }), stop().
    const snap = await readSnapshot(await takeRealSnapshot(runtime as SnapshotRuntime, "allocation-sites"));
    assert.ok(snap.traces, "the snapshot has trace sections");
    assert.ok(snap.nodeTraceId, "nodes carry trace ids");
    const traced = nodesNamed(snap, "TracedNeedle", "object");
    assert.is(traced.length, 35);
    assert.ok(traced.every((o) => snap.nodeTraceId![o] !== 0), "every object allocated while tracking has a trace, after the snapshot's garbage collection");
    const early = nodesNamed(snap, "EarlyNeedle", "object");
    assert.is(early.length, 4);
    assert.ok(early.every((o) => snap.nodeTraceId![o] === 0), "objects allocated before tracking have none");
    const names = stackFunctionNames(snap, traced);
    assert.ok(names.has("allocateNeedles") && names.has("makeStrays"), [...names].join(", "));
  },
);

testWhen(runtime === "bun", "the refusal is Bun's")(`trackAllocations (${runtime}): NotSupportedError on Bun`, async () => {
  const error = await rejection(trackAllocations());
  assert.instance(error, NotSupportedError);
  assert.instance(error, HeapgraphError);
  assert.is((error as NotSupportedError).code, "NOT_SUPPORTED");
  assert.is((error as NotSupportedError).runtime, "bun");
  assert.match(error.message, /trackAllocations is not supported on bun: JavaScriptCore records no allocation stacks/);
});

test(`trackAllocations (${runtime}): bad options are INVALID_OPTIONS before anything starts`, async () => {
  assertOptionsError(await rejection(trackAllocations({ timeoutMs: -1 })), "negative timeout", /trackAllocations options/, /timeoutMs/);
  assertOptionsError(await rejection(trackAllocations({ timeout: 5 } as never)), "unknown key", /timeout/);
});

// The newest Node (24 here): its V8 loses the stacks of objects a compaction moves unless the session turns compaction off.
const newestNode = runtimes().filter((r) => r.kind === "node").at(-1)!;

test(`capture session (${runtime}) with trackAllocations: a ${newestNode.name} target's new objects carry their allocation stacks; stop keeps the session`, async () => {
  const child = spawnTracked(newestNode.executable, ["--inspect=127.0.0.1:0", ALLOCATING_TARGET]);
  try {
    const [, url] = await child.waitForLine(/(ws:\/\/127\.0\.0\.1:\d+\/\S+)/, { stream: "stderr", timeoutMs: 20_000 });
    await child.waitForLine(/allocating-target ready/, { stream: "stdout", timeoutMs: 20_000 });
    const session = await openCaptureSession(url, { trackAllocations: true });
    try {
      assert.ok(session.tracksAllocations);
      await session.startTrackingAllocations(); // idempotent
      await new Promise((resolve) => setTimeout(resolve, 300));
      const snap = await session.capture();
      assert.ok(snap.traces && snap.nodeTraceId, "allocation traces");
      const needles = nodesNamed(snap, "TrackedNeedle", "object");
      const traced = needles.filter((o) => snap.nodeTraceId![o] !== 0);
      assert.ok(traced.length >= 5, `needles allocated while tracking: ${traced.length} of ${needles.length}`);
      assert.ok(stackFunctionNames(snap, traced).has("allocateTrackedNeedle"));
      await session.stopTrackingAllocations();
      assert.not.ok(session.tracksAllocations);
      const untraced = await session.capture({ gc: false });
      assert.is(untraced.traces, null, "no traces once tracking stopped");
    } finally {
      session.close();
    }
  } finally {
    await child.kill();
  }
});

test(`capture session (${runtime}): WebKit's protocol (Bun's inspector) refuses allocation tracking with CaptureError NOT_SUPPORTED`, async () => {
  const heap = webkitHeapProtocol({ endpoint: "ws://127.0.0.1:6499/bun" } as CdpConnection);
  for (const call of [heap.startTrackingAllocations(1_000), heap.stopTrackingAllocations(1_000)]) {
    const error = await rejection(call);
    assert.instance(error, CaptureError);
    assert.is((error as CaptureError).code, "NOT_SUPPORTED");
    assert.match(error.message, /^NOT_SUPPORTED: allocation tracking needs V8's HeapProfiler; WebKit's inspector \(Bun\)/);
    assert.match(error.message, /ws:\/\/127\.0\.0\.1:6499\/bun/);
  }
});

test.run();
