/**
 * Test helpers shared by every heapgraph package: synthetic V8 snapshots from a
 * readable description, and the runtimes the suite runs on.
 *
 * @module
 */
export {
  syntheticSnapshot,
  V8_EDGE_TYPES,
  V8_NODE_TYPES,
  type SyntheticEdge,
  type SyntheticLocation,
  type SyntheticNode,
  type SyntheticSnapshot,
  type SyntheticSnapshotDescription,
  type V8EdgeType,
  type V8NodeType,
} from "./synthetic-snapshot.ts";
export { currentRuntime, repoRoot, runtimes, type Runtime } from "./repo.ts";
export { CHROME_DETACHED_FIXTURE, snapshotRuntimes, takeRealSnapshot, takeRealSnapshots, type SnapshotRuntime, type TakeRealSnapshotOptions } from "./real-snapshot.ts";
export {
  spawnTracked,
  withProcess,
  type ProcessExit,
  type SpawnTrackedOptions,
  type TrackedProcess,
  type WaitForLineOptions,
} from "./processes.ts";
export { CHROMIUM_FLAGS, chromiumExecutable, withChromium, type ChromiumInstance } from "./chromium.ts";
export { testWhen } from "./visible-skip.ts";
export { HOSTILE_STRINGS, hostileSnapshot } from "./hostile-snapshot.ts";
