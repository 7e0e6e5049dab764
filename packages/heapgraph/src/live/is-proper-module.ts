/**
 * objgraph's `is_proper_module(obj)`: whether something is a module the runtime has loaded, the
 * natural place for a chain of references to start.
 *
 * @module
 */
import { createRequire } from "node:module";
import { isModule } from "@heapgraph/graph";
import { isHeapNode } from "./locate.ts";

let moduleCache: Record<string, unknown> | undefined | null = null;

/**
 * objgraph's `is_proper_module`, for JavaScript. Given a node handle (as `findBackrefChain` and
 * `showBackrefs` pass their predicates), whether it is a module: an ES module record, a module
 * namespace object, a CommonJS `Module` object, or Bun's module records (the graph package's
 * `isModule`). Given a live value, whether it is a loaded module: an ES module namespace object
 * (`import * as ns`, `await import()`), or a CommonJS `module` that is in `require.cache` (as
 * objgraph asks for a module in `sys.modules`).
 *
 * @example
 * ```ts
 * import { findBackrefChain, isProperModule, showChain } from "heapgraph";
 * await showChain(await findBackrefChain(leaked, isProperModule));
 * isProperModule(await import("node:path")); // true
 * isProperModule({}); // false
 * ```
 */
export function isProperModule(value: unknown): boolean {
  if (isHeapNode(value)) return isModule(value);
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) === "[object Module]") return true;
  const filename = (value as { filename?: unknown }).filename;
  if (typeof filename !== "string") return false;
  moduleCache ??= createRequire(import.meta.url).cache as Record<string, unknown> | undefined;
  return moduleCache !== undefined && moduleCache[filename] === value;
}
