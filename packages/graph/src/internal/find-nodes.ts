import { matchClasses } from "./class-match.ts";
import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { QueryError } from "./query-error.ts";
import { checkOptions, describeValue, nodeMask } from "./query-options.ts";

/**
 * Options of {@link byType}.
 *
 * @example
 * ```ts
 * byType(graph, "Item", { nodes: leakingObjects(graph) });
 * ```
 */
export interface ByTypeOptions {
  /** Look among these nodes only. */
  nodes?: Iterable<HeapNode>;
}

/**
 * Options of {@link nodesByIds}.
 *
 * @example
 * ```ts
 * nodesByIds(graph, [92013, 92015], { strict: true });
 * ```
 */
export interface NodesByIdsOptions {
  /** Throw `NOT_FOUND` naming the missing ids instead of skipping them (default false). */
  strict?: boolean;
}

/**
 * The instances of a class, as node handles in snapshot order (objgraph's `by_type`). `name` is
 * a class name (all classes of that name) or a qualified name (`script:line:name` or its tail),
 * as for `count`. Nodes of size 0 are left out, as `count` leaves them out.
 *
 * @example
 * ```ts
 * const [first] = byType(graph, "MyBigFatObject");
 * console.log(first.id, first.retainedSize);
 * ```
 */
export function byType(graph: HeapGraph, name: string, options: ByTypeOptions = {}): HeapNode[] {
  checkOptions("byType", options, { nodes: "nodes" });
  const classes = matchClasses(graph, name);
  if (classes.length === 0) return [];
  const wanted = new Uint8Array(graph.classes().names.length);
  for (const c of classes) wanted[c] = 1;
  const mask = nodeMask("byType", graph, options.nodes);
  const { classOf } = graph.classes();
  const sizes = graph.selfSizes();
  const out: HeapNode[] = [];
  for (let o = 0; o < graph.nodeCount; o++) {
    if (wanted[classOf[o]] && sizes[o] > 0 && (!mask || mask[o])) out.push(graph.node(o));
  }
  return out;
}

/**
 * The node with heap object id `id`, or undefined (objgraph's `at`). Ids are V8's `@12345`
 * numbers, as DevTools shows them.
 *
 * @example
 * ```ts
 * const node = nodeById(graph, 92013);
 * ```
 */
export function nodeById(graph: HeapGraph, id: number): HeapNode | undefined {
  if (typeof id !== "number" || !Number.isInteger(id)) {
    throw new QueryError("INVALID_OPTIONS", `nodeById: id must be an integer, got ${describeValue(id)}`);
  }
  return graph.nodeById(id);
}

/**
 * The nodes with these heap object ids, in the order given (objgraph's `at_addrs`). Ids no node
 * has are skipped, or throw `NOT_FOUND` with `strict: true`.
 *
 * @example
 * ```ts
 * const fresh = nodesByIds(after, newObjects(before, after).classes[0].ids);
 * ```
 */
export function nodesByIds(graph: HeapGraph, ids: Iterable<number>, options: NodesByIdsOptions = {}): HeapNode[] {
  checkOptions("nodesByIds", options, { strict: "boolean" });
  const out: HeapNode[] = [];
  const missing: number[] = [];
  for (const id of ids) {
    const node = nodeById(graph, id);
    if (node) out.push(node);
    else missing.push(id);
  }
  if (options.strict && missing.length > 0) {
    const shown = missing.slice(0, 10).map((id) => `@${id}`).join(", ");
    throw new QueryError("NOT_FOUND", `nodesByIds: no node has id ${shown}${missing.length > 10 ? ` and ${missing.length - 10} more` : ""}`);
  }
  return out;
}
