import type { HeapNode } from "../../engine/index.ts";

/**
 * Whether a node is a module, objgraph's `is_proper_module` for JavaScript: an ES module record
 * (`system / SourceTextModule`, `system / SyntheticModule`), an ES module namespace object (a
 * `Module` object that points to its record), a CommonJS `Module` object (a `Module` with
 * `exports` and `filename` or `id` properties), or Bun's `ModuleRecord` / `ModuleNamespaceObject`.
 * `backrefs` stops at modules by default.
 *
 * @example
 * ```ts
 * const chain = findBackrefChain(graph, leaked, isModule);
 * ```
 */
export function isModule(node: HeapNode): boolean {
  return node.graph.moduleMask()[node.ordinal] === 1;
}

/**
 * Whether a node is a global object: a native context's global object or global proxy (Node's
 * `global`, Deno's and Chrome's `Window`), a node the synthetic root reaches by a `shortcut`
 * edge, or Bun's `GlobalObject`. `backrefs` stops at globals by default.
 *
 * @example
 * ```ts
 * const chain = findBackrefChain(graph, leaked, isGlobal);
 * ```
 */
export function isGlobal(node: HeapNode): boolean {
  return node.graph.globalMask()[node.ordinal] === 1;
}

/**
 * Whether a node is a GC root: the synthetic root, `(GC roots)` and its sub-roots such as
 * `(Global handles)` or `(Stack roots)`, and embedder roots (`C++ roots`, `Node / Environment`):
 * every `synthetic` node.
 *
 * @example
 * ```ts
 * const roots = byType(graph, "(synthetic)").filter(isGCRoot);
 * ```
 */
export function isGCRoot(node: HeapNode): boolean {
  const graph = node.graph;
  return node.ordinal === graph.rootOrdinal || graph.nodeColumns().type[node.ordinal] === graph.typeCodes().synthetic;
}

/**
 * Whether a node is a *user root* in DevTools' sense: a non-synthetic node directly under the
 * synthetic root (global objects and windows, which Node, Chrome and Bun link there), or Blink's
 * `(Document DOM trees)`. Deno links no user roots.
 *
 * @example
 * ```ts
 * const chain = findBackrefChain(graph, leaked, isUserRoot);
 * ```
 */
export function isUserRoot(node: HeapNode): boolean {
  return node.graph.userRootMask()[node.ordinal] === 1;
}

/**
 * Whether a node is detached in DevTools' sense: a DOM node (or what it owns) that no document
 * holds, after propagation through native nodes.
 *
 * @example
 * ```ts
 * const detached = byType(graph, "Detached <div>").filter(isDetached);
 * ```
 */
export function isDetached(node: HeapNode): boolean {
  return node.graph.isDetached(node.ordinal);
}

/**
 * Whether a node is V8 *plumbing*: machinery of the engine rather than program data — hidden
 * classes and maps, descriptor and transition arrays, prototype info, feedback, scope infos,
 * templates, compiled code and scripts, and the backing stores whose slots are already edges of
 * their owner (`(object elements)`, `(object properties)`), plus JavaScriptCore's `Structure`
 * family. Contexts, Map/Set tables and WeakMap tables are not: they hold program data. `refs`,
 * `backrefs`, chains and leak detection hide plumbing unless asked (`internals: true`).
 *
 * @example
 * ```ts
 * const visible = node.edges().filter((e) => !isPlumbing(e.to));
 * ```
 */
export function isPlumbing(node: HeapNode): boolean {
  return node.graph.plumbingMask()[node.ordinal] === 1;
}
