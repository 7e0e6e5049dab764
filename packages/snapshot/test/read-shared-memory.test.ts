// readSnapshot's sharedMemory option (for the engine's workers): the V8 columns and the edge
// starts land on SharedArrayBuffer, from a file (allocated whole) and from a stream of small
// chunks (columns grown in steps), with the same values as an ordinary read; without the option
// nothing is shared.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { readSnapshot, type HeapSnapshot } from "../src/index.ts";
import { assertOptionsError, rejectionOf, sampleSnapshot, testWithSamples } from "./reader-helpers.ts";

const COLUMNS = ["nodeType", "nodeName", "nodeId", "nodeSelfSize", "firstEdge", "edgeType", "edgeNameOrIndex", "edgeTarget"] as const;

function assertShared(label: string, snapshot: HeapSnapshot, plain: HeapSnapshot): void {
  for (const name of COLUMNS) {
    assert.ok(snapshot[name].buffer instanceof SharedArrayBuffer, `${label}: ${name} is on a SharedArrayBuffer`);
    assert.ok(!(plain[name].buffer instanceof SharedArrayBuffer), `${label}: ${name} of an ordinary read is not`);
    assert.is(snapshot[name].length, plain[name].length, `${label}: ${name} length`);
    assert.equal(Array.from(snapshot[name]), Array.from(plain[name]), `${label}: ${name} values`);
  }
}

testWithSamples("node24")("sharedMemory: columns on SharedArrayBuffer, from a file and from a stream", async () => {
  const file = await sampleSnapshot("node24");
  const plain = await readSnapshot(file);
  assertShared("file", await readSnapshot(file, { sharedMemory: true }), plain);
  const bytes = new Uint8Array(readFileSync(file));
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
  }
  assertShared("stream", await readSnapshot(chunks(), { sharedMemory: true }), plain);
  const bad = await rejectionOf(readSnapshot(file, { sharedMemory: "yes" as unknown as boolean }), "sharedMemory: a string");
  assertOptionsError(bad, "sharedMemory", "sharedMemory");
});

test.run();
