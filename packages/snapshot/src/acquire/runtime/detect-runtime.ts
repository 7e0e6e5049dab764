/**
 * Which JavaScript runtime is running this code, decided when asked (never at import
 * time, so that a module loaded by one runtime and inspected later gives the right answer).
 *
 * @module
 */

/**
 * The runtimes heapgraph knows how to take snapshots in.
 *
 * @example
 * ```ts
 * const runtime: RuntimeKind = detectRuntime(); // "node" | "deno" | "bun" | "browser" | "unknown"
 * ```
 */
export type RuntimeKind = "node" | "deno" | "bun" | "browser" | "unknown";

/**
 * Detects the runtime at call time. Bun and Deno also define `process.versions.node`,
 * so they are checked first.
 *
 * @example
 * ```ts
 * import { detectRuntime } from "@heapgraph/snapshot";
 * if (detectRuntime() === "bun") console.log("JavaScriptCore heap");
 * ```
 */
export function detectRuntime(): RuntimeKind {
  const g = globalThis as { Bun?: unknown; Deno?: { version?: unknown }; process?: { versions?: { node?: string } }; document?: unknown };
  if (g.Bun !== undefined) return "bun";
  if (g.Deno?.version !== undefined) return "deno";
  if (typeof g.process?.versions?.node === "string") return "node";
  if (g.document !== undefined) return "browser";
  return "unknown";
}
