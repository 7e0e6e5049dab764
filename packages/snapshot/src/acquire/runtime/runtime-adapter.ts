/**
 * The contract between the public acquisition calls of this process (`takeSnapshot`,
 * `heapIdOf`, `objectAt`) and the runtime they run in. Each of `node/`, `deno/` and `bun/`
 * exports one `adapter` that satisfies it; `runtime-adapters.ts` picks one at call time.
 *
 * @module
 */

/**
 * What this process's runtime does for snapshots and heap ids.
 *
 * @example
 * ```ts
 * const adapter = runtimeAdapter(detectRuntime());
 * if (adapter) {
 *   await adapter.collectGarbage(60_000);
 *   for await (const chunk of await adapter.heapSnapshotChunks()) console.log(chunk.length);
 * }
 * ```
 */
export interface RuntimeAdapter {
  readonly runtime: "node" | "deno" | "bun";
  /** A full garbage collection, as thorough as the runtime allows, waiting at most `timeoutMs`. */
  collectGarbage(timeoutMs: number): Promise<void>;
  /** A heap snapshot of this process in V8's format, as UTF-8 chunks. */
  heapSnapshotChunks(): Promise<AsyncIterable<Uint8Array>>;
  /** The heap snapshot id of a live object or function; rejects with `NotSupportedError` where the runtime cannot. */
  heapIdOf(value: object, timeoutMs: number): Promise<number>;
  /** The live value with heap snapshot id `id`, or undefined; rejects with `NotSupportedError` where the runtime cannot. */
  objectAt(id: number, timeoutMs: number): Promise<unknown>;
  /** Turns V8's allocation tracking on (later snapshots carry allocation stacks); rejects with `NotSupportedError` where the runtime cannot. */
  startAllocationTracking(timeoutMs: number): Promise<void>;
  /** Turns allocation tracking off (V8 takes, and drops, one snapshot to do so). */
  stopAllocationTracking(timeoutMs: number): Promise<void>;
}
