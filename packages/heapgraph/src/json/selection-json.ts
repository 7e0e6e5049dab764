/**
 * A selection (refs, backrefs, a chain's graph) in the commands' `--json` output and the MCP
 * tools' results: nodes, and edges between heap ids.
 *
 * @module
 */
import type { Selection } from "@heapgraph/graph";

/**
 * A selection as JSON: nodes, and edges between heap ids.
 *
 * @example
 * ```ts
 * selectionJson(refs(graph, [node])).edges[0]; // { from: 12, to: 34, type: "property", name: "next" }
 * ```
 */
export function selectionJson(selection: Selection) {
  const idOf = new Map(selection.nodes.map((n) => [n.ordinal, n.id]));
  return {
    nodes: selection.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      className: n.className,
      preview: n.preview,
      selfSize: n.selfSize,
      retainedSize: n.retainedSize,
      depth: n.depth,
      role: n.role,
      truncated: n.truncated,
    })),
    edges: selection.edges.map((e) => ({ from: idOf.get(e.from)!, to: idOf.get(e.to)!, type: e.type, name: e.name })),
    depthLimited: selection.depthLimited,
  };
}
