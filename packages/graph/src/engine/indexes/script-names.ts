import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";

/** V8 names internal objects `system / …` (Deno's snapshots name every Script node `system / Script`). */
const SYSTEM_NAME = /^system \//;
/** What a `//# sourceMappingURL=` value looks like: a `.map` file or an inline `data:` map. */
const SOURCE_MAP_URL = /(\.map([?#].*)?$)|^data:/i;

/**
 * Finds script names for script ids. The `locations` section gives functions a script id but no
 * name; the name is on the script object the function's shared info points to
 * (`closure -shared-> SharedFunctionInfo -script_or_debug_info-> Script -name-> "file:///..."`).
 * The first function of each script id that leads to a name decides it.
 *
 * A script compiled from a string (`eval`, `new Function`, `vm`) has no `name`; when its source
 * ends with `//# sourceURL=name.js`, V8 keeps that URL in the script's `source_url` field, which
 * the snapshot writes as a `hidden` edge to the string (it has no edge name). The name is then
 * the first string the script holds through a hidden edge: V8 lays `source_url` out before
 * `source_mapping_url`, the only other string field written that way. A lone hidden string that
 * looks like a source map reference (`….map`, `data:`) is taken for the source map URL and
 * ignored. Failing both, the Script node's own name, unless it is V8's `system / Script`.
 *
 * @example
 * ```ts
 * const names = scriptNames(snapshot, snapshotCodes(snapshot));
 * console.log(names.get(99)); // "file:///app/server.mjs"
 * console.log(names.get(128)); // "name.js" (eval'd with //# sourceURL=name.js)
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
    const name = (nameNode >= 0 ? strings[nodeName[nameNode]] : "") || sourceUrl(snapshot, codes, script) || ownName(strings[nodeName[script]]);
    if (name) names.set(scriptId, name);
  }
  return names;
}

/** The `//# sourceURL=` of a script: the first string it holds through a hidden edge, or "" (see {@link scriptNames}). */
function sourceUrl(snapshot: HeapSnapshot, codes: TypeCodes, script: number): string {
  const { nodeType, nodeName, strings, firstEdge, edgeType, edgeTarget } = snapshot;
  const found: string[] = [];
  for (let e = firstEdge[script], end = firstEdge[script + 1]; e < end && found.length < 2; e++) {
    if (edgeType[e] !== codes.edgeHidden) continue;
    const t = edgeTarget[e];
    if (nodeType[t] === codes.string) found.push(strings[nodeName[t]] ?? "");
  }
  if (found.length === 0) return "";
  if (found.length === 1 && SOURCE_MAP_URL.test(found[0])) return "";
  return found[0];
}

function ownName(name: string | undefined): string {
  return name && !SYSTEM_NAME.test(name) ? name : "";
}
