import type { Selection } from "@heapgraph/graph";
import { edgeLabel } from "../text/edge-label.ts";
import { printable } from "../text/printable-text.ts";

/**
 * The edges of a selection as text, one per line, holder first: `  Server @12 -.cache-> Map @34`.
 *
 * @example
 * ```ts
 * console.log(selectionEdgesText(refs(graph, [node])));
 * //   Server @12 -.cache-> Map @34
 * //   Map @34 -WeakMap value (key @56)-> Session @78
 * ```
 */
export function selectionEdgesText(selection: Selection): string {
  const byOrdinal = new Map(selection.nodes.map((n) => [n.ordinal, n]));
  const name = (ordinal: number) => {
    const node = byOrdinal.get(ordinal);
    return node ? `${printable(node.className, 50)} @${node.id}` : `(ordinal ${ordinal})`;
  };
  return selection.edges.map((e) => `  ${name(e.from)} -${edgeLabel(e.type, e.name, byOrdinal.get(e.from)?.id)}-> ${name(e.to)}\n`).join("");
}
