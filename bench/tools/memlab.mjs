// memlab's full load (`getFullHeapFromFile`): parse, then the metadata its heap
// analyses need (node id index, dominators, retained sizes, path finder).
import { getFullHeapFromFile } from "@memlab/heap-analysis";
import { runWorker } from "./worker.mjs";

await runWorker({
  async full(file) {
    const heap = await getFullHeapFromFile(file);
    if (!heap) throw new Error("getFullHeapFromFile returned nothing (memlab logged the error)");
    return { nodes: heap.nodes.length, edges: heap.edges.length };
  },
});
