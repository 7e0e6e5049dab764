import { edgeBetween, neighbourWalker } from "./chains.ts";
import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { isGCRoot, isGlobal, isModule } from "./predicates.ts";
import { QueryError } from "./query-error.ts";
import { callPredicate, checkOptions, ignoredOrdinals, ordinalOf, ordinalsOf } from "./query-options.ts";
import type { Selection, SelectionEdge, SelectionNode, SelectionNodeRole } from "./selection-types.ts";

/**
 * Options of {@link refs} and {@link backrefs} (objgraph's `show_refs` / `show_backrefs` options).
 *
 * @example
 * ```ts
 * backrefs(graph, [node], { maxDepth: 5, tooMany: 3, cull: null, highlight: isModule, extraInfo: (n) => `${n.retainedSize} B` });
 * ```
 */
export interface SubgraphOptions {
  /** How many steps from the starting nodes to go (default 3). */
  maxDepth?: number;
  /** At most this many edges per node; the rest are counted in the node's `truncated` (default 10). */
  tooMany?: number;
  /** Leave out neighbours for which this returns false (starting nodes are always kept). */
  filter?: (node: HeapNode) => boolean;
  /** Mark nodes for which this returns true (`highlighted`, role `highlight`). */
  highlight?: (node: HeapNode) => boolean;
  /** An extra label line per node. */
  extraInfo?: (node: HeapNode) => string | undefined | null;
  /** Heap object ids or nodes to leave out. */
  extraIgnore?: Iterable<number | HeapNode>;
  /**
   * Nodes drawn but not expanded. Default: none for `refs`; for `backrefs`, modules and global
   * objects (`isModule`, `isGlobal`), where every backward search ends up anyway. Pass `null`
   * to expand everything. Starting nodes are always expanded.
   */
  cull?: ((node: HeapNode) => boolean) | null;
  /** Show V8 plumbing — maps, backing stores, feedback, code — and `__proto__` links (default false). */
  internals?: boolean;
  /** Show edges that do not keep their target alive — weak edges, WeakRef targets (default true). */
  weak?: boolean;
}

const SUBGRAPH_OPTIONS = {
  maxDepth: "count",
  tooMany: "count",
  filter: "function",
  highlight: "function",
  extraInfo: "function",
  extraIgnore: "ignore",
  cull: "function",
  internals: "boolean",
  weak: "boolean",
} as const;

/**
 * The part of the heap reachable from `nodes`, bounded for drawing — objgraph's `show_refs`
 * without the drawing: breadth-first from the starting nodes over the edges they hold, at most
 * `maxDepth` steps, at most `tooMany` edges per node (the rest counted in `truncated`).
 *
 * V8 plumbing is hidden by default: hidden classes (`map`), `__proto__` links, the backing
 * stores whose slots are already the owner's edges (`(object elements)`, `(object properties)`),
 * feedback, code (see `isPlumbing`). `internals: true` shows it. So `refs` of
 * `y = [x, [x], {x}]` is exactly y, x, `[x]` and `{x}`.
 *
 * @example
 * ```ts
 * const selection = refs(graph, [y], { maxDepth: 2 });
 * console.log(selection.nodes.map((n) => `${"  ".repeat(n.depth)}${n.className}`).join("\n"));
 * ```
 */
export function refs(graph: HeapGraph, nodes: HeapNode | Iterable<HeapNode>, options: SubgraphOptions = {}): Selection {
  return subgraph("refs", graph, nodes, options, false);
}

/**
 * What holds `nodes`, bounded for drawing — objgraph's `show_backrefs` without the drawing:
 * breadth-first over retainers, at most `maxDepth` steps, at most `tooMany` retainers per node
 * (the rest counted in `truncated`), stopping at modules and global objects unless `cull` says
 * otherwise. Edges still point from holder to held. Plumbing is hidden as in {@link refs}.
 *
 * @example
 * ```ts
 * const selection = backrefs(graph, byType(graph, "MyBigFatObject"), { maxDepth: 5 });
 * ```
 */
export function backrefs(graph: HeapGraph, nodes: HeapNode | Iterable<HeapNode>, options: SubgraphOptions = {}): Selection {
  return subgraph("backrefs", graph, nodes, options, true);
}

/**
 * Options of {@link chainSelection}.
 *
 * @example
 * ```ts
 * chainSelection(graph, findRefChain(graph, node, isModule), { backrefs: false });
 * ```
 */
export interface ChainSelectionOptions {
  /** The chain leads *to* its last node (a backref chain, the default) or *from* its first (a ref chain). */
  backrefs?: boolean;
  highlight?: (node: HeapNode) => boolean;
  extraInfo?: (node: HeapNode) => string | undefined | null;
}

/**
 * A chain (from `findBackrefChain` / `findRefChain`, holder first) as a selection to draw —
 * objgraph's `show_chain`. Depth counts from the object of interest: the chain's last node for a
 * backref chain, its first for a ref chain.
 *
 * @example
 * ```ts
 * const selection = chainSelection(graph, findBackrefChain(graph, leaked, isModule));
 * ```
 */
