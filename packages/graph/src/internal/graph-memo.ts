import type { HeapGraph } from "./heap-graph-types.ts";

const memos = new WeakMap<HeapGraph, Map<string, unknown>>();

/**
 * Computes a per-graph index once and keeps it as long as the graph lives (a WeakMap keyed by the
 * graph), so that queries share their indexes without the graph having to know about them.
 *
 * @example
 * ```ts
 * const globals = memoize(graph, "globals", () => findGlobals(graph));
 * ```
 */
export function memoize<T>(graph: HeapGraph, key: string, compute: () => T): T {
  let memo = memos.get(graph);
  if (!memo) memos.set(graph, (memo = new Map()));
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}
