// The naive reader: the whole file as one string, then JSON.parse. Fails once the
// file passes V8's string limit (~536 M characters) or its arrays get too long.
import { readFileSync } from "node:fs";
import { runWorker } from "./worker.mjs";

await runWorker({
  async parse(file, clock) {
    const text = await clock.time("read", () => readFileSync(file, "utf8"));
    const json = await clock.time("JSON.parse", () => JSON.parse(text));
    return { nodes: json.snapshot.node_count, edges: json.snapshot.edge_count };
  },
});
