// heapgraph's three-snapshot leak detection: the work `heapgraph leaks BASELINE TARGET FINAL`
// does, through the built packages (`npm run build` first): read and index each snapshot
// (`readSnapshot`, `buildGraph`), then `leakReport(baseline, target, final)`.
//
//   node tools/heapgraph-leaks.mjs leaks <dir holding baseline/target/final.heapsnapshot>
import { join } from "node:path";
import { cpuTimer } from "./cpu-time.mjs";
import { exported } from "./heapgraph-exports.mjs";
import { LEAK_SNAPSHOTS } from "./leak-snapshots.mjs";
import { runWorker } from "./worker.mjs";

await runWorker({
  async leaks(dir, clock) {
    const cpuMs = cpuTimer();
    const readSnapshot = exported("snapshot", "readSnapshot");
    const buildGraph = exported("graph", "buildGraph");
    const leakReport = exported("graph", "leakReport");
    const graphs = [];
    for (const name of LEAK_SNAPSHOTS) {
      const snapshot = await clock.time("read", () => readSnapshot(join(dir, `${name}.heapsnapshot`)));
      graphs.push(await clock.time("index", () => buildGraph(snapshot)));
    }
    const report = await clock.time("leakReport", () => leakReport(...graphs));
    const { clusters, hidden } = report;
    const inClusters = clusters.reduce((n, c) => n + c.count, 0);
    return {
      nodes: graphs[2].nodeCount,
      edges: graphs[2].edgeCount,
      extra: {
        cpuMs: cpuMs(),
        // Leaked: allocated between baseline and target, alive in final, not an internal
        // (strings, numbers, V8 internals); of these, the noise filter hides some and clusters
        // of one object are hidden too. Traced: every leaked object but the noise.
        leakedObjects: inClusters + hidden.objects,
        inClusters,
        tracedObjects: inClusters + (hidden.reasons["single object"] ?? 0),
        hiddenReasons: hidden.reasons,
        clusters: clusters.length,
        topClusters: clusters.slice(0, 3).map((c) => ({ count: c.count, retainedSize: c.retainedSize, headline: c.headline })),
      },
    };
  },
});
