// Objects allocated with allocation tracking on (@heapgraph/snapshot's trackAllocations), for the
// allocation-stack tests of snapshot, graph, render and heapgraph. One snapshot to argv[2].
// Line numbers matter: the tests expect `allocateNeedles` at line 17, column 25 and `startWork` at
// line 22 (where their functions start).
// - 30 TracedNeedle from allocateNeedles() <- startWork(), 5 from makeStrays(), after tracking began;
// - 4 EarlyNeedle allocated before tracking began (no allocation stack).
// On Bun, which cannot track allocations, the snapshot is taken without.
import { takeSnapshot, trackAllocations } from "@heapgraph/snapshot";
import { snapshotTo, outputPath } from "./heap-snapshot-here.mjs";

class TracedNeedle {
  constructor(i) {
    this.i = i;
  }
}
const kept = [];
function allocateNeedles(n) {
  for (let i = 0; i < n; i++) kept.push(new TracedNeedle(i));
}

class EarlyNeedle {}
function startWork() {
  allocateNeedles(30);
}
function makeStrays() {
  for (let i = 0; i < 5; i++) kept.push(new TracedNeedle(-i));
}

const early = [new EarlyNeedle(), new EarlyNeedle(), new EarlyNeedle(), new EarlyNeedle()];
globalThis.allocationSites = { kept, early };
if (globalThis.Bun) {
  startWork();
  makeStrays();
  await snapshotTo();
} else {
  const tracking = await trackAllocations();
  try {
    startWork();
    makeStrays();
    await takeSnapshot({ saveTo: outputPath() });
  } finally {
    await tracking.stop();
  }
}
