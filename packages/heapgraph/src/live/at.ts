/**
 * objgraph's `at(addr)` and `at_addrs(address_set)`: from heap ids back to the live objects.
 *
 * @module
 */
import { objectAt, type HeapIdOptions } from "@heapgraph/snapshot";
import { LiveError } from "./live-error.ts";
import { describeValue } from "./live-options.ts";

/**
 * The live object of this process whose heap snapshot id is `id` (the `@id` in heapgraph's
 * graphs and tables, a node's `id`), or `undefined` when none is alive with that id (collected,
 * or internal to V8). objgraph's `at(address)`; `objectAt` of `@heapgraph/snapshot` under the
 * objgraph name.
 *
 * Node and Deno (with `--allow-sys`); Bun throws `NotSupportedError` (no in-process inspector,
 * and ids that do not outlive one snapshot). `options.timeoutMs` bounds the inspector's work.
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

/**
 * The live objects of this process with these heap ids — objgraph's `at_addrs`, e.g. for the
 * ids `getNewIds()` returns. Ids with no live object (collected since, or internal to V8) are
 * left out; the others come in the order given.
 *
 * Node and Deno (with `--allow-sys`); Bun throws `NotSupportedError`.
 *
 * @throws {LiveError} `INVALID_ARGUMENT` when `ids` is not an iterable of positive whole numbers.
 *
 * @example
 * ```ts
 * import { atAddrs, getNewIds } from "heapgraph";
 * await getNewIds({ limit: 0 });
 * const a = [0, 1, 2];
 * const newArrays = await atAddrs((await getNewIds()).get("Array") ?? []);
 * newArrays.includes(a); // true
 * ```
 */
export async function atAddrs(ids: Iterable<number>): Promise<unknown[]> {
  if (typeof ids !== "object" || ids === null || !(Symbol.iterator in ids)) {
    throw new LiveError("INVALID_ARGUMENT", `atAddrs: expected an array (or other iterable) of heap ids, got ${describeValue(ids)}`);
  }
  const list = [...ids];
  const bad = list.find((id) => !Number.isSafeInteger(id) || id <= 0);
  if (bad !== undefined) throw new LiveError("INVALID_ARGUMENT", `atAddrs: heap ids are positive whole numbers, got ${describeValue(bad)}`);
  return objectsAt(list);
}

/**
 * The live objects with these (valid) heap ids, in order, without the ids that have none.
 *
 * @example
 * ```ts
 * const objects = await objectsAt(nodes.map((n) => n.id));
 * ```
 */
export async function objectsAt(ids: readonly number[]): Promise<unknown[]> {
  const objects: unknown[] = [];
  for (const id of ids) {
    const value = await objectAt(id);
    if (value !== undefined) objects.push(value);
  }
  return objects;
}
