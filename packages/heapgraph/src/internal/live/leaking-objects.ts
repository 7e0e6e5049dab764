/**
 * objgraph's `get_leaking_objects()` over the running process.
 *
 * @module
 */
import { leakingObjects, type HeapNode } from "@heapgraph/graph";
import { checkLiveOptions } from "./live-options.ts";
import { liveGraph, SNAPSHOT_OPTIONS, type LiveSnapshotOptions } from "./live-snapshot.ts";

/**
 * Options of {@link getLeakingObjects}.
 *
 * @example
 * ```ts
 * await getLeakingObjects({ internals: true });
 * ```
 */
export interface GetLeakingObjectsOptions extends LiveSnapshotOptions {
  /** Include strings, code, V8 plumbing and embedder objects, not only JavaScript objects (default false). */
  internals?: boolean;
}

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
  checkLiveOptions("getLeakingObjects", options, { ...SNAPSHOT_OPTIONS, internals: "boolean" });
  const graph = await liveGraph({ gc: options.gc ?? false });
  return leakingObjects(graph, options.internals === undefined ? {} : { internals: options.internals });
}
