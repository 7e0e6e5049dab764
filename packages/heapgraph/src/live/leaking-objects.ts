/**
 * objgraph's `get_leaking_objects()` over the running process.
 *
 * @module
 */
import { leakingObjects, type HeapNode } from "@heapgraph/graph";
import type { z } from "zod";
import { flagOption, liveOptions, parseLiveOptions, SNAPSHOT_SHAPE } from "./live-options.ts";
import { liveGraph } from "./live-snapshot.ts";

/**
 * The schema of {@link GetLeakingObjectsOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("getLeakingObjects", getLeakingObjectsOptions, { internals: true });
 * ```
 */
export const getLeakingObjectsOptions = liveOptions({
  ...SNAPSHOT_SHAPE,
  /** Include strings, code, V8 plumbing and embedder objects, not only JavaScript objects (default false). */
  internals: flagOption,
});

/**
 * Options of {@link getLeakingObjects}: `internals` (default false) and `gc`.
 *
 * @example
 * ```ts
 * const options: GetLeakingObjectsOptions = { internals: true };
 * await getLeakingObjects(options);
 * ```
 */
export type GetLeakingObjectsOptions = z.input<typeof getLeakingObjectsOptions>;

/**
 * The objects of this process that only native code holds — no JavaScript object refers to them,
 * only handles that the runtime or an add-on keeps (`(Global handles)`, `(Handle scope)`, embedder
 * roots): the JavaScript twin of objgraph's "objects no tracked object refers to". A native
 * leak (a `napi_ref` never deleted) shows up here.
 *
 * Returned as node handles of a fresh snapshot, not live objects: many are the runtime's own
 * internals, which JavaScript cannot hold. Count them with `showMostCommonTypes({ objects })`,
 * draw a few with `showRefs(roots.slice(0, 3))`, or fetch one with `at(node.id)`. As objgraph
 * warns, many are legitimate (the runtime's own bindings): compare before and after.
 *
 * @example
 * ```ts
 * import { getLeakingObjects, showMostCommonTypes, showRefs } from "heapgraph";
 * const roots = await getLeakingObjects();
 * await showMostCommonTypes({ objects: roots });
 * await showRefs(roots.slice(0, 3));
 * ```
 */
export async function getLeakingObjects(options: GetLeakingObjectsOptions = {}): Promise<HeapNode[]> {
  const { gc, internals } = parseLiveOptions("getLeakingObjects", getLeakingObjectsOptions, options);
  const graph = await liveGraph({ gc });
  return leakingObjects(graph, internals === undefined ? {} : { internals });
}
