/**
 * The runtime adapters, chosen when called (never at import time): Node's, Deno's or Bun's.
 *
 * @module
 */
import { adapter as bun } from "./bun/adapter.ts";
import { adapter as deno } from "./deno/adapter.ts";
import type { RuntimeKind } from "./detect-runtime.ts";
import { adapter as node } from "./node/adapter.ts";
import type { RuntimeAdapter } from "./runtime-adapter.ts";

/**
 * The adapter of `runtime`, or null for a runtime that cannot snapshot itself (a browser page,
 * an unknown host).
 *
 * @example
 * ```ts
 * const adapter = runtimeAdapter(detectRuntime());
 * if (!adapter) throw new NotSupportedError("takeSnapshot", detectRuntime(), "…");
 * ```
 */
export function runtimeAdapter(runtime: RuntimeKind): RuntimeAdapter | null {
  switch (runtime) {
    case "node":
      return node;
    case "deno":
      return deno;
    case "bun":
      return bun;
    default:
      return null;
  }
}
