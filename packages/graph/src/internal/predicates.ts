import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { memoize } from "./graph-memo.ts";
import { snapshotCodes } from "./snapshot-codes.ts";
import { isUserRoot as isUserRootOrdinal } from "./user-roots.ts";

/** Names of ES module records (V8) and module objects (JavaScriptCore, in Bun's V8-format output). */
const MODULE_RECORD_NAMES = new Set([
  "system / SourceTextModule",
  "system / SyntheticModule",
  "ModuleRecord",
  "ModuleNamespaceObject",
  "CommonJSModuleRecord",
]);

/** Edges by which a native context holds its global object and global proxy. */
const GLOBAL_EDGE_NAMES = new Set(["global_object", "global_proxy_object", "extension"]);

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
  return moduleMask(node.graph)[node.ordinal] === 1;
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
  return globalMask(node.graph)[node.ordinal] === 1;
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
  return node.ordinal === graph.rootOrdinal || graph.snapshot.nodeType[node.ordinal] === snapshotCodes(graph.snapshot).synthetic;
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
  return userRootSet(node.graph).has(node.ordinal);
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

function userRootSet(graph: HeapGraph): Set<number> {
  return memoize(graph, "userRoots", () => {
    const snapshot = graph.snapshot;
    const codes = snapshotCodes(snapshot);
    const { firstEdge, edgeTarget, rootOrdinal } = snapshot;
    const roots = new Set<number>();
    for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
      if (isUserRootOrdinal(snapshot, codes, edgeTarget[e])) roots.add(edgeTarget[e]);
    }
    return roots;
  });
}

/**
 * One byte per node: 1 for global objects (see {@link isGlobal}).
 *
 * @example
 * ```ts
 * const globals = globalMask(graph);
 * if (globals[o]) console.log("a global object");
 * ```
 */
export function globalMask(graph: HeapGraph): Uint8Array {
  return memoize(graph, "globals", () => {
    const snapshot = graph.snapshot;
    const codes = snapshotCodes(snapshot);
    const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget, rootOrdinal } = snapshot;
    const mask = new Uint8Array(nodeCount);
    for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
      if (edgeType[e] === codes.edgeShortcut && nodeType[edgeTarget[e]] !== codes.synthetic) mask[edgeTarget[e]] = 1;
    }
    // By name string index: 0 unknown, 1 other, 2 a native context, 3 "GlobalObject".
    const nameKind = new Uint8Array(strings.length);
    for (let o = 0; o < nodeCount; o++) {
      const t = nodeType[o];
      if (t === codes.string || t === codes.consString || t === codes.slicedString || t === codes.closure) continue;
      const n = nodeName[o];
      let kind = n < nameKind.length ? nameKind[n] : 1;
      if (kind === 0) {
        const name = strings[n] ?? "";
        kind = nameKind[n] = name.startsWith("system / NativeContext") ? 2 : name === "GlobalObject" ? 3 : 1;
      }
      if (kind === 3 && t === codes.object) mask[o] = 1;
      if (kind !== 2) continue;
      for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
        if (edgeType[e] !== codes.edgeInternal) continue;
        const child = edgeTarget[e];
        if (GLOBAL_EDGE_NAMES.has(strings[edgeNameOrIndex[e]]) && (nodeType[child] === codes.object || nodeType[child] === codes.native)) {
          mask[child] = 1;
        }
      }
    }
    return mask;
  });
}

/**
 * One byte per node: 1 for modules (see {@link isModule}).
 *
 * @example
 * ```ts
 * const modules = moduleMask(graph);
 * if (modules[o]) console.log("a module");
 * ```
 */
export function moduleMask(graph: HeapGraph): Uint8Array {
  return memoize(graph, "modules", () => {
    const snapshot = graph.snapshot;
    const codes = snapshotCodes(snapshot);
    const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget } = snapshot;
    const mask = new Uint8Array(nodeCount);
    const record = new Uint8Array(nodeCount);
    const moduleName = strings.indexOf("Module");
    // By name string index: 0 unknown, 1 none, 2 a module record, 3 "Module".
    const kind = new Uint8Array(strings.length);
    for (let o = 0; o < nodeCount; o++) {
      const t = nodeType[o];
      if (t === codes.string || t === codes.consString || t === codes.slicedString || t === codes.closure || t === codes.number) continue;
      const n = nodeName[o];
      let k = n < kind.length ? kind[n] : 1;
      if (k === 0) k = kind[n] = MODULE_RECORD_NAMES.has(strings[n] ?? "") ? 2 : n === moduleName ? 3 : 1;
      if (k === 2) mask[o] = record[o] = 1;
    }
    if (moduleName < 0) return mask;
    for (let o = 0; o < nodeCount; o++) {
      if (nodeName[o] !== moduleName || nodeType[o] !== codes.object) continue;
      let exportsProperty = false, fileProperty = false;
      for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
        const t = edgeType[e];
        if (record[edgeTarget[e]] && (t === codes.edgeHidden || t === codes.edgeInternal)) {
          mask[o] = 1; // a namespace object
          break;
        }
        if (t !== codes.edgeProperty) continue;
        const name = strings[edgeNameOrIndex[e]];
        if (name === "exports") exportsProperty = true;
        else if (name === "filename" || name === "id") fileProperty = true;
      }
      if (exportsProperty && fileProperty) mask[o] = 1;
    }
    return mask;
  });
}
