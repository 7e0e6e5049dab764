/**
 * Node's runtime adapter, and the adapter of any runtime that implements `node:v8` and
 * `node:inspector` the same way (Deno's is this one with Deno's inspector session).
 *
 * @module
 */
import type { RuntimeAdapter } from "../runtime-adapter.ts";
import { startAllocationTracking, stopAllocationTracking } from "./allocation-tracking.ts";
import { heapIdOf, objectAt } from "./heap-id.ts";
import { inProcessInspector, type InProcessInspectorOpener } from "./in-process-inspector.ts";
import { collectGarbage, heapSnapshotChunks } from "./take-snapshot.ts";

/**
 * The adapter of a runtime that implements `node:v8` and `node:inspector`, over its
 * in-process inspector session.
 *
 * @example
 * ```ts
 * export const adapter = nodeApiAdapter("deno", denoInspector);
 * ```
 */
export function nodeApiAdapter(runtime: "node" | "deno", inspector: InProcessInspectorOpener): RuntimeAdapter {
  return {
    runtime,
    collectGarbage: (timeoutMs) => collectGarbage(inspector, timeoutMs),
    heapSnapshotChunks,
    heapIdOf: async (value, timeoutMs) => heapIdOf(await inspector("heapIdOf"), value, timeoutMs),
    objectAt: async (id, timeoutMs) => objectAt(await inspector("objectAt"), id, timeoutMs),
    startAllocationTracking: (timeoutMs) => startAllocationTracking(runtime, inspector, timeoutMs),
    stopAllocationTracking: (timeoutMs) => stopAllocationTracking(runtime, inspector, timeoutMs),
  };
}

/**
 * Node's adapter.
 *
 * @example
 * ```ts
 * await adapter.collectGarbage(60_000);
 * ```
 */
export const adapter: RuntimeAdapter = nodeApiAdapter("node", inProcessInspector);
