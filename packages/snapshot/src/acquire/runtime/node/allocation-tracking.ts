/**
 * V8's allocation tracking in this process, through the in-process inspector
 * (`HeapProfiler.startTrackingHeapObjects` / `stopTrackingHeapObjects`): Node's, and Deno's
 * through Deno's inspector session.
 *
 * @module
 */
import type { InProcessInspectorOpener } from "./in-process-inspector.ts";

/**
 * V8 moves an object's allocation stack along with it only while the object has no heap id
 * (`HeapProfiler::ObjectMoveEvent`). Node's inspector numbers every object every 50 ms while
 * tracking (its heap statistics push), so a later compaction of the old space moves objects
 * away from their stacks: in Node 24, snapshots after a collection showed no stack for 0 to 100
 * of 100 tracked objects. Without compaction, numbered objects stay where their stacks are (each
 * push collects garbage first, which moves surviving young objects to the old space while they
 * are still unnumbered). Deno's inspector pushes no statistics.
 */
const NO_COMPACTION = ["--no-compact"];
const COMPACTION = ["--compact"];

async function setV8Flags(flags: readonly string[]): Promise<void> {
  const v8 = await import("node:v8");
  for (const flag of flags) v8.setFlagsFromString(flag);
}

/**
 * Turns V8's allocation tracking on: from now on V8 records the JavaScript stack of every
 * allocation, and snapshots carry `trace_function_infos`, `trace_tree` and per-node trace ids.
 * On Node, the old space is not compacted while tracking (see `NO_COMPACTION`), or Node 24
 * loses the stacks of objects that a collection moves; stopping turns compaction back on.
 *
 * @example
 * ```ts
 * await startAllocationTracking("node", inProcessInspector, 60_000);
 * ```
 */
export async function startAllocationTracking(runtime: "node" | "deno", open: InProcessInspectorOpener, timeoutMs: number): Promise<void> {
  const inspector = await open("trackAllocations");
  if (runtime === "node") await setV8Flags(NO_COMPACTION);
  try {
    await inspector.post("HeapProfiler.startTrackingHeapObjects", { trackAllocations: true }, timeoutMs);
  } catch (error) {
    if (runtime === "node") await setV8Flags(COMPACTION);
    throw error;
  }
}

/**
 * Turns V8's allocation tracking off. V8 answers this command with a heap snapshot (DevTools'
 * allocation timeline ends with one), sent as notifications nobody listens to: stopping costs
 * about as much time as taking a snapshot.
 *
 * @example
 * ```ts
 * await stopAllocationTracking("node", inProcessInspector, 60_000);
 * ```
 */
export async function stopAllocationTracking(runtime: "node" | "deno", open: InProcessInspectorOpener, timeoutMs: number): Promise<void> {
  const inspector = await open("trackAllocations");
  await inspector.post("HeapProfiler.stopTrackingHeapObjects", { reportProgress: false }, timeoutMs);
  if (runtime === "node") await setV8Flags(COMPACTION);
}
