import { z } from "zod";
import { isTransientRoot, type HeapGraph, type HeapNode } from "../../engine/index.ts";
import { ignoredOrdinals, ordinalOf } from "../shared/node-arguments.ts";
import { ignoreList, nodePredicate, wholeNumber } from "../shared/option-schemas.ts";
import { checkQueryArgument, parseQueryOptions } from "../shared/query-options.ts";
import { callPredicate } from "../shared/user-callbacks.ts";

/**
 * The schema of {@link findBackrefChain}'s and {@link findRefChain}'s options.
 *
 * @example
 * ```ts
 * chainOptions.parse({ maxDepth: 10 });
 * ```
 */
export const chainOptions = z.strictObject({
  /** How many edges the chain may have at most (default 20). */
  maxDepth: wholeNumber.optional(),
  /** Heap object ids or nodes the search must not pass through. */
  extraIgnore: ignoreList.optional(),
  /** Also pass through V8 plumbing (maps, feedback, code; see `isPlumbing`) and `__proto__` links (default false). */
  internals: z.boolean().optional(),
  /** Also follow edges that do not keep their target alive: weak edges, WeakRef targets (default false). */
  weak: z.boolean().optional(),
});

/**
 * Options of {@link findBackrefChain} and {@link findRefChain}.
 *
 * @example
 * ```ts
 * findBackrefChain(graph, node, isGlobal, { maxDepth: 10, extraIgnore: [cacheId], internals: true });
 * ```
 */
export type ChainOptions = z.input<typeof chainOptions>;

/**
 * A shortest chain of references *to* `node` from a node `predicate` accepts, found breadth-first
 * over retainers — objgraph's `find_backref_chain`. Returned root first: `[match, ..., node]`,
 * each element holding the next. `[node]` when no chain of at most `maxDepth` edges exists (or
 * when `node` itself matches).
 *
 * By default the search follows only edges that keep objects alive and skips V8 plumbing, so
 * the chain explains why `node` is alive; `weak` and `internals` widen it. Durable holders come
 * first: the chain passes through the running code's stack or a handle scope (`(Stack roots)`,
 * `(Handle scope)`) only when no other chain within `maxDepth` exists.
 *
 * @example
 * ```ts
 * const chain = findBackrefChain(graph, leaked, isModule);
 * console.log(chainSteps(graph, chain).map((s) => s.edge?.name ?? s.className).join(" → "));
 * ```
 */
export function findBackrefChain(
  graph: HeapGraph,
  node: HeapNode,
  predicate: (node: HeapNode) => boolean,
  options: ChainOptions = {},
): HeapNode[] {
  return findChain("findBackrefChain", graph, node, predicate, options, true);
}

/**
 * A shortest chain of references *from* `node` to a node `predicate` accepts, found
 * breadth-first — objgraph's `find_ref_chain`. Returned as `[node, ..., match]`, each element
 * holding the next; `[node]` when nothing is found within `maxDepth` edges.
 *
 * @example
 * ```ts
 * const chain = findRefChain(graph, cacheNode, (n) => n.className === "MyBigFatObject");
 * ```
 */
export function findRefChain(
  graph: HeapGraph,
  node: HeapNode,
  predicate: (node: HeapNode) => boolean,
  options: ChainOptions = {},
): HeapNode[] {
  return findChain("findRefChain", graph, node, predicate, options, false);
}

function findChain(
  query: string,
  graph: HeapGraph,
  node: HeapNode,
  predicate: (node: HeapNode) => boolean,
  options: ChainOptions,
  backwards: boolean,
): HeapNode[] {
  const start = ordinalOf(query, graph, node);
  checkQueryArgument(query, "predicate", nodePredicate, predicate);
  const { maxDepth = 20, extraIgnore, internals = false, weak = false } = parseQueryOptions(query, chainOptions, options);
  const ignored = ignoredOrdinals(query, graph, extraIgnore);
  const step = graph.walker({ backwards, internals, weak });
  if (!backwards) return search(query, graph, start, predicate, step, ignored, maxDepth, false) ?? [graph.node(start)];
  // Durable holders first: the running code's stack and handle scopes only when nothing else leads to a match.
  const transient = transientRoots(graph);
  const durable = transient.length === 0 ? null : search(query, graph, start, predicate, step, new Set([...ignored, ...transient]), maxDepth, true);
  return durable ?? search(query, graph, start, predicate, step, ignored, maxDepth, true) ?? [graph.node(start)];
}

/** The transient GC root categories (`(Stack roots)`, `(Handle scope)`): synthetic nodes within two steps of the root. */
function transientRoots(graph: HeapGraph): number[] {
  const out: number[] = [];
  const look = (o: number, depth: number) =>
    graph.forEachEdge(o, (child) => {
      if (graph.nodeTypeName(child) !== "synthetic") return;
      if (isTransientRoot(graph.nodeName(child))) out.push(child);
      else if (depth < 2) look(child, depth + 1);
    });
  look(graph.rootOrdinal, 1);
  return out;
}

/** Breadth-first from `start` to a node `predicate` accepts; the chain, or null. */
function search(
  query: string,
  graph: HeapGraph,
  start: number,
  predicate: (node: HeapNode) => boolean,
  step: ReturnType<HeapGraph["walker"]>,
  ignored: ReadonlySet<number>,
  maxDepth: number,
  backwards: boolean,
): HeapNode[] | null {
  const parent = new Int32Array(graph.nodeCount).fill(-1);
  const seen = new Uint8Array(graph.nodeCount);
  const queue = new Uint32Array(graph.nodeCount);
  let head = 0, length = 0;
  queue[length++] = start;
  seen[start] = 1;
  let depth = 0, levelEnd = length;
  const enqueue = (next: number) => {
    if (seen[next] || ignored.has(next)) return;
    seen[next] = 1;
    parent[next] = queue[head - 1];
    queue[length++] = next;
  };
  while (head < length) {
    if (head === levelEnd) {
      depth++;
      levelEnd = length;
    }
    const o = queue[head++];
    if (callPredicate(query, "predicate", predicate, graph.node(o))) {
      const chain: HeapNode[] = [];
      for (let x = o; x >= 0; x = parent[x]) chain.push(graph.node(x));
      return backwards ? chain : chain.reverse();
    }
    if (depth >= maxDepth) continue;
    step(o, enqueue);
  }
  return null;
}
