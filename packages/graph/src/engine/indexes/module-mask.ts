import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";

/** Names of ES module records (V8) and module objects (JavaScriptCore, in Bun's V8-format output). */
const MODULE_RECORD_NAMES = new Set([
  "system / SourceTextModule",
  "system / SyntheticModule",
  "ModuleRecord",
  "ModuleNamespaceObject",
  "CommonJSModuleRecord",
]);

/**
 * One byte per node: 1 for modules — an ES module record (`system / SourceTextModule`,
 * `system / SyntheticModule`), an ES module namespace object (a `Module` object that points to
 * its record), a CommonJS `Module` object (a `Module` with `exports` and `filename` or `id`
 * properties), or Bun's `ModuleRecord` / `ModuleNamespaceObject`. The engine computes it once per
 * graph (`graph.moduleMask()`).
 *
 * @example
 * ```ts
 * const modules = moduleMask(snapshot, snapshotCodes(snapshot));
 * if (modules[o]) console.log("a module");
 * ```
 */
export function moduleMask(snapshot: HeapSnapshot, codes: TypeCodes): Uint8Array {
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
}
