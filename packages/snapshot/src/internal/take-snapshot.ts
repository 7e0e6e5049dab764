/**
 * A heap snapshot of the current process, on Node, Deno and Bun.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { AtomicFile } from "./atomic-file.ts";
import type { HeapSnapshot } from "./heap-snapshot.ts";
import { inProcessInspector } from "./in-process-inspector.ts";
import { NotSupportedError } from "./not-supported-error.ts";
import { receiveSnapshot } from "./receive-snapshot.ts";
import { detectRuntime } from "./runtime.ts";
import { stringChunks } from "./string-chunks.ts";

/** Options of {@link takeSnapshot}. */
export interface TakeSnapshotOptions {
  /** Also write the snapshot here (`.heapsnapshot`, V8 format). The file appears only once complete. */
  saveTo?: string | URL;
  /** Run a full garbage collection first (default true). */
  gc?: boolean;
  /** Longest wait for the explicit garbage collection, in ms (default 60 000). */
  timeoutMs?: number;
}

const optionsSchema = z.strictObject({
  saveTo: z.union([z.string().min(1), z.instanceof(URL)]).optional(),
  gc: z.boolean().optional(),
  timeoutMs: z.number().int().positive().max(2 ** 31 - 1).optional(),
});

interface BunLike {
  gc(force: boolean): void;
  generateHeapSnapshot(format: "v8"): string;
}

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
 * @example
 * ```ts
 * import { takeSnapshot } from "@heapgraph/snapshot";
 * const snap = await takeSnapshot({ saveTo: "before.heapsnapshot" });
 * console.log(snap.nodeCount, "nodes");
 * ```
 */
export async function takeSnapshot(options: TakeSnapshotOptions = {}): Promise<HeapSnapshot> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new TypeError(`invalid takeSnapshot options: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  const { saveTo, gc = true, timeoutMs = 60_000 } = parsed.data;
  const runtime = detectRuntime();
  if (runtime !== "node" && runtime !== "deno" && runtime !== "bun") {
    throw new NotSupportedError("takeSnapshot", runtime, "only Node, Deno and Bun can snapshot themselves; capture a browser page with captureSnapshot");
  }
  const file = saveTo === undefined ? null : await AtomicFile.create(saveTo instanceof URL ? fileURLToPath(saveTo) : saveTo);
  let chunks: AsyncIterable<Uint8Array>;
  try {
    if (runtime === "bun") {
      const bun = (globalThis as unknown as { Bun: BunLike }).Bun;
      if (gc) bun.gc(true);
      chunks = fromSync(stringChunks(bun.generateHeapSnapshot("v8")));
    } else {
      if (gc) await collectGarbageInProcess(timeoutMs);
      const v8 = await import("node:v8");
      chunks = v8.getHeapSnapshot() as AsyncIterable<Uint8Array>;
    }
  } catch (error) {
    await file?.abort();
    throw error;
  }
  return receiveSnapshot(chunks, file, `takeSnapshot (${runtime})`);
}

async function collectGarbageInProcess(timeoutMs: number): Promise<void> {
  try {
    const inspector = await inProcessInspector("collectGarbage");
    await inspector.post("HeapProfiler.collectGarbage", {}, timeoutMs);
  } catch (error) {
    if (!(error instanceof NotSupportedError)) throw error;
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") exposed();
    // else: V8 still collects garbage while it builds the snapshot.
  }
}

async function* fromSync(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* chunks;
}
