/**
 * A heap snapshot of the current process, on Node, Deno and Bun, through the runtime's adapter.
 *
 * @module
 */
import { z } from "zod";
import { parseSnapshotOptions } from "../../errors/parse-snapshot-options.ts";
import type { HeapSnapshot } from "../../model/heap-snapshot.ts";
import { createSaveFile, receiveSnapshot } from "../receive-snapshot.ts";
import { detectRuntime } from "./detect-runtime.ts";
import { NotSupportedError } from "./not-supported-error.ts";
import { runtimeAdapter } from "./runtime-adapters.ts";

const takeSnapshotOptions = z.strictObject({
  /** Also write the snapshot here (`.heapsnapshot`, V8 format). The file appears only once complete. */
  saveTo: z.union([z.string().min(1), z.instanceof(URL)]).optional(),
  /** Run a full garbage collection first (default true). */
  gc: z.boolean().optional(),
  /** Longest wait for the explicit garbage collection, in ms (default 60 000). */
  timeoutMs: z.number().int().positive().max(2 ** 31 - 1).optional(),
});

/**
 * Options of {@link takeSnapshot}: `saveTo`, `gc`, `timeoutMs` (derived from the schema that checks them).
 *
 * @example
 * ```ts
 * const options: TakeSnapshotOptions = { saveTo: "before.heapsnapshot", gc: true };
 * await takeSnapshot(options);
 * ```
 */
export type TakeSnapshotOptions = z.input<typeof takeSnapshotOptions>;

/**
 * Takes a heap snapshot of this process and returns it parsed; the runtime is detected
 * when called. Node and Deno use `node:v8` `getHeapSnapshot()`, streamed into the
 * reader; Bun uses `Bun.generateHeapSnapshot("v8")`, which hands over the whole
 * snapshot as one string (Bun's limit: the snapshot must fit in one string).
 *
 * Garbage first: Node, and Deno run with `--allow-sys`, collect through the in-process
 * inspector (`HeapProfiler.collectGarbage`, a full collection); Deno without
 * `--allow-sys` calls `gc()` when V8 exposes it (`--v8-flags=--expose-gc`). Bun runs
 * `Bun.gc(true)`. Independently of that, V8 and JavaScriptCore both run a full
 * collection while building a snapshot, so unreachable objects are never in it.
 *
 * Throws `SnapshotOptionsError` (`INVALID_OPTIONS`) for bad options and
 * {@link NotSupportedError} in a browser page.
 *
 * @example
 * ```ts
 * import { takeSnapshot } from "@heapgraph/snapshot";
 * const snap = await takeSnapshot({ saveTo: "before.heapsnapshot" });
 * console.log(snap.nodeCount, "nodes");
 * ```
 */
export async function takeSnapshot(options: TakeSnapshotOptions = {}): Promise<HeapSnapshot> {
  const { saveTo, gc = true, timeoutMs = 60_000 } = parseSnapshotOptions(takeSnapshotOptions, options, "takeSnapshot options");
  const runtime = detectRuntime();
  const adapter = runtimeAdapter(runtime);
  if (!adapter) {
    throw new NotSupportedError("takeSnapshot", runtime, "only Node, Deno and Bun can snapshot themselves; capture a browser page with captureSnapshot");
  }
  const file = await createSaveFile(saveTo);
  let chunks: AsyncIterable<Uint8Array>;
  try {
    if (gc) await adapter.collectGarbage(timeoutMs);
    chunks = await adapter.heapSnapshotChunks();
  } catch (error) {
    await file?.abort();
    throw error;
  }
  return receiveSnapshot(chunks, file, `takeSnapshot (${runtime})`);
}
