import type { HeapGraph } from "../../engine/index.ts";
import type { DetachedWrapperRow } from "./detached-wrapper-row.ts";
import { isDomNodeName } from "./dom-node-name.ts";

/**
 * Native objects the embedder marked detached that are not DOM nodes, which
 * `detachedDomNodes` leaves out: Node marks some of its C++ objects detached (the
 * `Detached Node / …` classes of DevTools' Summary, such as `Detached Node / ModuleWrap`)
 * because their JavaScript wrappers are weak, not because any document dropped them. They are
 * usually no leak. Sorted by retained size, largest first.
 *
 * @example
 * ```ts
 * const wrappers = detachedWrappers(graph);
 * if (detachedDomNodes(graph).length === 0 && wrappers.length > 0) console.log(`${wrappers.length} detached wrappers, no DOM nodes`);
 * ```
 */
export function detachedWrappers(graph: HeapGraph): DetachedWrapperRow[] {
  const { native } = graph.typeCodes();
  const { nodeCount } = graph;
  const { type: nodeType, name: nodeName, strings, id: nodeId } = graph.nodeColumns();
  const list: number[] = [];
  for (let o = 0; o < nodeCount; o++) {
    if (nodeType[o] === native && graph.isDetached(o) && !isDomNodeName(strings[nodeName[o]] ?? "")) list.push(o);
  }
  if (list.length === 0) return [];
  const sizes = graph.selfSizes(), retained = graph.retainedSizes();
  const rows = list.map((o) => ({ id: nodeId[o], name: strings[nodeName[o]] ?? "", className: graph.className(o), selfSize: sizes[o], retainedSize: retained[o] }));
  return rows.sort((a, b) => b.retainedSize - a.retainedSize || a.id - b.id);
}
