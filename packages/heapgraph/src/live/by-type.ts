/**
 * objgraph's `by_type(typename)` over the running process: the live objects themselves.
 *
 * @module
 */
import { byType as byTypeInGraph, type HeapNode } from "@heapgraph/graph";
import { detectRuntime, NotSupportedError } from "@heapgraph/snapshot";
import { objectsAt } from "./at.ts";
import type { z } from "zod";
import { countingGraph } from "./graph-of-nodes.ts";
import { checkName } from "./count.ts";
import { limitOption, liveOptions, nodesOption, parseLiveOptions, SNAPSHOT_SHAPE } from "./live-options.ts";

/**
 * The schema of {@link LiveByTypeOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("byType", liveByTypeOptions, { limit: 100 });
 * ```
 */
export const liveByTypeOptions = liveOptions({
  ...SNAPSHOT_SHAPE,
  /** Look among these node handles (in their own graph) instead of a fresh snapshot (objgraph's `objects=`). */
  objects: nodesOption,
  /** Return at most this many objects (default all). */
  limit: limitOption,
});

/**
 * Options of {@link byType}: `objects`, `limit` (default all) and `gc`.
 *
 * @example
 * ```ts
 * const options: LiveByTypeOptions = { limit: 100 };
 * await byType("Session", options);
 * ```
 */
export type LiveByTypeOptions = z.input<typeof liveByTypeOptions>;

/**
 * The live instances of class `name` in this process (objgraph's `by_type`): a fresh snapshot
 * finds them, and each is fetched back by its heap id (`objectAt`), so what you get are the
 * objects themselves, `===` to the ones your code holds. Instances collected since the snapshot
 * are left out. Fetching costs one in-process inspector round trip per object: use `limit` for
 * classes with many thousands.
 *
 * Node and Deno (with `--allow-sys`). On Bun it throws `NotSupportedError`: Bun has no
 * in-process inspector to hand objects back. There, `queries.byType(await liveGraph(), name)`
 * gives the node handles, which `showRefs`, `showBackrefs` and `findBackrefChain` accept.
 *
 * @example
 * ```ts
 * import { byType, findBackrefChain, isGlobal, showChain } from "heapgraph";
 * const fat = await byType("MyBigFatObject");
 * const one = fat[Math.floor(Math.random() * fat.length)];
 * await showChain(await findBackrefChain(one, isGlobal));
 * ```
 */
export async function byType(name: string, options: LiveByTypeOptions = {}): Promise<unknown[]> {
  checkName("byType", name);
  const { objects, limit = Infinity, gc } = parseLiveOptions("byType", liveByTypeOptions, options);
  const runtime = detectRuntime();
  if (runtime === "bun") {
    throw new NotSupportedError(
      "byType",
      runtime,
      "Bun cannot hand live objects back from a heap snapshot; use queries.byType(await liveGraph(), name) for node handles instead",
    );
  }
  const counting = await countingGraph("byType", objects, { gc });
  if (!counting) return [];
  const found: HeapNode[] = byTypeInGraph(counting.graph, name, counting.nodes ? { nodes: counting.nodes } : {});
  return objectsAt(found.slice(0, limit).map((n) => n.id));
}
