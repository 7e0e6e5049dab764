import { chainStep, type ChainStep } from "./chain-step.ts";
import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { plumbingMask, protoEdgeTest } from "./plumbing.ts";
import { QueryError } from "./query-error.ts";
import { callPredicate, checkOptions, describeValue, ignoredOrdinals, ordinalOf } from "./query-options.ts";
import { retainingEdges } from "./retaining-edges.ts";

/**
 * Options of {@link findBackrefChain} and {@link findRefChain}.
 *
 * @example
 * ```ts
 * findBackrefChain(graph, node, isGlobal, { maxDepth: 10, extraIgnore: [cacheId], internals: true });
 * ```
 */
export interface ChainOptions {
  /** How many edges the chain may have at most (default 20). */
  maxDepth?: number;
  /** Heap object ids or nodes the search must not pass through. */
  extraIgnore?: Iterable<number | HeapNode>;
  /** Also pass through V8 plumbing (maps, feedback, code; see `isPlumbing`) and `__proto__` links (default false). */
  internals?: boolean;
  /** Also follow edges that do not keep their target alive: weak edges, WeakRef targets (default false). */
  weak?: boolean;
}

const CHAIN_OPTIONS = { maxDepth: "count", extraIgnore: "ignore", internals: "boolean", weak: "boolean" } as const;

/**
 * A shortest chain of references *to* `node` from a node `predicate` accepts, found breadth-first
 * over retainers — objgraph's `find_backref_chain`. Returned root first: `[match, ..., node]`,
 * each element holding the next. `[node]` when no chain of at most `maxDepth` edges exists (or
 * when `node` itself matches).
 *
 * By default the search follows only edges that keep objects alive and skips V8 plumbing, so
 * the chain explains why `node` is alive; `weak` and `internals` widen it.
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
  if (typeof predicate !== "function") {
    throw new QueryError("INVALID_OPTIONS", `${query}: predicate must be a function, got ${describeValue(predicate)}`);
  }
  checkOptions(query, options, CHAIN_OPTIONS);
  const maxDepth = options.maxDepth ?? 20;
  const ignored = ignoredOrdinals(query, graph, options.extraIgnore);
  const step = neighbourWalker(graph, backwards, options.internals ?? false, options.weak ?? false);
  const parent = new Int32Array(graph.nodeCount).fill(-1);
  const seen = new Uint8Array(graph.nodeCount);
  const queue = new Uint32Array(graph.nodeCount);
  let head = 0, length = 0;
  queue[length++] = start;
  seen[start] = 1;
  let depth = 0, levelEnd = length;
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
    step(o, (next) => {
      if (seen[next] || ignored.has(next)) return;
      seen[next] = 1;
      parent[next] = o;
      queue[length++] = next;
    });
  }
  return [graph.node(start)];
}

/**
 * A function calling `visit(neighbour, edgeIndex)` for each neighbour of a node: its retainers
 * (`backwards`) or the nodes it holds, without plumbing unless `internals`, and only over
 * retaining edges unless `weak`.
 *
 * @example
 * ```ts
 * const walk = neighbourWalker(graph, true, false, false);
 * walk(o, (holder, e) => console.log(graph.edgeName(e)));
 * ```
 */
export function neighbourWalker(
  graph: HeapGraph,
  backwards: boolean,
  internals: boolean,
  weak: boolean,
): (o: number, visit: (neighbour: number, edgeIndex: number) => void) => void {
  const { firstEdge, edgeTarget } = graph.snapshot;
  const plumbing = plumbingMask(graph);
  const rules = retainingEdges(graph);
  const isProto = protoEdgeTest(graph);
  // The neighbour must not be plumbing, nor the edge a prototype link; the node itself may be.
  const edgeOk = (holder: number, e: number, neighbour: number) =>
    (weak || rules.retains(holder, e)) && (internals || (!plumbing[neighbour] && !isProto(e)));
  if (backwards) {
    const { firstRetainer, retainerEdge, retainerNode } = graph.retainers();
    return (o, visit) => {
      for (let r = firstRetainer[o], end = firstRetainer[o + 1]; r < end; r++) {
        const holder = retainerNode[r], e = retainerEdge[r];
        if (edgeOk(holder, e, holder)) visit(holder, e);
      }
    };
  }
  return (o, visit) => {
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      if (edgeOk(o, e, edgeTarget[e])) visit(edgeTarget[e], e);
    }
  };
}

/**
 * A chain of node handles (as `findBackrefChain` and `findRefChain` return, holder first) as
 * plain steps, each with the edge by which the previous step holds it (the first retaining edge
 * between the two, else any edge). Plain data for tables and `--json`.
 *
 * @example
 * ```ts
 * chainSteps(graph, findBackrefChain(graph, leaked, isModule));
 * // [{ id: 7263, className: "system / SourceTextModule", edge: null, ... }, ..., { edge: { type: "property", name: "foo" }, ... }]
 * ```
 */
export function chainSteps(graph: HeapGraph, chain: readonly HeapNode[]): ChainStep[] {
  const ordinals = chain.map((n) => ordinalOf("chainSteps", graph, n));
  return ordinals.map((o, i) => chainStep(graph, o, i === 0 ? -1 : edgeBetween(graph, ordinals[i - 1], o)));
}

/**
 * The first retaining edge from `holder` to `held`, else the first edge, else -1.
 *
 * @example
 * ```ts
 * const e = edgeBetween(graph, holder.ordinal, held.ordinal);
 * if (e >= 0) console.log(graph.edgeName(e));
 * ```
 */
export function edgeBetween(graph: HeapGraph, holder: number, held: number): number {
  const { firstEdge, edgeTarget } = graph.snapshot;
  const rules = retainingEdges(graph);
  let any = -1;
  for (let e = firstEdge[holder], end = firstEdge[holder + 1]; e < end; e++) {
    if (edgeTarget[e] !== held) continue;
    if (rules.retains(holder, e)) return e;
    if (any < 0) any = e;
  }
  return any;
}
