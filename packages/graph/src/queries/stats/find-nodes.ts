import { z } from "zod";
import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { nodeMask } from "../shared/node-arguments.ts";
import { isIterable, nodeList } from "../shared/option-schemas.ts";
import { QueryError } from "../shared/query-error.ts";
import { checkQueryArgument, parseQueryOptions } from "../shared/query-options.ts";
import { matchClasses } from "./class-match.ts";

/**
 * The schema of {@link byType}'s options.
 *
 * @example
 * ```ts
 * byTypeOptions.parse({ nodes: [] });
 * ```
 */
export const byTypeOptions = z.strictObject({
  /** Look among these nodes only. */
  nodes: nodeList.optional(),
});

/**
 * Options of {@link byType}.
 *
 * @example
 * ```ts
 * byType(graph, "Item", { nodes: leakingObjects(graph) });
 * ```
 */
export type ByTypeOptions = z.input<typeof byTypeOptions>;

/**
 * The schema of {@link nodesByIds}' options.
 *
 * @example
 * ```ts
 * nodesByIdsOptions.parse({ strict: true });
 * ```
 */
export const nodesByIdsOptions = z.strictObject({
  /** Throw `NOT_FOUND` naming the missing ids instead of skipping them (default false). */
  strict: z.boolean().optional(),
});

/**
 * Options of {@link nodesByIds}.
 *
 * @example
 * ```ts
 * nodesByIds(graph, [92013, 92015], { strict: true });
 * ```
 */
export type NodesByIdsOptions = z.input<typeof nodesByIdsOptions>;

/** A heap object id. */
const heapId = z.number().int();
/** Heap object ids, once collected from the caller's iterable. */
const heapIds = z.array(heapId);

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
  const { nodes } = parseQueryOptions("byType", byTypeOptions, options);
  const classes = matchClasses("byType", graph, name);
  if (classes.length === 0) return [];
  const wanted = new Uint8Array(graph.classes().names.length);
  for (const c of classes) wanted[c] = 1;
  const mask = nodeMask("byType", graph, nodes);
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
  return graph.nodeById(checkQueryArgument("nodeById", "id", heapId, id));
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
  const { strict } = parseQueryOptions("nodesByIds", nodesByIdsOptions, options);
  const list = checkQueryArgument("nodesByIds", "ids", heapIds, isIterable(ids) ? [...ids] : ids);
  const out: HeapNode[] = [];
  const missing: number[] = [];
  for (const id of list) {
    const node = graph.nodeById(id);
    if (node) out.push(node);
    else missing.push(id);
  }
  if (strict && missing.length > 0) {
    const shown = missing.slice(0, 10).map((id) => `@${id}`).join(", ");
    throw new QueryError("NOT_FOUND", `nodesByIds: no node has id ${shown}${missing.length > 10 ? ` and ${missing.length - 10} more` : ""}`);
  }
  return out;
}
