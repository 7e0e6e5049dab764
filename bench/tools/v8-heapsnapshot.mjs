// The `v8-heapsnapshot` package: a streaming JSON parse (oboe) into node and edge objects.
import v8hs from "v8-heapsnapshot";
import { runWorker } from "./worker.mjs";

await runWorker({
  async parse(file) {
    const snapshot = await v8hs.parseSnapshotFromFile(file);
    return { nodes: snapshot.nodes.length, edges: snapshot.edges.length };
  },
});
