// Shared by the objgraph-* scenarios: writes a V8-format heap snapshot of this process,
// unchanged on Node, Deno (`node:v8`) and Bun (`Bun.generateHeapSnapshot("v8")`).
//
// Scenario contract: process.argv[2] is the output. A scenario that takes one snapshot
// writes that file; a scenario that takes several treats argv[2] as a directory and
// writes `<label>.heapsnapshot` files into it (labels listed at the top of the script).
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import v8 from "node:v8";

/** Writes a heap snapshot of this process to `file`. */
export async function writeHeapSnapshot(file) {
  if (globalThis.Bun) {
    globalThis.Bun.gc(true);
    writeFileSync(file, globalThis.Bun.generateHeapSnapshot("v8"));
    return;
  }
  const chunks = [];
  for await (const chunk of v8.getHeapSnapshot()) chunks.push(chunk);
  writeFileSync(file, Buffer.concat(chunks));
}

/** The output file named on the command line (single-snapshot scenarios). */
export function outputFile() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: <runtime> <scenario>.mjs <output file>");
  return out;
}

/** A function writing `<label>.heapsnapshot` into the directory named on the command line (multi-snapshot scenarios). */
export function snapshotSeries() {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: <runtime> <scenario>.mjs <output directory>");
  mkdirSync(dir, { recursive: true });
  return (label) => writeHeapSnapshot(join(dir, `${label}.heapsnapshot`));
}
