import type { HeapNode } from "../../engine/index.ts";
import { QueryError } from "./query-error.ts";

/**
 * Calls a user predicate on a node, wrapping what it throws in a {@link QueryError}
 * `INVALID_OPTIONS` that names the query, the option and the node.
 *
 * @example
 * ```ts
 * if (callPredicate("refs", "filter", options.filter, graph.node(o))) keep(o);
 * ```
 */
export function callPredicate(query: string, option: string, predicate: (node: HeapNode) => unknown, node: HeapNode): boolean {
  return Boolean(callUser(query, option, predicate, node));
}

/**
 * Calls a user `extraInfo` on a node: its line as a string, or undefined when it returns nothing;
 * what it throws is wrapped as by {@link callPredicate}.
 *
 * @example
 * ```ts
 * const info = callExtraInfo("refs", options.extraInfo, graph.node(o)); // "12 kB" or undefined
 * ```
 */
export function callExtraInfo(query: string, extraInfo: (node: HeapNode) => unknown, node: HeapNode): string | undefined {
  const value = callUser(query, "extraInfo", extraInfo, node);
  return value === undefined || value === null ? undefined : String(value);
}

/** Calls `fn` (the caller's `option`) on `node`; what it throws becomes a QueryError that says so (the message is made only then). */
function callUser(query: string, option: string, fn: (node: HeapNode) => unknown, node: HeapNode): unknown {
  try {
    return fn(node);
  } catch (error) {
    const what = option === "extraInfo" ? option : `the ${option} predicate`;
    throw new QueryError("INVALID_OPTIONS", `${query}: ${what} threw on node @${node.id} (${node.className})`, { cause: error });
  }
}
