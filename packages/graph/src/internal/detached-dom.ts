import type { HeapGraph } from "./heap-graph-types.ts";
import { checkOptions } from "./query-options.ts";
import { snapshotCodes } from "./snapshot-codes.ts";

/**
 * One detached DOM node (a row of {@link detachedDomNodes}). Plain data.
 *
 * @example
 * ```ts
 * for (const row of detachedDomNodes(graph)) console.log(row.className, row.retainedSize, row.treeRoot);
 * ```
 */
export interface DetachedDomRow {
  readonly id: number;
  /** The element name as Blink writes it, e.g. `<li>` or `HTMLDivElement`. */
  readonly name: string;
  /** DevTools' class name, e.g. `Detached <li>`. */
  readonly className: string;
  readonly selfSize: number;
  readonly retainedSize: number;
  /** True for the top of a detached tree: no other detached DOM node dominates it. */
  readonly treeRoot: boolean;
  /** For a tree root: how many detached DOM nodes it dominates, itself included; else 0. */
  readonly treeSize: number;
}

/**
 * Options of {@link detachedDomNodes}.
 *
 * @example
 * ```ts
 * detachedDomNodes(graph, { rootsOnly: true });
 * ```
 */
export interface DetachedDomOptions {
  /** Only the tops of detached trees (default false: every detached DOM node). */
  rootsOnly?: boolean;
}

/** Names of DOM nodes as Blink writes them: `<tag ...>`, `HTML...Element`, `SVG...Element`, text and the like. */
const DOM_NAME = /^(?:Detached )?(?:<[^>]+>|(?:HTML|SVG|MathML)\w*Element|Text|Comment|CDATASection|DocumentFragment|ShadowRoot|Attr|DocumentType)$/;

/**
 * DOM nodes no document holds any more (DevTools' "Detached" nodes): native nodes the embedder
 * marked detached (after DevTools' propagation) whose names are DOM node names. Node marks some
 * of its own C++ objects detached too; they are not DOM nodes and are left out. Sorted by
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
  checkOptions("detachedDomNodes", options, { rootsOnly: "boolean" });
  const snapshot = graph.snapshot;
  const codes = snapshotCodes(snapshot);
  const { nodeCount, nodeType, nodeName, strings, nodeId } = snapshot;
  const detached = new Uint8Array(nodeCount);
  const list: number[] = [];
  for (let o = 0; o < nodeCount; o++) {
    if (nodeType[o] !== codes.native || !graph.isDetached(o)) continue;
    if (!DOM_NAME.test(strings[nodeName[o]] ?? "")) continue;
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
    if (options.rootsOnly && !root) continue;
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
