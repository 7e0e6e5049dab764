/**
 * The `objects` option of the live calls that count (objgraph's `objects=`): node handles of one
 * graph, counted in that graph instead of a fresh snapshot.
 *
 * @module
 */
import type { HeapGraph, HeapNode } from "@heapgraph/graph";
import { LiveError } from "./live-error.ts";
import { describeValue } from "./live-options.ts";
import { isHeapNode } from "./locate.ts";
import { liveGraph, type LiveSnapshotOptions } from "./live-snapshot.ts";

/**
 * The graph to count in and the nodes to count among: the graph of `objects` (node handles of
 * one graph, e.g. from `getLeakingObjects()`), or a snapshot taken now when `objects` is absent;
 * null when `objects` is empty (there is nothing to count, and no graph to count in).
 *
 * @throws {LiveError} `INVALID_ARGUMENT` when `objects` holds anything but node handles of one graph.
 *
 * @example
 * ```ts
 * const counting = await countingGraph("count", options.objects, options);
 * if (counting) console.log(counting.graph.nodeCount);
 * ```
 */
export async function countingGraph(
  call: string,
  objects: Iterable<HeapNode> | undefined,
  options: LiveSnapshotOptions,
): Promise<{ graph: HeapGraph; nodes: HeapNode[] | undefined } | null> {
  if (objects === undefined) return { graph: await liveGraph({ gc: options.gc ?? false }), nodes: undefined };
  const nodes = [...objects];
  if (nodes.length === 0) return null;
  const graph = isHeapNode(nodes[0]) ? nodes[0].graph : null;
  const stranger = nodes.find((n) => !isHeapNode(n) || n.graph !== graph);
  if (stranger !== undefined || graph === null) {
    throw new LiveError(
      "INVALID_ARGUMENT",
      `${call}: objects must be node handles of one graph (from getLeakingObjects(), liveGraph(), ...), got ${describeValue(stranger)}`,
    );
  }
  return { graph, nodes };
}
