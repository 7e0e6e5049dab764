import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "../graph-index-types.ts";

/**
 * One byte per node: 1 for nodes that only hold the heap together — the root, GC roots (synthetic
 * nodes), hidden nodes, global objects, V8's `system / ...` objects (contexts, module records,
 * native contexts) and plumbing; 0 for program objects. `largestRetainers` and `leakSuspects` look
 * through containers. The engine computes it once per graph (`graph.containerMask()`).
 *
 * @example
 * ```ts
 * const containers = containerMask(snapshot, codes, plumbingMask(snapshot, codes), globalMask(snapshot, codes));
 * if (!containers[o]) console.log("a program object");
 * ```
 */
export function containerMask(snapshot: HeapSnapshot, codes: TypeCodes, plumbing: Uint8Array, globals: Uint8Array): Uint8Array {
  const { nodeCount, nodeType, nodeName, strings, rootOrdinal } = snapshot;
  const system = new Map<number, boolean>();
  const mask = new Uint8Array(nodeCount);
  for (let o = 0; o < nodeCount; o++) {
    const t = nodeType[o];
    if (t === codes.synthetic || plumbing[o] || globals[o] || t === codes.hidden) {
      mask[o] = 1;
      continue;
    }
    if (t === codes.string || t === codes.consString || t === codes.slicedString) continue;
    let s = system.get(nodeName[o]);
    if (s === undefined) system.set(nodeName[o], (s = (strings[nodeName[o]] ?? "").startsWith("system / ")));
    if (s) mask[o] = 1;
  }
  mask[rootOrdinal] = 1;
  return mask;
}