export function chainSelection(graph: HeapGraph, chain: readonly HeapNode[], options: ChainSelectionOptions = {}): Selection {
  checkOptions("chainSelection", options, { backrefs: "boolean", highlight: "function", extraInfo: "function" });
  if (!Array.isArray(chain) || chain.length === 0) {
    throw new QueryError("INVALID_OPTIONS", "chainSelection: chain must be a non-empty array of nodes");
  }
  const ordinals = chain.map((n) => ordinalOf("chainSelection", graph, n));
  const backwards = options.backrefs ?? true;
  const start = backwards ? ordinals.length - 1 : 0;
  const nodes = ordinals.map((o, i) =>
    selectionNode(graph, "chainSelection", o, Math.abs(i - start), i === start, options.highlight, options.extraInfo, 0),
  );
  const edges: SelectionEdge[] = [];
  for (let i = 1; i < ordinals.length; i++) {
    const e = edgeBetween(graph, ordinals[i - 1], ordinals[i]);
    if (e >= 0) edges.push({ from: ordinals[i - 1], to: ordinals[i], type: graph.edgeTypeName(e), name: graph.edgeName(e) });
  }
  return { kind: "chain", nodes, edges, depthLimited: 0, maxDepth: Math.max(0, nodes.length - 1) };
}

function subgraph(
  query: "refs" | "backrefs",
  graph: HeapGraph,
  starts: HeapNode | Iterable<HeapNode>,
  options: SubgraphOptions,
  backwards: boolean,
): Selection {
  checkOptions(query, options, SUBGRAPH_OPTIONS);
  const startOrdinals = ordinalsOf(query, graph, starts);
  const maxDepth = options.maxDepth ?? 3;
  const tooMany = options.tooMany ?? 10;
  const cull = options.cull === undefined ? (backwards ? defaultBackrefsCull : null) : options.cull;
  const ignored = ignoredOrdinals(query, graph, options.extraIgnore);
  const walk = neighbourWalker(graph, backwards, options.internals ?? false, options.weak ?? true);
  const isStart = new Set(startOrdinals);
  const depth = new Map<number, number>();
  const queue: number[] = [];
  for (const o of startOrdinals) {
    if (depth.has(o)) continue;
    depth.set(o, 0);
    queue.push(o);
  }
  const filterMemo = new Map<number, boolean>();
  const passes = (o: number) => {
    if (!options.filter) return true;
    let ok = filterMemo.get(o);
    if (ok === undefined) filterMemo.set(o, (ok = callPredicate(query, "filter", options.filter, graph.node(o))));
    return ok;
  };
  const nodes: SelectionNode[] = [];
  const edges: SelectionEdge[] = [];
  let depthLimited = 0;
  for (let head = 0; head < queue.length; head++) {
    const o = queue[head];
    const d = depth.get(o)!;
    let shown = 0, skipped = 0;
    const expand = d < maxDepth && (isStart.has(o) || !cull || !callPredicate(query, "cull", cull, graph.node(o)));
    if (d >= maxDepth) {
      let more = false;
      walk(o, (n) => {
        if (!more && !ignored.has(n) && passes(n)) more = true;
      });
      if (more) depthLimited++;
    } else if (expand) {
      walk(o, (n, e) => {
        if (ignored.has(n) || !passes(n)) return;
        if (shown >= tooMany) {
          skipped++;
          return;
        }
        shown++;
        const [from, to] = backwards ? [n, o] : [o, n];
        edges.push({ from, to, type: graph.edgeTypeName(e), name: graph.edgeName(e) });
        if (!depth.has(n)) {
          depth.set(n, d + 1);
          queue.push(n);
        }
      });
    }
    nodes.push(selectionNode(graph, query, o, d, isStart.has(o), options.highlight, options.extraInfo, skipped));
  }
  return { kind: query, nodes, edges, depthLimited, maxDepth };
}

function defaultBackrefsCull(node: HeapNode): boolean {
  return isModule(node) || isGlobal(node);
}

function selectionNode(
  graph: HeapGraph,
  query: string,
  o: number,
  depth: number,
  start: boolean,
  highlight: ((node: HeapNode) => boolean) | undefined,
  extraInfo: ((node: HeapNode) => string | undefined | null) | undefined,
  truncated: number,
): SelectionNode {
  const node = graph.node(o);
  const highlighted = highlight ? callPredicate(query, "highlight", highlight, node) : false;
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
  let info: string | undefined;
  if (extraInfo) {
    try {
      const value = extraInfo(node);
      if (value !== undefined && value !== null) info = String(value);
    } catch (error) {
      throw new QueryError("INVALID_OPTIONS", `${query}: extraInfo threw on node @${node.id} (${node.className})`, { cause: error });
    }
  }
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
