/**
 * `heapgraph convert IN OUT`: any snapshot heapgraph reads (V8 or JavaScriptCore, gzip or
 * not) to V8's format, gzip when OUT ends in `.gz`.
 *
 * @module
 */
import { SnapshotIoError, writeSnapshot } from "@heapgraph/snapshot";
import { countNoun, formatSize } from "@heapgraph/render";
import { stat } from "node:fs/promises";
import { usage } from "../args.ts";
import { defineCommand } from "../command.ts";
import { loadSnapshot } from "../load-graph.ts";
import { cannotWrite, checkOutputDirectory, printResult } from "../output.ts";
import { expectedFileName, hasOutputExtension } from "../output-extensions.ts";

/**
 * `convert IN OUT`. JSON: `{ input, output, inputFormat, nodeCount, edgeCount, bytes, gzip }`.
 *
 * @example
 * ```ts
 * await main(["convert", "bun.json", "bun.heapsnapshot.gz"]);
 * ```
 */
export const convertCommand = defineCommand({
  name: "convert",
  summary: "convert a snapshot to V8's .heapsnapshot format (from Bun's JavaScriptCore JSON, gzip in or out)",
  positionals: ["IN", "OUT"],
  options: {},
  indexCache: false,
  details: `
IN may be V8 or JavaScriptCore format (Bun's default Bun.generateHeapSnapshot()), plain or
gzip. OUT is V8 format, which Chrome DevTools opens (Memory panel, Load profile): a name
ending in .heapsnapshot, or .heapsnapshot.gz for gzip. OUT appears only when complete.`,
  examples: ["heapgraph convert bun-heap.json bun.heapsnapshot", "heapgraph convert app.heapsnapshot app.heapsnapshot.gz"],
  async run(args, ctx) {
    const [input, output] = args.positionals;
    if (!hasOutputExtension("snapshot", output)) throw usage(this, `OUT takes ${expectedFileName("snapshot")}, got ${JSON.stringify(output)}`);
    await checkOutputDirectory(output);
    const snapshot = await loadSnapshot(input, ctx, { index: 0, count: 1, readShare: 0.9 });
    ctx.progress.update("writing", null, { file: output });
    try {
      await writeSnapshot(snapshot, output);
    } catch (error) {
      throw cannotWrite(output, error instanceof SnapshotIoError ? error.cause : error);
    }
    const bytes = (await stat(output)).size;
    const gzip = output.endsWith(".gz");
    const result = { input, output, inputFormat: snapshot.format, nodeCount: snapshot.nodeCount, edgeCount: snapshot.edgeCount, bytes, gzip };
    printResult(ctx, result, () =>
      `converted ${input} (${snapshot.format === "jsc" ? "JavaScriptCore" : "V8"}, ${countNoun(snapshot.nodeCount, "node")}) to ${output} (V8${gzip ? ", gzip" : ""}, ${formatSize(bytes)})\n`,
    );
  },
});
