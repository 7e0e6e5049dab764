// The pieces under capture: the chunk queue between inspector events and the reader,
// and the atomic file behind `saveTo`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ChunkQueue } from "../src/acquire/inspector/chunk-queue.ts";
import { AtomicFile } from "../src/write/atomic-file.ts";
import { filesIn, rejection, tempDir } from "./acquisition-helpers.ts";

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

test("ChunkQueue hands chunks over in order, asks for a pause above the high-water mark and a resume below half", async () => {
  const calls: string[] = [];
  const queue = new ChunkQueue({ highWaterBytes: 100, onHigh: () => calls.push("high"), onLow: () => calls.push("low") });
  queue.push(bytes(60, 1));
  queue.push(bytes(60, 2));
  queue.push(bytes(60, 3));
  assert.equal(calls, ["high"]);
  assert.is(queue.bufferedBytes, 180);
  const seen: number[] = [];
  const reading = (async () => {
    for await (const chunk of queue) seen.push(chunk[0]);
  })();
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(calls, ["high", "low"]);
  queue.push(bytes(1, 4));
  queue.end();
  await reading;
  assert.equal(seen, [1, 2, 3, 4]);
});

test("ChunkQueue: a failure reaches the reader, also while it waits", async () => {
  const queue = new ChunkQueue();
  const problem = new Error("target went away");
  const reading = (async () => {
    for await (const _ of queue) {
      // nothing arrives
    }
  })();
  await new Promise((r) => setTimeout(r, 10));
  queue.fail(problem);
  assert.is(await rejection(reading), problem);
});

test("ChunkQueue: a reader that stops early cancels, drops what is buffered and lifts a pause", async () => {
  const calls: string[] = [];
  const queue = new ChunkQueue({ highWaterBytes: 10, onHigh: () => calls.push("high"), onLow: () => calls.push("low") });
  queue.push(bytes(8));
  queue.push(bytes(8));
  for await (const _ of queue) break;
  assert.equal(calls, ["high", "low"]);
  assert.is(queue.bufferedBytes, 0);
  queue.push(bytes(8)); // ignored after cancel
  assert.is(queue.bufferedBytes, 0);
});

test("AtomicFile: nothing at the path until commit; abort leaves no trace; an existing file survives an abort", async () => {
  const tmp = tempDir("atomic");
  try {
    const path = join(tmp.dir, "out.heapsnapshot");
    const file = await AtomicFile.create(path);
    await file.write(new TextEncoder().encode("{\"a\":"));
    assert.not.ok(existsSync(path));
    await file.write(new TextEncoder().encode("1}"));
    await file.commit();
    assert.is(readFileSync(path, "utf8"), "{\"a\":1}");
    assert.equal(filesIn(tmp.dir), ["out.heapsnapshot"]);

    const again = await AtomicFile.create(path);
    await again.write(bytes(1000));
    await again.abort();
    assert.is(readFileSync(path, "utf8"), "{\"a\":1}", "the earlier file is untouched");
    assert.equal(filesIn(tmp.dir), ["out.heapsnapshot"]);
  } finally {
    tmp.remove();
  }
});

test("AtomicFile replaces an existing file only on commit", async () => {
  const tmp = tempDir("atomic-replace");
  try {
    const path = join(tmp.dir, "snap.heapsnapshot");
    writeFileSync(path, "old");
    const file = await AtomicFile.create(path);
    await file.write(new TextEncoder().encode("new"));
    assert.is(readFileSync(path, "utf8"), "old");
    await file.commit();
    assert.is(readFileSync(path, "utf8"), "new");
  } finally {
    tmp.remove();
  }
});

test.run();
