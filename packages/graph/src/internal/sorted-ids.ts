import type { HeapGraph } from "./heap-graph-types.ts";
import { memoize } from "./graph-memo.ts";

/**
 * A graph's heap object ids, sorted, for membership tests by binary search (computed once).
 *
 * @example
 * ```ts
 * const ids = sortedIds(before);
 * if (!hasId(ids, after.snapshot.nodeId[o])) console.log("new since before");
 * ```
 */
export function sortedIds(graph: HeapGraph): Uint32Array {
  return memoize(graph, "sortedIds", () => Uint32Array.from(graph.snapshot.nodeId).sort());
}

/**
 * Whether sorted `ids` contains `id`.
 *
 * @example
 * ```ts
 * hasId(sortedIds(before), 92013);
 * ```
 */
export function hasId(ids: Uint32Array, id: number): boolean {
  let lo = 0, hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid];
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The ids of a graph's nodes of non-zero size, sorted: the objects DevTools' Comparison view
 * matches (computed once).
 *
 * @example
 * ```ts
 * const counted = countedIds(before);
 * ```
 */
export function countedIds(graph: HeapGraph): Uint32Array {
  return memoize(graph, "countedIds", () => {
    const sizes = graph.selfSizes();
    const ids = graph.snapshot.nodeId;
    let n = 0;
    for (let o = 0; o < ids.length; o++) if (sizes[o] > 0) n++;
    const out = new Uint32Array(n);
    for (let o = 0, i = 0; o < ids.length; o++) if (sizes[o] > 0) out[i++] = ids[o];
    return out.sort();
  });
}
