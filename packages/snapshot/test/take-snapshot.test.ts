import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { currentRuntime } from "@heapgraph/testkit";
import { detectRuntime, takeSnapshot } from "../src/index.ts";
import { assertOptionsError, filesIn, nodesNamed, readSavedSnapshot, rejection, tempDir } from "./acquisition-helpers.ts";

class TakeSnapshotProbe {
  label: string;
  constructor(i: number) {
    this.label = `take-probe-${i}`;
  }
}

class TakeSnapshotGarbage {
  i: number;
  constructor(i: number) {
    this.i = i;
  }
}

test("detectRuntime says which runtime runs the test", () => {
  const expected = currentRuntime().startsWith("node") ? "node" : currentRuntime();
  assert.is(detectRuntime(), expected);
});

test("takeSnapshot finds the instances of a class the test defined, and none of its garbage", async () => {
  const kept = [new TakeSnapshotProbe(0), new TakeSnapshotProbe(1), new TakeSnapshotProbe(2)];
  (globalThis as Record<string, unknown>).takeSnapshotKept = kept;
  for (let i = 0; i < 100; i++) new TakeSnapshotGarbage(i);
  try {
    const snap = await takeSnapshot();
    assert.ok(snap.nodeCount > 1000, `a real heap has more than ${snap.nodeCount} nodes`);
    assert.is(nodesNamed(snap, "TakeSnapshotProbe", "object").length, 3);
    assert.is(nodesNamed(snap, "TakeSnapshotGarbage", "object").length, 0);
    assert.ok(snap.strings.includes("take-probe-2"), "the probes' strings are in the snapshot");
  } finally {
    delete (globalThis as Record<string, unknown>).takeSnapshotKept;
  }
});

test("saveTo writes the same snapshot to a file that appears complete, and nothing else", async () => {
  const tmp = tempDir("take");
  try {
    const path = join(tmp.dir, "self.heapsnapshot");
    const snap = await takeSnapshot({ saveTo: path, gc: false });
    assert.equal(filesIn(tmp.dir), ["self.heapsnapshot"]);
    const saved = await readSavedSnapshot(path);
    assert.is(saved.nodeCount, snap.nodeCount);
    assert.is(saved.edgeCount, snap.edgeCount);
  } finally {
    tmp.remove();
  }
});

test("saveTo into a missing directory fails before snapshotting and leaves nothing", async () => {
  const tmp = tempDir("take-missing");
  try {
    const path = join(tmp.dir, "no", "such", "dir.heapsnapshot");
    const error = await rejection(takeSnapshot({ saveTo: path }));
    assert.match(error.message, /ENOENT|No such file|not found/i);
    assert.not.ok(existsSync(path));
    assert.equal(filesIn(tmp.dir), []);
  } finally {
    tmp.remove();
  }
});

test("bad options are refused with a SnapshotOptionsError naming the option and the value", async () => {
  assertOptionsError(await rejection(takeSnapshot({ gc: "yes" } as never)), "gc", /takeSnapshot options/, /gc/, /got "yes"/);
  assertOptionsError(await rejection(takeSnapshot({ timeoutMs: 1.5 } as never)), "timeoutMs", /timeoutMs/, /got 1\.5/);
  assertOptionsError(await rejection(takeSnapshot({ saveTo: "" })), "saveTo", /saveTo/, /got ""/);
  assertOptionsError(await rejection(takeSnapshot({ gcFirst: true } as never)), "an unknown option", /gcFirst/);
});

test.run();
