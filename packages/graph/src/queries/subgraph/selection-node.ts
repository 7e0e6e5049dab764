import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { isGCRoot, isGlobal, isModule } from "../stats/predicates.ts";
import { callExtraInfo, callPredicate } from "../shared/user-callbacks.ts";
import type { SelectionNode, SelectionNodeRole } from "./selection-types.ts";

/**
 * What a selection shows of its nodes besides their place: the caller's `highlight` and
 * `extraInfo`, checked by the query's schema.
 *
 * @example
 * ```ts
 * const marks: SelectionMarks = { highlight: isModule, extraInfo: (n) => `${n.retainedSize} B` };
 * ```
 */
export interface SelectionMarks {
  readonly highlight?: ((node: HeapNode) => boolean) | undefined;
  readonly extraInfo?: ((node: HeapNode) => string | undefined | null) | undefined;
}

/**
 * The {@link SelectionNode} of ordinal `o`, at `depth` steps from the starting nodes, with its role
 * (objgraph's colours), the caller's marks, and how many of its edges `tooMany` cut (`truncated`).
 *
 * @example
 * ```ts
 * const node = selectionNode(graph, "refs", o, 0, true, { highlight: isModule }, 0);
 * ```
 */
export function selectionNode(
  graph: HeapGraph,
  query: string,
  o: number,
  depth: number,
  start: boolean,
  marks: SelectionMarks,
  truncated: number,
): SelectionNode {
  const node = graph.node(o);
  const highlighted = marks.highlight ? callPredicate(query, "highlight", marks.highlight, node) : false;
  const role: SelectionNodeRole = start
    ? "start"
    : isGCRoot(node)
      ? "root"
      : isModule(node)
        ? "module"
        : isGlobal(node)
          ? "global"
          : highlighted
            ? "highlight"
            : "plain";
  const info = marks.extraInfo ? callExtraInfo(query, marks.extraInfo, node) : undefined;
  return {
    ordinal: o,
    id: node.id,
    type: node.type,
    className: node.className,
    preview: node.describe(),
    selfSize: node.selfSize,
    retainedSize: node.retainedSize,
    depth,
    role,
    highlighted,
    ...(info !== undefined ? { extraInfo: info } : {}),
    truncated,
  };
}
