// Test helper for the "smaller truths" tests (issue 14, item 7): the graph of
// scenarios/smaller-truths.mjs taken by the running runtime, and its holders' properties.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byType, type HeapGraph, type HeapNode } from "../src/index.ts";
import { runtime, scenarioGraph } from "./queries-snapshots.ts";

/** The scenario script (an absolute path, as takeRealSnapshot accepts). */
export const SMALLER_TRUTHS = join(dirname(fileURLToPath(import.meta.url)), "scenarios", "smaller-truths.mjs");

/** True on the runtimes whose snapshots have V8's layout (Bun's V8-format output is JavaScriptCore's heap). */
export const v8Heap: boolean = runtime() !== "bun";

/** The scenario's graph, taken by the running runtime (once per test-matrix run). */
export function truthsGraph(): Promise<HeapGraph> {
  return scenarioGraph(SMALLER_TRUTHS);
}

/** The objects the holder of class `holder` (TruthArrays, TruthFunctions, TruthStrings) holds, by property. */
export function heldBy(graph: HeapGraph, holder: string): Record<string, HeapNode> {
  const nodes = byType(graph, holder);
  if (nodes.length !== 1) throw new Error(`expected one ${holder}, found ${nodes.length}`);
  const out: Record<string, HeapNode> = {};
  for (const e of nodes[0].edges()) if (e.type === "property" && e.name !== "__proto__") out[e.name] = e.to;
  return out;
}
