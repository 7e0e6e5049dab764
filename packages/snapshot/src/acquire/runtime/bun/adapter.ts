/**
 * Bun's runtime adapter: snapshots through `Bun.*`, no heap ids.
 *
 * @module
 */
import type { RuntimeAdapter } from "../runtime-adapter.ts";
import { startAllocationTracking, stopAllocationTracking } from "./allocation-tracking.ts";
import { heapIdOf, objectAt } from "./heap-id.ts";
import { collectGarbage, heapSnapshotChunks } from "./take-snapshot.ts";

/**
 * Bun's adapter.
 *
 * @example
 * ```ts
 * await adapter.collectGarbage(60_000); // Bun.gc(true)
 * ```
 */
export const adapter: RuntimeAdapter = {
  runtime: "bun",
  collectGarbage,
  heapSnapshotChunks,
  heapIdOf,
  objectAt,
  startAllocationTracking,
  stopAllocationTracking,
};
