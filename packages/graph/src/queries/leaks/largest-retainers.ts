import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { rowLimit } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import type { RetainerRow } from "./leak-rows.ts";

/**
 * The schema of {@link largestRetainers}' options.
 *
 * @example
 * ```ts
 * largestRetainersOptions.parse({ limit: 25 });
 * ```
 */
export const largestRetainersOptions = z.strictObject({
  /** How many rows (default 10; `Infinity` for all). */
  limit: rowLimit.optional(),
});

/**
 * Options of {@link largestRetainers}.
 *
 * @example
 * ```ts
 * largestRetainers(graph, { limit: 25 });
 * ```
 */
export type LargestRetainersOptions = z.input<typeof largestRetainersOptions>;

/**
 * The objects that keep the most memory alive, in the manner of Eclipse MAT's "biggest objects"
 * over the dominator tree. The tree is walked from the root through the nodes that only hold
 * the heap together — GC roots, global objects, V8's `system / ...` objects (contexts, module
 * records, native contexts) and plumbing — and the first program objects met below them are
 * ranked by retained size. So a module-level `cache` object shows up as itself, not as the module
 * context that holds it; what a listed object dominates is not listed again.
 *
 * @example
 * ```ts
 * for (const row of largestRetainers(graph, { limit: 5 })) console.log(row.className, row.retainedSize, row.share);
 * ```
 */
export function largestRetainers(graph: HeapGraph, options: LargestRetainersOptions = {}): RetainerRow[] {
  const { limit = 10 } = parseQueryOptions("largestRetainers", largestRetainersOptions, options);
  const total = graph.retainedSizes()[graph.rootOrdinal] || 1;
  return graph.topObjects().slice(0, limit).map((o) => retainerRow(graph, o, total));
}

/**
 * The row of one node.
 *
 * @example
 * ```ts
 * const row = retainerRow(graph, node.ordinal, graph.retainedSizes()[graph.rootOrdinal]);
 * ```
 */
export function retainerRow(graph: HeapGraph, o: number, total: number): RetainerRow {
  const node = graph.node(o);
  const dominatedBy: string[] = [];
  const dominators = graph.dominators();
  for (let d = dominators[o]; d !== graph.rootOrdinal && dominatedBy.length < graph.nodeCount; d = dominators[d]) {
    dominatedBy.push(graph.className(d));
  }
  return {
    id: node.id,
    className: node.className,
    preview: node.describe(),
    selfSize: node.selfSize,
    retainedSize: node.retainedSize,
    share: node.retainedSize / total,
    dominatedBy: dominatedBy.reverse(),
  };
}
