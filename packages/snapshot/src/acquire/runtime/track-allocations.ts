/**
 * V8's allocation tracking in this process (DevTools' "Allocation instrumentation on timeline"):
 * turned on before the workload runs, so that the snapshots taken afterwards say where each
 * object allocated since was allocated.
 *
 * @module
 */
import { z } from "zod";
import { parseSnapshotOptions } from "../../errors/parse-snapshot-options.ts";
import { detectRuntime } from "./detect-runtime.ts";
import { NotSupportedError } from "./not-supported-error.ts";
import type { RuntimeAdapter } from "./runtime-adapter.ts";
import { runtimeAdapter } from "./runtime-adapters.ts";

const trackAllocationsOptions = z.strictObject({
  /** Longest wait for the inspector to start (and later stop) tracking, in ms. Default 60 000 (stopping takes a snapshot). */
  timeoutMs: z.number().int().positive().max(2 ** 31 - 1).optional(),
});

/**
 * Options of {@link trackAllocations}: `timeoutMs` (derived from the schema that checks them).
 *
 * @example
 * ```ts
 * const options: TrackAllocationsOptions = { timeoutMs: 120_000 };
 * const tracking = await trackAllocations(options);
 * ```
 */
export type TrackAllocationsOptions = z.input<typeof trackAllocationsOptions>;

/**
 * Allocation tracking that {@link trackAllocations} turned on; `stop()` turns it off again.
 *
 * @example
 * ```ts
 * const tracking: AllocationTracking = await trackAllocations();
 * try {
 *   runWorkload();
 *   await takeSnapshot({ saveTo: "with-stacks.heapsnapshot" });
 * } finally {
 *   await tracking.stop();
 * }
 * ```
 */
export interface AllocationTracking {
  /** The runtime tracking allocations. */
  readonly runtime: "node" | "deno";
  /** True until `stop()` is called. */
  readonly active: boolean;
  /**
   * Stops tracking (once every handle of this process is stopped: handles are counted). Idempotent.
   * V8 takes, and drops, one heap snapshot to stop, so this takes about as long as a snapshot.
   */
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Handles not yet stopped in this process; V8 tracks while there is one. */
let holders = 0;
/** Starts and stops run one after the other. */
let queue: Promise<unknown> = Promise.resolve();

function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/**
 * Turns on V8's allocation tracking in this process and returns a handle whose `stop()` turns it
 * off. Objects allocated while tracking is on carry their allocation stack in every snapshot taken
 * before `stop()` (`takeSnapshot`'s `traces` and `nodeTraceId`; `graph.allocationStack(o)` and
 * `allocationSites` in `@heapgraph/graph`). Objects allocated before have none: start tracking
 * before the baseline, run the workload, take the target and final snapshots, then stop.
 *
 * Node and Deno (Deno needs `--allow-sys`) through the in-process inspector
 * (`HeapProfiler.startTrackingHeapObjects` with `trackAllocations: true`). Handles are counted:
 * tracking stops when the last one is stopped.
 *
 * What it costs: V8 records a stack per allocation (a few percent to a few times slower
 * allocation-heavy code) and keeps a tree of the stacks seen. Node's inspector also pushes heap
 * statistics every 50 ms while tracking (a heap walk each time: about a quarter of a core on a
 * small heap) and **keeps the process alive until `stop()`**. Stopping takes one snapshot,
 * which V8 sends and this call drops.
 *
 * Throws `SnapshotOptionsError` (`INVALID_OPTIONS`) for bad options, {@link NotSupportedError}
 * on Bun (JavaScriptCore records no allocation stacks), in a browser page, and on Deno without
 * `--allow-sys`.
 *
 * @example
 * ```ts
 * import { takeSnapshot, trackAllocations } from "@heapgraph/snapshot";
 * const tracking = await trackAllocations();
 * try {
 *   const baseline = await takeSnapshot();
 *   for (let i = 0; i < 100; i++) await handleRequest();
 *   const target = await takeSnapshot(); // new objects carry their allocation stacks
 * } finally {
 *   await tracking.stop();
 * }
 * ```
 */
export async function trackAllocations(options: TrackAllocationsOptions = {}): Promise<AllocationTracking> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS } = parseSnapshotOptions(trackAllocationsOptions, options, "trackAllocations options");
  const runtime = detectRuntime();
  const adapter = runtimeAdapter(runtime);
  if (!adapter) {
    throw new NotSupportedError("trackAllocations", runtime, "only Node and Deno track allocations in-process; for a page, open a capture session with trackAllocations");
  }
  await serial(async () => {
    if (holders === 0) await adapter.startAllocationTracking(timeoutMs);
    holders++;
  });
  return new Tracking(adapter, adapter.runtime as "node" | "deno", timeoutMs);
}

class Tracking implements AllocationTracking {
  readonly runtime: "node" | "deno";
  readonly #adapter: RuntimeAdapter;
  readonly #timeoutMs: number;
  #stopped: Promise<void> | null = null;

  constructor(adapter: RuntimeAdapter, runtime: "node" | "deno", timeoutMs: number) {
    this.#adapter = adapter;
    this.runtime = runtime;
    this.#timeoutMs = timeoutMs;
  }

  get active(): boolean {
    return this.#stopped === null;
  }

  stop(): Promise<void> {
    this.#stopped ??= serial(async () => {
      holders--;
      if (holders === 0) await this.#adapter.stopAllocationTracking(this.#timeoutMs);
    });
    return this.#stopped;
  }
}
