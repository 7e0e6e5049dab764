// Chrome DevTools' heap snapshot worker code (`heap-snapshot-toolkit`): its loader
// parses the stream, then builds the snapshot the way the Memory panel does
// (retainers, distances, dominators, retained sizes, aggregates).
import { createReadStream } from "node:fs";
import { parse } from "heap-snapshot-toolkit";
import { runWorker } from "./worker.mjs";

await runWorker({
  async full(file) {
    const snapshot = await parse(createReadStream(file, "utf-8"));
    return { nodes: snapshot.nodeCount, edges: snapshot.containmentEdges?.length / snapshot.edgeFieldsCount };
  },
});
