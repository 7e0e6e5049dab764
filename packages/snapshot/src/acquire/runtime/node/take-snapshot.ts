/**
 * Node's side of `takeSnapshot`: garbage collection through the in-process inspector, and
 * the snapshot streamed from `node:v8` `getHeapSnapshot()`. Deno implements both modules and
 * uses these with its own inspector session.
 *
 * @module
 */
import { NotSupportedError } from "../not-supported-error.ts";
import type { InProcessInspectorOpener } from "./in-process-inspector.ts";

/**
 * A full garbage collection through the inspector (`HeapProfiler.collectGarbage`). Where the
 * inspector is refused (Deno without `--allow-sys`), `gc()` when V8 exposes it
 * (`--expose-gc`), else nothing: V8 still collects while it builds the snapshot.
 *
 * @example
 * ```ts
 * await collectGarbage(inProcessInspector, 60_000);
 * ```
 */
export async function collectGarbage(inProcessInspector: InProcessInspectorOpener, timeoutMs: number): Promise<void> {
  try {
    const inspector = await inProcessInspector("collectGarbage");
    await inspector.post("HeapProfiler.collectGarbage", {}, timeoutMs);
  } catch (error) {
    if (!(error instanceof NotSupportedError)) throw error;
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") exposed();
  }
}

/**
 * This process's heap snapshot as `node:v8` streams it, chunk by chunk.
 *
 * @example
 * ```ts
 * for await (const chunk of await heapSnapshotChunks()) bytes += chunk.length;
 * ```
 */
export async function heapSnapshotChunks(): Promise<AsyncIterable<Uint8Array>> {
  const v8 = await import("node:v8");
  return v8.getHeapSnapshot() as AsyncIterable<Uint8Array>;
}
