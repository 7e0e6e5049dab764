import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { TraceSignatures } from "../shared/trace-signatures.ts";
import { ordinalOf } from "../shared/node-arguments.ts";
import { QueryError } from "../shared/query-error.ts";
import type { ChainStep } from "./chain-rows.ts";
import { collapseRepeats } from "./collapse-repeats.ts";
import { pathToRoot } from "./path-to-root.ts";

/** How many groups {@link representativeInstance} describes (the largest ones). */
const SHOWN_GROUPS = 5;

/**
 * Instances that share one retaining path (the same signature: classes and edge names from the
 * path's last user-visible root, element indices as one, repeats folded).
 *
 * @example
 * ```ts
 * const [main] = representativeInstance(graph, nodes).groups;
 * console.log(`${main.count} held through`, main.path.map((s) => s.className).join(" → "));
 * ```
 */
export interface InstanceGroup {
  /** How many of the instances share the path. */
  readonly count: number;
  /** The one that retains the most (the smallest id among equals). */
  readonly representative: HeapNode;
  /**
   * The representative's retaining path from its last user-visible root (a global object, a
   * module, a module's scope) to it, repeats collapsed (`collapseRepeats`); empty when no
   * retaining path reaches the instances.
   */
  readonly path: readonly ChainStep[];
}

/**
 * What {@link representativeInstance} chose, and from what.
 *
 * @example
 * ```ts
 * const { node, held, candidates } = representativeInstance(graph, byType(graph, "RequestContext"));
 * console.log(`${held} of ${candidates} RequestContext are held through the path of @${node.id}`);
 * ```
 */
export interface Representative {
  /** The chosen instance: the representative of the largest group. */
  readonly node: HeapNode;
  /** How many instances there were. */
  readonly candidates: number;
  /** How many of them are held through the chosen instance's path (the largest group's count). */
  readonly held: number;
  /** How many distinct retaining paths the instances have (instances no path reaches count as one). */
  readonly groupCount: number;
  /** The largest groups (at most 5), largest first: the chosen one, then the others. */
  readonly groups: readonly InstanceGroup[];
}

/**
 * Picks the instance that stands for most of `nodes`, as Eclipse MAT's merged shortest paths do:
 * the instances are grouped by their retaining path's signature (from the path's last
 * user-visible root — global object, module, module scope — so the runtime's plumbing above it
 * does not count; classes and edge names, element indices as one, repeated blocks folded), the
 * largest group wins (more instances, then more retained size, then the smaller id), and its
 * instance that retains the most represents it. A leaked object is rarely the one instance that
 * retains most (a legitimately held configuration object often is); it is one of the many held
 * the same way.
 *
 * Signatures are computed once per node down the retention tree (`TraceSignatures`), never as a
 * full path per instance; only the groups shown get a path.
 *
 * @throws {QueryError} `NOT_FOUND` when `nodes` is empty; `FOREIGN_NODE` for a node of another graph.
 *
 * @example
 * ```ts
 * const choice = representativeInstance(graph, instancesOf(graph, "RequestContext"));
 * // choice.held === 37, choice.candidates === 40: "37 of 40 RequestContext are held through …"
 * ```
 */
export function representativeInstance(graph: HeapGraph, nodes: readonly HeapNode[]): Representative {
  if (nodes.length === 0) throw new QueryError("NOT_FOUND", "representativeInstance: expected at least one instance to choose from, got none");
  const signatures = new TraceSignatures(graph);
  const retained = graph.retainedSizes();
  const { id } = graph.nodeColumns();
  // Per signature: count, total retained size, best instance.
  const groups = new Map<number, { count: number; size: number; best: number }>();
  for (const node of nodes) {
    const o = ordinalOf("representativeInstance", graph, node);
    const signature = signatures.of(o);
    const group = groups.get(signature);
    if (!group) {
      groups.set(signature, { count: 1, size: retained[o], best: o });
      continue;
    }
    group.count++;
    group.size += retained[o];
    const b = group.best;
    if (retained[o] > retained[b] || (retained[o] === retained[b] && id[o] < id[b])) group.best = o;
  }
  const ranked = [...groups.entries()].sort(
    ([sa, a], [sb, b]) => Number(sa === 0) - Number(sb === 0) || b.count - a.count || b.size - a.size || id[a.best] - id[b.best],
  );
  const shown: InstanceGroup[] = ranked.slice(0, SHOWN_GROUPS).map(([signature, g]) => ({
    count: g.count,
    representative: graph.node(g.best),
    path: signature === 0 ? [] : userVisiblePath(graph, pathToRoot(graph, graph.node(g.best)).steps),
  }));
  return { node: shown[0].representative, candidates: nodes.length, held: shown[0].count, groupCount: groups.size, groups: shown };
}

/**
 * The part of a retaining path from its last user-visible root — a global object or window, a
 * module (CommonJS `Module`, ES module record or namespace), a user root — to its end, repeats
 * collapsed; the whole path when it has none.
 *
 * @example
 * ```ts
 * userVisiblePath(graph, pathToRoot(graph, node).steps); // [global, Array, RequestContext]
 * ```
 */
export function userVisiblePath(graph: HeapGraph, steps: readonly ChainStep[]): ChainStep[] {
  const globals = graph.globalMask(), modules = graph.moduleMask(), userRoots = graph.userRootMask();
  let start = 0;
  for (let i = steps.length - 2; i >= 0; i--) {
    const o = steps[i].ordinal;
    if (globals[o] || modules[o] || userRoots[o]) {
      start = i;
      break;
    }
  }
  const path = steps.slice(start);
  if (start > 0) path[0] = { ...path[0], edge: null };
  return collapseRepeats(path);
}
