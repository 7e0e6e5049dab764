/**
 * Allocation tracking on Bun: not supported. JavaScriptCore records no allocation stacks, and
 * Bun has no in-process V8 inspector to ask for them.
 *
 * @module
 */
import { NotSupportedError } from "../not-supported-error.ts";

const WHY =
  "JavaScriptCore records no allocation stacks (Bun's snapshots have no trace_tree); " +
  "track allocations under Node or Deno, or find the leaked objects' code through their class and closures";

/**
 * Rejects with a {@link NotSupportedError} that says why and what to do instead.
 *
 * @example
 * ```ts
 * await startAllocationTracking(60_000); // NotSupportedError: trackAllocations is not supported on bun: …
 * ```
 */
export function startAllocationTracking(_timeoutMs: number): Promise<void> {
  return Promise.reject(new NotSupportedError("trackAllocations", "bun", WHY));
}

/**
 * Rejects like {@link startAllocationTracking}: tracking never started on Bun.
 *
 * @example
 * ```ts
 * await stopAllocationTracking(60_000); // NotSupportedError
 * ```
 */
export function stopAllocationTracking(_timeoutMs: number): Promise<void> {
  return Promise.reject(new NotSupportedError("trackAllocations", "bun", WHY));
}
