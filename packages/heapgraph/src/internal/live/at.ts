/**
 * objgraph's `at(addr)`: from a heap id back to the live object.
 *
 * @module
 */
import { objectAt, type HeapIdOptions } from "@heapgraph/snapshot";

/**
 * The live object of this process whose heap snapshot id is `id` (the `@id` in heapgraph's
 * graphs and tables, a node's `id`), or `undefined` when none is alive with that id (collected,
 * or internal to V8). objgraph's `at(address)`; `objectAt` of `@heapgraph/snapshot` under the
 * objgraph name.
 *
 * Node and Deno (with `--allow-sys`); Bun throws `NotSupportedError` (no in-process inspector,
 * and ids that do not outlive one snapshot).
 *
 * @example
 * ```ts
 * import { at, liveGraph, queries } from "heapgraph";
 * const [node] = queries.byType(await liveGraph(), "Session");
 * const session = await at(node.id); // the Session object itself
 * ```
 */
export function at(id: number, options: HeapIdOptions = {}): Promise<unknown> {
  return objectAt(id, options);
}
