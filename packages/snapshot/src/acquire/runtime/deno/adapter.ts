/**
 * Deno's runtime adapter: Deno implements `node:v8` and `node:inspector`, so it is Node's
 * adapter over Deno's inspector session (which needs `--allow-sys`).
 *
 * @module
 */
import { nodeApiAdapter } from "../node/adapter.ts";
import type { RuntimeAdapter } from "../runtime-adapter.ts";
import { inProcessInspector } from "./in-process-inspector.ts";

/**
 * Deno's adapter.
 *
 * @example
 * ```ts
 * const chunks = await adapter.heapSnapshotChunks();
 * ```
 */
export const adapter: RuntimeAdapter = nodeApiAdapter("deno", inProcessInspector);
