import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";

/**
 * Finds script names for script ids. The `locations` section gives functions a script id but no
 * name; the name is on the script object the function's shared info points to
 * (`closure -shared-> SharedFunctionInfo -script_or_debug_info-> Script -name-> "file:///..."`).
 * The first function of each script id that leads to a name decides it.
 *
 * @example
 * ```ts
 * const names = scriptNames(snapshot, snapshotCodes(snapshot));
 * console.log(names.get(99)); // "file:///app/server.mjs"
 * ```
 */
export function scriptNames(snapshot: HeapSnapshot, codes: TypeCodes): Map<number, string> {
  const names = new Map<number, string>();
  const locations = snapshot.locations;
  if (!locations) return names;
  const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget } = snapshot;
  const { closure, edgeInternal } = codes;
  const internalEdge = (o: number, ...wanted: string[]): number => {
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      if (edgeType[e] === edgeInternal && wanted.includes(strings[edgeNameOrIndex[e]])) return edgeTarget[e];
    }
    return -1;
  };
  for (let i = 0; i < locations.count; i++) {
    const scriptId = locations.scriptId[i];
    if (names.has(scriptId)) continue;
    const o = locations.objectOrdinal[i];
    if (o >= nodeCount || nodeType[o] !== closure) continue;
    const shared = internalEdge(o, "shared");
    if (shared < 0) continue;
    const script = internalEdge(shared, "script_or_debug_info", "script");
    if (script < 0) continue;
    const nameNode = internalEdge(script, "name");
    const name = nameNode >= 0 ? strings[nodeName[nameNode]] : strings[nodeName[script]];
    if (name) names.set(scriptId, name);
  }
  return names;
}
