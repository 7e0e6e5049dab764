import { z } from "zod";
import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { parseQueryOptions } from "../shared/query-options.ts";

/** GC sub-roots that stand for handles native code holds (V8's names). */
const HANDLE_ROOTS = new Set(["(Global handles)", "(Traced handles)", "(Eternal handles)", "(Handle scope)"]);

/**
 * The schema of {@link leakingObjects}' options.
 *
 * @example
 * ```ts
 * leakingObjectsOptions.parse({ internals: true });
 * ```
 */
export const leakingObjectsOptions = z.strictObject({
  /** Include every node type — strings, code, V8 plumbing, native (embedder) objects — not only JavaScript objects (default false). */
  internals: z.boolean().optional(),
});

/**
 * Options of {@link leakingObjects}.
 *
 * @example
 * ```ts
 * leakingObjects(graph, { internals: true });
 * ```
 */
export type LeakingObjectsOptions = z.input<typeof leakingObjectsOptions>;

/**
 * Objects that only native code holds — the JavaScript twin of objgraph's `get_leaking_objects`
 * ("objects no tracked object refers to"). An object qualifies when something retains it and
 * every retaining holder is native: a handle root (`(Global handles)`, `(Traced handles)`,
 * `(Eternal handles)`, `(Handle scope)`), an embedder root (`C++ roots`, `Node / Environment`,
 * Blink's roots: synthetic nodes whose names are not V8's parenthesised ones), or an embedder
 * object (a `native` node). This is where add-on and native leaks show up: an object a
 * `napi_ref` or a C++ `Global` keeps, that no JavaScript can reach.
 *
 * By default only JavaScript objects are listed (objects, closures, regexps — not strings, code,
 * V8 plumbing, or embedder objects, which native code holds by nature), in snapshot order. As objgraph warns, there are many legitimate
 * ones (the runtime's own bindings); narrow them down with `typestats(graph, { nodes })` or a
 * growth comparison.
 *
 * Bun's V8-format output does not break `(GC roots)` down by kind; there, objects that only
 * `(GC roots)` holds are listed.
 *
 * @example
 * ```ts
 * const roots = leakingObjects(graph);
 * mostCommonTypes(graph, { nodes: roots, limit: 5 });
 * ```
 */
export function leakingObjects(graph: HeapGraph, options: LeakingObjectsOptions = {}): HeapNode[] {
  const { internals = false } = parseQueryOptions("leakingObjects", leakingObjectsOptions, options);
  const rules = graph.retainingEdges();
  const { native: nativeType, synthetic, object, closure, regexp } = graph.typeCodes();
  const { nodeCount, rootOrdinal } = graph;
  const { type: nodeType, name: nodeName, strings } = graph.nodeColumns();
  const plumbing = graph.plumbingMask();
  // Holders that count as native: 1.
  const native = new Uint8Array(nodeCount);
  let gcRoots = -1;
  for (let o = 0; o < nodeCount; o++) {
    const t = nodeType[o];
    if (t === nativeType) native[o] = 1;
    else if (t === synthetic && o !== rootOrdinal) {
      const name = strings[nodeName[o]] ?? "";
      if (name === "(GC roots)") gcRoots = o;
      else if (HANDLE_ROOTS.has(name) || !name.startsWith("(")) native[o] = 1;
    }
  }
  if (gcRoots >= 0) {
    let syntheticSubRoots = 0;
    graph.forEachEdge(gcRoots, (target) => {
      if (nodeType[target] === synthetic) syntheticSubRoots++;
    });
    // JavaScriptCore's roots are not broken down: (GC roots) itself stands for them.
    if (syntheticSubRoots === 0) native[gcRoots] = 1;
  }
  // By type code (at most 255): 1 for program objects.
  const programType = new Uint8Array(256);
  for (const t of [object, closure, regexp]) if (t >= 0) programType[t] = 1;
  const { firstRetainer, retainerEdge, retainerNode } = graph.retainers();
  const out: HeapNode[] = [];
  for (let o = 0; o < nodeCount; o++) {
    const t = nodeType[o];
    if (t === synthetic || o === rootOrdinal) continue;
    if (!internals && (!programType[t] || plumbing[o])) continue;
    let retained = false, onlyNative = true;
    for (let r = firstRetainer[o], end = firstRetainer[o + 1]; r < end; r++) {
      const holder = retainerNode[r];
      if (!rules.retains(holder, retainerEdge[r])) continue;
      retained = true;
      if (!native[holder]) {
        onlyNative = false;
        break;
      }
    }
    if (retained && onlyNative) out.push(graph.node(o));
  }
  return out;
}
