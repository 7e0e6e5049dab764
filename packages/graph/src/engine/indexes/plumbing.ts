import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";

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
 * One byte per node: 1 when the node is V8 *plumbing*, machinery of the engine rather than
 * program data. `refs`, `backrefs`, chains and leak detection hide plumbing unless asked
 * (`internals: true`). The engine computes it once per graph (`graph.plumbingMask()`).
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
 * const mask = plumbingMask(snapshot, snapshotCodes(snapshot));
 * for (let o = 0; o < snapshot.nodeCount; o++) if (!mask[o]) visit(o);
 * ```
 */
export function plumbingMask(snapshot: HeapSnapshot, codes: TypeCodes): Uint8Array {
  const { nodeCount, nodeType, nodeName, strings, nodeTypeNames } = snapshot;
  const typeIsPlumbing = nodeTypeNames.map((t) => PLUMBING_TYPES.has(t));
  const { string, consString, slicedString } = codes;
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
}
