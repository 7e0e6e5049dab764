/**
 * objgraph's `by_type(typename)` over the running process: the live objects themselves.
 *
 * @module
 */
import { byType as byTypeInGraph, type HeapNode } from "@heapgraph/graph";
import { detectRuntime, NotSupportedError, objectAt } from "@heapgraph/snapshot";
import { countingGraph } from "./graph-of-nodes.ts";
import { checkName, type LiveCountOptions } from "./count.ts";
import { checkLiveOptions } from "./live-options.ts";
import { SNAPSHOT_OPTIONS } from "./live-snapshot.ts";

/**
 * Options of {@link byType}.
 *
 * @example
 * ```ts
 * await byType("Session", { limit: 100 });
 * ```
 */
export interface LiveByTypeOptions extends LiveCountOptions {
  /** Return at most this many objects (default all). */
  limit?: number;
}

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
  checkLiveOptions("byType", options, { ...SNAPSHOT_OPTIONS, objects: "iterable", limit: "limit" });
  const runtime = detectRuntime();
  if (runtime === "bun") {
    throw new NotSupportedError(
      "byType",
      runtime,
      "Bun cannot hand live objects back from a heap snapshot; use queries.byType(await liveGraph(), name) for node handles instead",
    );
  }
  const counting = await countingGraph("byType", options.objects, options);
  if (!counting) return [];
  const found: HeapNode[] = byTypeInGraph(counting.graph, name, counting.nodes ? { nodes: counting.nodes } : {});
  const ids = found.slice(0, options.limit ?? Infinity).map((n) => n.id);
  const objects: unknown[] = [];
  for (const id of ids) {
    const value = await objectAt(id);
    if (value !== undefined) objects.push(value);
  }
  return objects;
}
