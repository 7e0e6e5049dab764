import type { HeapGraph } from "../../engine/index.ts";

/**
 * Internal edges of a native context to caches V8 fills on first use: API functions instantiated
 * from the embedder's templates (Node makes some the first time a heap snapshot is streamed).
 */
const ENGINE_CACHE_EDGES = new Set(["fast_template_instantiations_cache", "slow_template_instantiations_cache", "template_instantiations_cache"]);

/**
 * Whether a node's retaining path (see `retentionTree`) passes through one of V8's caches of
 * instantiated API templates: objects the engine made on first use of a runtime feature, which are
 * new since a baseline without being a leak of the program. Memoized down the retention tree.
 *
 * @example
 * ```ts
 * const inCache = heldByEngineCaches(final);
 * if (inCache(o)) console.log("made by the engine on first use");
 * ```
 */
export function heldByEngineCaches(graph: HeapGraph): (o: number) => boolean {
  const { parent, parentEdge } = graph.retentionTree();
  // 0 unknown, 1 no, 2 yes.
  const memo = new Uint8Array(graph.nodeCount);
  return (o) => {
    const pending: number[] = [];
    let x = o;
    while (x >= 0 && memo[x] === 0) {
      pending.push(x);
      x = parent[x];
    }
    let answer = x < 0 ? 1 : memo[x];
    for (let i = pending.length - 1; i >= 0; i--) {
      const node = pending[i];
      if (answer === 1 && parentEdge[node] >= 0 && graph.edgeTypeName(parentEdge[node]) === "internal" && ENGINE_CACHE_EDGES.has(graph.edgeName(parentEdge[node]))) answer = 2;
      memo[node] = answer;
    }
    return memo[o] === 2;
  };
}
