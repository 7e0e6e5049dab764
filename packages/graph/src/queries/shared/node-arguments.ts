import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { isNodeHandle, nodeHandle } from "./option-schemas.ts";
import { QueryError } from "./query-error.ts";
import { checkQueryArgument } from "./query-options.ts";
import { callPredicate } from "./user-callbacks.ts";

/**
 * The ordinal of a node handle, after checking that it is one (`INVALID_OPTIONS` otherwise) and
 * that it belongs to `graph` (`FOREIGN_NODE` otherwise).
 *
 * @example
 * ```ts
 * const o = ordinalOf("pathToRoot", graph, node);
 * ```
 */
export function ordinalOf(query: string, graph: HeapGraph, node: HeapNode): number {
  // The schema reports what is wrong; the common case costs one type test, not a parse.
  if (!isNodeHandle(node)) checkQueryArgument(query, "node", nodeHandle, node);
  if (node.graph !== graph) {
    throw new QueryError("FOREIGN_NODE", `${query}: node @${node.id} belongs to another graph than the one queried`);
  }
  return node.ordinal;
}

/**
 * Ordinals of one node handle or an iterable of them, each checked with {@link ordinalOf}.
 *
 * @example
 * ```ts
 * const starts = ordinalsOf("refs", graph, nodes);
 * ```
 */
export function ordinalsOf(query: string, graph: HeapGraph, nodes: HeapNode | Iterable<HeapNode>): number[] {
  if (typeof nodes === "object" && nodes !== null && Symbol.iterator in nodes) {
    return [...(nodes as Iterable<HeapNode>)].map((n) => ordinalOf(query, graph, n));
  }
  return [ordinalOf(query, graph, nodes as HeapNode)];
}

/**
 * A membership mask over a graph's nodes for a `nodes` option, or null when the option is absent.
 *
 * @example
 * ```ts
 * const mask = nodeMask("typestats", graph, options.nodes);
 * ```
 */
export function nodeMask(query: string, graph: HeapGraph, nodes: Iterable<HeapNode> | undefined): Uint8Array | null {
  if (nodes === undefined) return null;
  const mask = new Uint8Array(graph.nodeCount);
  for (const node of nodes) mask[ordinalOf(query, graph, node)] = 1;
  return mask;
}

/**
 * Ordinals to leave out for an `extraIgnore` option: heap object ids (numbers) or node handles.
 * Ids no node has are ignored, as objgraph ignores ids of objects that are gone.
 *
 * @example
 * ```ts
 * const ignored = ignoredOrdinals("findBackrefChain", graph, [someId, someNode]);
 * ```
 */
export function ignoredOrdinals(query: string, graph: HeapGraph, extraIgnore: Iterable<number | HeapNode> | undefined): Set<number> {
  const ignored = new Set<number>();
  if (extraIgnore === undefined) return ignored;
  for (const item of extraIgnore) {
    if (typeof item === "number") {
      const o = graph.ordinalOfId(item);
      if (o >= 0) ignored.add(o);
    } else {
      ignored.add(ordinalOf(query, graph, item));
    }
  }
  return ignored;
}

/**
 * Narrows `mask` (or all nodes, when null) to the nodes of non-zero shallow size that `filter`
 * accepts — the nodes a counting query counts under DevTools' rules. `filter` is the caller's
 * predicate; an exception from it becomes a {@link QueryError} naming `query`.
 *
 * @example
 * ```ts
 * const mask = filterMask(graph, "typestats", (n) => n.distance < 10, nodeMask("typestats", graph, nodes));
 * ```
 */
export function filterMask(graph: HeapGraph, query: string, filter: (node: HeapNode) => boolean, mask: Uint8Array | null): Uint8Array {
  const out = new Uint8Array(graph.nodeCount);
  const sizes = graph.selfSizes();
  for (let o = 0; o < graph.nodeCount; o++) {
    if ((mask && !mask[o]) || sizes[o] === 0) continue;
    if (callPredicate(query, "filter", filter, graph.node(o))) out[o] = 1;
  }
  return out;
}
