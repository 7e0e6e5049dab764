/**
 * Which runtime a snapshot came from, guessed from its classes: heap snapshot files do not say.
 *
 * @module
 */
import { typestats, type HeapGraph } from "@heapgraph/graph";

/**
 * The runtime a snapshot's classes point to: Bun (JavaScriptCore's format, or a `Bun` object),
 * a browser (`HTMLDocument`, `Window`), Deno (classes of its `ext:deno_…` scripts), Node
 * (`BuiltinModule`, Node's module loader); `unknown` otherwise.
 *
 * @example
 * ```ts
 * guessRuntime(graph); // "node"
 * ```
 */
export function guessRuntime(graph: HeapGraph): "node" | "deno" | "bun" | "browser" | "unknown" {
  if (graph.snapshot.format === "jsc") return "bun";
  const rows = typestats(graph);
  const names = new Set(rows.map((r) => r.name));
  if (names.has("Bun")) return "bun";
  if (names.has("HTMLDocument") || names.has("Window")) return "browser";
  if (rows.some((r) => r.qualifiedName.startsWith("ext:deno"))) return "deno";
  if (names.has("BuiltinModule")) return "node";
  return "unknown";
}
