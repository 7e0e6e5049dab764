// @vscode/v8-heap-parser: VS Code's heap snapshot parser, Rust compiled to WebAssembly. The task
// is what VS Code's heap viewer shows first: parse the file (`decode_bytes`, which also computes
// dominators and retained sizes), then every class group sorted by retained size.
import { readFileSync } from "node:fs";
import { decode_bytes } from "@vscode/v8-heap-parser";
import { runWorker } from "./worker.mjs";

await runWorker({
  async full(file, clock) {
    const bytes = await clock.time("read", () => readFileSync(file));
    const graph = await clock.time("parse", () => decode_bytes(bytes));
    const groups = await clock.time("class groups", () => graph.get_class_groups(0, 0xffffffff, false));
    const top = groups[0]?.name();
    const count = groups.length;
    for (const group of groups) group.free();
    graph.free();
    return { extra: { classGroups: count, largest: top } };
  },
});
