// Helpers for scenario scripts run by `takeRealSnapshot` / `takeRealSnapshots`
// (testkit/src/real-snapshot.ts): write heap snapshots of the running process in the
// format the test asked for.
//
// Scenario contract: process.argv[2] is the output. A scenario that takes one snapshot
// writes that file (`snapshotTo()`); a scenario that takes several treats argv[2] as a
// directory and writes `<label>.heapsnapshot` files into it (`snapshotSeries()`).
//
// `HEAPGRAPH_SNAPSHOT_FORMAT` says which: "v8" (default; `node:v8` on Node and Deno,
// `Bun.generateHeapSnapshot("v8")` on Bun) or "jsc" (Bun only: `Bun.generateHeapSnapshot()`,
// JavaScriptCore's format, written as JSON).
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import v8 from "node:v8";

/** The output path the scenario was given (argv[2]). */
export function outputPath() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: <runtime> <scenario>.mjs <output file>");
  return out;
}

/** Writes a heap snapshot of this process to `file` (default: the output path). */
export async function snapshotTo(file = outputPath()) {
  const format = process.env.HEAPGRAPH_SNAPSHOT_FORMAT ?? "v8";
  const bun = globalThis.Bun;
  if (bun) {
    bun.gc(true);
    writeFileSync(file, format === "jsc" ? JSON.stringify(bun.generateHeapSnapshot()) : bun.generateHeapSnapshot("v8"));
    return;
  }
  if (format !== "v8") throw new Error(`format ${format} needs Bun`);
  const chunks = [];
  for await (const chunk of v8.getHeapSnapshot()) chunks.push(chunk);
  writeFileSync(file, Buffer.concat(chunks));
}

/** A function writing `<label>.heapsnapshot` into the directory given as argv[2] (multi-snapshot scenarios). */
export function snapshotSeries() {
  const dir = outputPath();
  mkdirSync(dir, { recursive: true });
  return (label) => snapshotTo(join(dir, `${label}.heapsnapshot`));
}
