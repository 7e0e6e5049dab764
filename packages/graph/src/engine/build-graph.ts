import type { HeapSnapshot } from "@heapgraph/snapshot";
import { buildGraphOptions, type BuildGraphOptions } from "./build-options.ts";
import { Graph } from "./graph.ts";
import { GraphError } from "./graph-error.ts";
import type { HeapGraph } from "./heap-graph-types.ts";
import { parseGraphOptions } from "./parse-graph-options.ts";

/**
 * Indexes a parsed snapshot for queries. Nothing heavy happens here: retainers, classes,
 * distances, dominators and retained sizes are computed the first time something needs them,
 * then cached, each reporting through `options.onProgress`. All of them follow Chrome DevTools'
 * rules, so the numbers equal the ones DevTools shows for the same file. Bad options throw
 * `GraphError` `INVALID_OPTIONS`; a snapshot whose structure cannot be indexed, `INVALID_SNAPSHOT`.
 *
 * @example
 * ```ts
 * import { readSnapshot } from "@heapgraph/snapshot";
 * import { buildGraph } from "@heapgraph/graph";
 *
 * const graph = buildGraph(await readSnapshot("app.heapsnapshot"), {
 *   onProgress: ({ phase, done, total }) => console.error(phase, Math.round((100 * done) / total), "%"),
 * });
 * const node = graph.nodeById(6177);
 * console.log(node?.className, node?.selfSize, node?.retainedSize, node?.distance, node?.describe());
 * ```
 */
export function buildGraph(snapshot: HeapSnapshot, options: BuildGraphOptions = {}): HeapGraph {
  const { onProgress, parallel } = parseGraphOptions(buildGraphOptions, options, "buildGraph");
  checkSnapshot(snapshot);
  return new Graph(snapshot, onProgress, undefined, parallel);
}

function checkSnapshot(snapshot: HeapSnapshot): void {
  const { nodeCount, edgeCount, firstEdge, edgeTarget, rootOrdinal } = snapshot;
  const problem =
    !Number.isInteger(nodeCount) || nodeCount < 1 ? `node count ${nodeCount}` :
    firstEdge.length !== nodeCount + 1 ? `firstEdge has ${firstEdge.length} entries for ${nodeCount} nodes` :
    firstEdge[nodeCount] !== edgeCount ? `edge counts add up to ${firstEdge[nodeCount]}, not ${edgeCount}` :
    edgeTarget.length !== edgeCount ? `edgeTarget has ${edgeTarget.length} entries for ${edgeCount} edges` :
    !(rootOrdinal >= 0 && rootOrdinal < nodeCount) ? `root ordinal ${rootOrdinal} out of range` :
    null;
  if (problem) throw new GraphError("INVALID_SNAPSHOT", `buildGraph: cannot index this snapshot: ${problem}`);
  for (let e = 0; e < edgeCount; e++) {
    if (edgeTarget[e] >= nodeCount) {
      throw new GraphError("INVALID_SNAPSHOT", `buildGraph: edge ${e} points to node ordinal ${edgeTarget[e]} of ${nodeCount}`);
    }
  }
}
