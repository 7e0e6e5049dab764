// memlab's three snapshots with allocation tracking on (@heapgraph/snapshot's trackAllocations):
// a registry array that gains a `TrackedEntry` per request, each made by makeEntry() called from
// handleRequest(). Snapshots (argv[2] is a directory): baseline, target (after 30 requests), final
// (after 10 more). Line numbers matter: the test expects makeEntry at line 17 and handleRequest at
// line 20 (where their functions start). Not for Bun, which cannot track allocations.
import { takeSnapshot, trackAllocations } from "@heapgraph/snapshot";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { outputPath } from "./heap-snapshot-here.mjs";

class TrackedEntry {
  constructor(i) {
    this.i = i;
  }
}
const registry = { entries: [new TrackedEntry(-1)] };
function makeEntry(i) {
  return new TrackedEntry(i);
}
function handleRequest(i) {
  registry.entries.push(makeEntry(i));
}
globalThis.trackedLeak = registry;

const dir = outputPath();
mkdirSync(dir, { recursive: true });
const tracking = await trackAllocations();
const snapshot = async (label) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await takeSnapshot({ saveTo: join(dir, `${label}.heapsnapshot`) });
};
try {
  // The first snapshot makes the snapshot machinery's own objects: taken and dropped.
  await snapshot("warm-up");
  rmSync(join(dir, "warm-up.heapsnapshot"));
  await snapshot("baseline");
  for (let i = 0; i < 30; i++) handleRequest(i);
  await snapshot("target");
  for (let i = 30; i < 40; i++) handleRequest(i);
  await snapshot("final");
} finally {
  await tracking.stop();
}
process.exit(0);
