// memlab's three-snapshot leak detection, as `memlab find-leaks --baseline B --target T
// --final F --trace-all-objects` runs it (@memlab/cli's options set exactly these config
// fields, then call `analysis.checkLeak()`; @memlab/api's findLeaksBySnapshotFilePaths does
// the same). `--trace-all-objects` is what memlab's docs prescribe outside the browser:
// without it memlab reports only detached DOM elements and unmounted React fibers, so on a
// Node process it finds nothing by design.
//
//   node tools/memlab-leaks.mjs leaks <dir holding baseline/target/final.heapsnapshot>
//
// The counts are observed, not recomputed: the leaked-object set memlab keeps after its leak
// filter, the traces it keeps (it drops paths longer than 100 steps and samples at most
// `maxSamplesForClustering`), and the clusters it reports.
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import memlabCore from "@memlab/core";
import { cpuTimer } from "./cpu-time.mjs";
import { LEAK_SNAPSHOTS } from "./leak-snapshots.mjs";
import { runWorker } from "./worker.mjs";

const { analysis, config, fileManager, utils } = memlabCore; // CommonJS: no named exports

const workDir = join(dirname(fileURLToPath(import.meta.url)), "..", ".work", "memlab-leaks");

/** memlab's limit: a leaked object whose retainer trace is longer is not reported (HeapAnalyzer.filterLeakPaths). */
const MAX_TRACE_LENGTH = 100;

await runWorker({
  async leaks(dir, clock) {
    const cpuMs = cpuTimer();
    // memlab writes its traces and logs here; a fixed place, so that a run killed at the time
    // limit leaves nothing behind once the next one starts.
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    try {
      config.useExternalSnapshot = true;
      config.externalSnapshotFilePaths = LEAK_SNAPSHOTS.map((name) => join(dir, `${name}.heapsnapshot`));
      config.oversizeObjectAsLeak = true; // --trace-all-objects
      config.oversizeThreshold = 0;
      config.muteConsole = true;
      fileManager.initDirs(config, { workDir });
      config.chaseWeakMapEdge = false; // as find-leaks does
      const seen = observe();
      const leaks = await clock.time("checkLeak", () => analysis.checkLeak());
      const clusters = seen.clusters ?? [];
      return {
        extra: {
          cpuMs: cpuMs(),
          leakedObjects: seen.leakedObjects,
          tracedObjects: seen.traces,
          droppedTooLong: seen.tooLong,
          clusters: leaks.length,
          topClusters: clusters.slice(0, 3).map((c) => ({ count: c.count ?? null, retainedSize: c.retainedSize ?? null, leaked: leakedName(c.path) })),
        },
      };
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  },
});

/** "Promise (object)": the leaked object at the end of a cluster's representative trace. */
function leakedName(path) {
  let last = path;
  while (last?.next) last = last.next;
  return last?.node ? [last.node.name, `(${last.node.type})`].filter(Boolean).join(" ") : null;
}

/** Wraps three of memlab's functions (on its singletons) to read what its steps kept. */
function observe() {
  const seen = { leakedObjects: null, traces: null, tooLong: 0, clusters: null };
  let filtering = false;
  // filterLeakPaths drops a trace when this is above 100 (memlab's limit on trace length).
  const getLeakTracePathLength = utils.getLeakTracePathLength;
  utils.getLeakTracePathLength = (path) => {
    const length = getLeakTracePathLength(path);
    if (filtering && length > MAX_TRACE_LENGTH) seen.tooLong++;
    return length;
  };
  const filterLeakPaths = analysis.filterLeakPaths;
  analysis.filterLeakPaths = function (leakedNodeIds, snapshot, options) {
    filtering = true;
    const paths = filterLeakPaths.call(this, leakedNodeIds, snapshot, options);
    filtering = false;
    seen.leakedObjects = leakedNodeIds.size; // filtered in place by the leak filter
    seen.traces = paths.length;
    return paths;
  };
  const serializeClusterUpdate = analysis.serializeClusterUpdate;
  analysis.serializeClusterUpdate = function (clusters, options) {
    seen.clusters = clusters;
    return serializeClusterUpdate.call(this, clusters, options);
  };
  return seen;
}
