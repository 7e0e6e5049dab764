import { z } from "zod";
import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { ignoredOrdinals, ordinalsOf } from "../shared/node-arguments.ts";
import { callback, ignoreList, nodePredicate, wholeNumber } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { callPredicate } from "../shared/user-callbacks.ts";
import { isGlobal, isModule } from "../stats/predicates.ts";
import { selectionNode } from "./selection-node.ts";
import type { Selection, SelectionEdge, SelectionNode } from "./selection-types.ts";

/**
 * The schema of {@link refs}' and {@link backrefs}' options (objgraph's `show_refs` / `show_backrefs` options).
 *
 * @example
 * ```ts
 * subgraphOptions.parse({ maxDepth: 5, cull: null });
 * ```
 */
export const subgraphOptions = z.strictObject({
  /** How many steps from the starting nodes to go (default 3). */
  maxDepth: wholeNumber.optional(),
  /** At most this many edges per node; the rest are counted in the node's `truncated` (default 10). */
  tooMany: wholeNumber.optional(),
  /** Leave out neighbours for which this returns false (starting nodes are always kept). */
  filter: nodePredicate.optional(),
  /** Mark nodes for which this returns true (`highlighted`, role `highlight`). */
  highlight: nodePredicate.optional(),
  /** An extra label line per node. */
  extraInfo: callback<(node: HeapNode) => string | undefined | null>().optional(),
  /** Heap object ids or nodes to leave out. */
  extraIgnore: ignoreList.optional(),
  /**
   * Nodes drawn but not expanded. Default: none for `refs`; for `backrefs`, modules and global
   * objects (`isModule`, `isGlobal`), where every backward search ends up anyway. Pass `null`
   * to expand everything. Starting nodes are always expanded.
   */
  cull: nodePredicate.nullable().optional(),
  /** Show V8 plumbing — maps, backing stores, feedback, code — and `__proto__` links (default false). */
  internals: z.boolean().optional(),
  /** Show edges that do not keep their target alive — weak edges, WeakRef targets (default true). */
  weak: z.boolean().optional(),
});

/**
 * Options of {@link refs} and {@link backrefs} (objgraph's `show_refs` / `show_backrefs` options).
 *
 * @example
 * ```ts
 * backrefs(graph, [node], { maxDepth: 5, tooMany: 3, cull: null, highlight: isModule, extraInfo: (n) => `${n.retainedSize} B` });
 * ```
 */
export type SubgraphOptions = z.input<typeof subgraphOptions>;

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

function subgraph(
  query: "refs" | "backrefs",
  graph: HeapGraph,
  starts: HeapNode | Iterable<HeapNode>,
  options: SubgraphOptions,
  backwards: boolean,
): Selection {
  const parsed = parseQueryOptions(query, subgraphOptions, options);
  const { maxDepth = 3, tooMany = 10, filter, highlight, extraInfo, internals = false, weak = true } = parsed;
  const startOrdinals = ordinalsOf(query, graph, starts);
  const cull = parsed.cull === undefined ? (backwards ? defaultBackrefsCull : null) : parsed.cull;
  const ignored = ignoredOrdinals(query, graph, parsed.extraIgnore);
  const walk = graph.walker({ backwards, internals, weak });
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
    if (!filter) return true;
    let ok = filterMemo.get(o);
    if (ok === undefined) filterMemo.set(o, (ok = callPredicate(query, "filter", filter, graph.node(o))));
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
    nodes.push(selectionNode(graph, query, o, d, isStart.has(o), { highlight, extraInfo }, skipped));
  }
  return { kind: query, nodes, edges, depthLimited, maxDepth };
}

function defaultBackrefsCull(node: HeapNode): boolean {
  return isModule(node) || isGlobal(node);
}
