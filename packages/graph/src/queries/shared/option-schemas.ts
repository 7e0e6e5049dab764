/**
 * The zod building blocks of the queries' option schemas: each query's schema in its own file is
 * made of these, so that the same kind of value is checked, and reported, the same way everywhere.
 *
 * @module
 */
import { z } from "zod";
import type { HeapNode } from "../../engine/index.ts";

/**
 * A non-negative integer (depths, counts).
 *
 * @example
 * ```ts
 * z.strictObject({ maxDepth: wholeNumber.optional() });
 * ```
 */
export const wholeNumber = z.number().int().min(0);

/**
 * How many rows: a positive integer, or `Infinity` for all.
 *
 * @example
 * ```ts
 * z.strictObject({ limit: rowLimit.optional() });
 * ```
 */
export const rowLimit = z.union([z.number().int().positive(), z.literal(Infinity)], { error: "expected a positive integer or Infinity" });

/**
 * A number from 0 to 1 (shares, similarities).
 *
 * @example
 * ```ts
 * z.strictObject({ threshold: fraction.optional() });
 * ```
 */
export const fraction = z.number().min(0).max(1);

/**
 * A caller's function of the given type (a predicate, an `extraInfo`, a progress callback). Only
 * that it is a function is checked; what it returns is the query's business.
 *
 * @example
 * ```ts
 * const extraInfo = callback<(node: HeapNode) => string | undefined | null>();
 * ```
 */
export function callback<F extends (...args: never[]) => unknown>() {
  return z.custom<F>((value) => typeof value === "function", { error: "expected a function" });
}

/**
 * A predicate on node handles (`filter`, `highlight`, `cull`, chain predicates).
 *
 * @example
 * ```ts
 * z.strictObject({ filter: nodePredicate.optional() });
 * ```
 */
export const nodePredicate = callback<(node: HeapNode) => boolean>();

/**
 * Whether a value can be iterated over like an array (and is not a string).
 *
 * @example
 * ```ts
 * isIterable([1, 2]); // true
 * isIterable("ab"); // false
 * ```
 */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.iterator in value;
}

/**
 * An array, or other iterable, of node handles (`nodes`). Each handle is checked where it is used.
 *
 * @example
 * ```ts
 * z.strictObject({ nodes: nodeList.optional() });
 * ```
 */
export const nodeList = z.custom<Iterable<HeapNode>>(isIterable, { error: "expected an array (or other iterable) of nodes" });

/**
 * An array, or other iterable, of heap object ids or node handles to leave out (`extraIgnore`).
 *
 * @example
 * ```ts
 * z.strictObject({ extraIgnore: ignoreList.optional() });
 * ```
 */
export const ignoreList = z.custom<Iterable<number | HeapNode>>(isIterable, {
  error: "expected an array (or other iterable) of heap object ids or nodes",
});

/**
 * Whether a value looks like a node handle (from `graph.node()`, `byType()`, `nodeById()`, ...).
 *
 * @example
 * ```ts
 * if (!isNodeHandle(value)) throw new TypeError("not a node");
 * ```
 */
export function isNodeHandle(value: unknown): value is HeapNode {
  return typeof value === "object" && value !== null && typeof (value as { ordinal?: unknown }).ordinal === "number";
}

/**
 * A node handle.
 *
 * @example
 * ```ts
 * checkQueryArgument("pathToRoot", "node", nodeHandle, value);
 * ```
 */
export const nodeHandle = z.custom<HeapNode>(isNodeHandle, {
  error: "expected a node handle (from graph.node(), byType(), nodeById(), ...)",
});

/**
 * A class name or qualified class name: a non-empty string.
 *
 * @example
 * ```ts
 * checkQueryArgument("count", "name", className, "Item");
 * ```
 */
export const className = z.string().min(1);

/**
 * The option of the queries that match objects across snapshots by id (`newObjects`, `compare`,
 * `findLeaks`).
 *
 * @example
 * ```ts
 * const compareOptions = z.strictObject({ ...stableIdsOption });
 * ```
 */
export const stableIdsOption = {
  /**
   * Whether heap object ids are stable across the snapshots given. By default heapgraph decides:
   * V8's ids are (Node, Deno, Chrome: same process, same id); Bun's V8-format output numbers
   * the nodes of every snapshot afresh, and JavaScriptCore-format snapshots have no V8 ids.
   * `true` skips the check; `false` refuses.
   */
  stableIds: z.boolean().optional(),
};
