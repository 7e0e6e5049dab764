import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { byType } from "../stats/find-nodes.ts";

/**
 * The objects a type name means, for `chain --type NAME` and the other "pick one of these"
 * questions: the instances of class `name` (as `byType` matches it), else — closures all being of
 * class `Function` — the closures whose function is called `name` (`handler` or `handler()`).
 *
 * @example
 * ```ts
 * instancesOf(graph, "RequestContext"); // the RequestContext objects
 * instancesOf(graph, "handler"); // the closures of every `function handler() {…}`
 * ```
 */
export function instancesOf(graph: HeapGraph, name: string): HeapNode[] {
  const functionName = name.endsWith("()") ? name.slice(0, -2) : null;
  if (functionName === null) {
    const nodes = byType(graph, name);
    if (nodes.length > 0) return nodes;
  }
  const wanted = functionName ?? name;
  const { type, name: names, strings } = graph.nodeColumns();
  const closure = graph.typeCodes().closure;
  // Compare string indexes, not strings: the name is found once.
  const out: HeapNode[] = [];
  const matches = new Map<number, boolean>();
  for (let o = 0; o < graph.nodeCount; o++) {
    if (type[o] !== closure) continue;
    const n = names[o];
    let match = matches.get(n);
    if (match === undefined) matches.set(n, (match = strings[n] === wanted));
    if (match) out.push(graph.node(o));
  }
  return out;
}
