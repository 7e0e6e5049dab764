import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { memoize } from "./graph-memo.ts";
import { snapshotCodes } from "./snapshot-codes.ts";

/**
 * Names of V8 (and JavaScriptCore) bookkeeping objects that describe or back other objects
 * rather than hold program data: hidden classes and their descriptors and transitions,
 * prototype info, inline-cache feedback, scope and template info, and the backing stores whose
 * slots V8 already reports as edges of the owning object.
 */
const PLUMBING_NAMES = new Set([
  "(object elements)",
  "(object properties)",
  "(map descriptors)",
  "(transition array)",
  "(prototype transitions)",
  "(constant pool)",
  "(shared function info)",
  "(context local names)",
  "(constant elements)",
  "(code relocation info)",
  "(code deopt data)",
  "system / PropertyArray",
  "system / DescriptorArray",
  "system / TransitionArray",
  "system / PrototypeInfo",
  "system / EnumCache",
  "system / AllocationSite",
  "system / AllocationMemento",
  "system / FeedbackCell",
  "system / FeedbackVector",
  "system / FeedbackMetadata",
  "system / ClosureFeedbackCellArray",
  "system / ScopeInfo",
  "system / ClassPositions",
  "system / ClassBoilerplate",
  "system / ObjectBoilerplateDescription",
  "system / ArrayBoilerplateDescription",
  "system / FunctionTemplateInfo",
  "system / FunctionTemplateRareData",
  "system / ObjectTemplateInfo",
  "system / AccessorInfo",
  "system / InterceptorInfo",
  "system / Foreign",
  "system / Hole",
  // JavaScriptCore (Bun's V8-format output)
  "Structure",
  "StructureChain",
  "StructureRareData",
  "PropertyTable",
  "Cell Butterfly",
  "FunctionRareData",
]);

/** Node type names that are always plumbing: hidden classes and compiled code with its metadata. */
const PLUMBING_TYPES = new Set(["object shape", "code"]);

/**
 * Whether a node is V8 *plumbing*: machinery of the engine rather than program data. `refs`,
 * `backrefs`, chains and leak detection hide plumbing unless asked (`internals: true`).
 *
 * Plumbing is: nodes of type `object shape` (hidden classes) and `code` (compiled code, shared
 * function infos, bytecode, feedback metadata, scripts); maps (`system / Map...`); descriptor and
 * transition arrays, prototype info, enum caches, allocation sites, feedback cells and vectors,
 * scope infos, class positions and boilerplates, API templates; and backing stores V8 reports
 * twice — `(object elements)`, `(object properties)` and `system / PropertyArray` — whose slots
 * are already edges of the object that owns them. JavaScriptCore's `Structure` family and
 * butterflies count too. Contexts (closure variables), Map/Set hash tables and WeakMap tables are
 * *not* plumbing: they hold program data.
 *
 * @example
 * ```ts
 * const visible = node.edges().filter((e) => !isPlumbing(e.to));
 * ```
 */
export function isPlumbing(node: HeapNode): boolean {
  return plumbingMask(node.graph)[node.ordinal] === 1;
}

/**
 * One byte per node: 1 when the node is plumbing (see {@link isPlumbing}). Computed once per graph.
 *
 * @example
 * ```ts
 * const mask = plumbingMask(graph);
 * for (let o = 0; o < graph.nodeCount; o++) if (!mask[o]) visit(o);
 * ```
 */
export function plumbingMask(graph: HeapGraph): Uint8Array {
  return memoize(graph, "plumbing", () => {
    const { nodeCount, nodeType, nodeName, strings, nodeTypeNames } = graph.snapshot;
    const typeIsPlumbing = nodeTypeNames.map((t) => PLUMBING_TYPES.has(t));
    const { string, consString, slicedString } = snapshotCodes(graph.snapshot);
    // 0 unknown, 1 plumbing, 2 not plumbing: per string index, since names repeat a lot.
    const byName = new Uint8Array(strings.length);
    const mask = new Uint8Array(nodeCount);
    for (let o = 0; o < nodeCount; o++) {
      const t = nodeType[o];
      if (typeIsPlumbing[t]) {
        mask[o] = 1;
        continue;
      }
      if (t === string || t === consString || t === slicedString) continue;
      const n = nodeName[o];
      let known = n < byName.length ? byName[n] : 0;
      if (known === 0) {
        const name = strings[n] ?? "";
        known = PLUMBING_NAMES.has(name) || name === "system / Map" || name.startsWith("system / Map (") ? 1 : 2;
        if (n < byName.length) byName[n] = known;
      }
      if (known === 1) mask[o] = 1;
    }
    return mask;
  });
}

/**
 * Whether an edge is hidden with the plumbing: a prototype link (`__proto__`), or an edge to a
 * plumbing node (a `map`, a backing store, feedback, code).
 *
 * @example
 * ```ts
 * const shown = node.edges().filter((e) => !isPlumbingEdge(graph, e.index));
 * ```
 */
export function isPlumbingEdge(graph: HeapGraph, edgeIndex: number): boolean {
  return plumbingMask(graph)[graph.snapshot.edgeTarget[edgeIndex]] === 1 || isProtoEdge(graph, edgeIndex);
}

/**
 * Whether an edge is a prototype link (a property edge named `__proto__`).
 *
 * @example
 * ```ts
 * const links = node.edges().filter((e) => isProtoEdge(graph, e.index));
 * ```
 */
export function isProtoEdge(graph: HeapGraph, edgeIndex: number): boolean {
  return protoEdgeTest(graph)(edgeIndex);
}

/**
 * {@link isProtoEdge} as a function bound to one graph, for hot loops (computed once per graph).
 *
 * @example
 * ```ts
 * const isProto = protoEdgeTest(graph);
 * for (let e = 0; e < graph.edgeCount; e++) if (isProto(e)) links++;
 * ```
 */
export function protoEdgeTest(graph: HeapGraph): (edgeIndex: number) => boolean {
  return memoize(graph, "protoEdgeTest", () => {
    const { edgeNameOrIndex, edgeType } = graph.snapshot;
    const codes = snapshotCodes(graph.snapshot);
    const proto = graph.snapshot.strings.indexOf("__proto__");
    if (proto < 0) return () => false;
    return (e: number) => edgeNameOrIndex[e] === proto && edgeType[e] !== codes.edgeElement && edgeType[e] !== codes.edgeHidden;
  });
}
