import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import type { DetachedDomRow } from "./detached-dom-row.ts";
import { isDomNodeName } from "./dom-node-name.ts";

/**
 * The schema of {@link detachedDomNodes}' options.
 *
 * @example
 * ```ts
 * detachedDomOptions.parse({ rootsOnly: true });
 * ```
 */
export const detachedDomOptions = z.strictObject({
  /** Only the tops of detached trees (default false: every detached DOM node). */
  rootsOnly: z.boolean().optional(),
});

/**
 * Options of {@link detachedDomNodes}.
 *
 * @example
 * ```ts
 * detachedDomNodes(graph, { rootsOnly: true });
 * ```
 */
export type DetachedDomOptions = z.input<typeof detachedDomOptions>;

/**
 * DOM nodes no document holds any more (DevTools' "Detached" nodes): native nodes the embedder
 * marked detached (after DevTools' propagation) whose names are DOM node names. Node marks some
 * of its own C++ objects detached too; they are not DOM nodes and are left out (see
 * `detachedWrappers`). Sorted by
 * retained size, largest first. A tree root is a detached node no other detached node dominates
 * (what keeps it alive is JavaScript, not its detached parent); it says how many detached nodes
 * its tree has.
 *
 * @example
 * ```ts
 * for (const row of detachedDomNodes(graph, { rootsOnly: true })) console.log(row.className, row.treeSize, row.retainedSize);
 * ```
 */
export function detachedDomNodes(graph: HeapGraph, options: DetachedDomOptions = {}): DetachedDomRow[] {
  const { rootsOnly = false } = parseQueryOptions("detachedDomNodes", detachedDomOptions, options);
  const { native } = graph.typeCodes();
  const { nodeCount } = graph;
  const { type: nodeType, name: nodeName, strings, id: nodeId } = graph.nodeColumns();
  const detached = new Uint8Array(nodeCount);
  const list: number[] = [];
  for (let o = 0; o < nodeCount; o++) {
    if (nodeType[o] !== native || !graph.isDetached(o)) continue;
    if (!isDomNodeName(strings[nodeName[o]] ?? "")) continue;
    detached[o] = 1;
    list.push(o);
  }
  // A detached tree's root is the detached node no other detached node dominates; DOM nodes point
  // both ways (parent and child), so the dominator tree, not the edges, says who owns whom.
  const dominators = graph.dominators();
  const rootOf = new Map<number, number>();
  for (const o of list) {
    let top = o;
    for (let d = dominators[o], guard = 0; d !== graph.rootOrdinal && guard < nodeCount; d = dominators[d], guard++) {
      if (detached[d]) top = d;
    }
    rootOf.set(o, top);
  }
  const treeSizes = new Map<number, number>();
  for (const top of rootOf.values()) treeSizes.set(top, (treeSizes.get(top) ?? 0) + 1);
  const sizes = graph.selfSizes(), retained = graph.retainedSizes();
  const rows: DetachedDomRow[] = [];
  for (const o of list) {
    const root = rootOf.get(o) === o;
    if (rootsOnly && !root) continue;
    rows.push({
      id: nodeId[o],
      name: strings[nodeName[o]] ?? "",
      className: graph.className(o),
      selfSize: sizes[o],
      retainedSize: retained[o],
      treeRoot: root,
      treeSize: root ? treeSizes.get(o)! : 0,
    });
  }
  return rows.sort((a, b) => b.retainedSize - a.retainedSize || a.id - b.id);
}
