import { chainStep, type ChainStep } from "./chain-step.ts";
import { cmp, qualifiedClassNames } from "./class-match.ts";
import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { requireStableIds, type StableIdsOption } from "./id-stability.ts";
import { plumbingMask } from "./plumbing.ts";
import { callPredicate, checkOptions } from "./query-options.ts";
import { retentionTree } from "./retention-tree.ts";
import { hasId, sortedIds } from "./sorted-ids.ts";
import { snapshotCodes } from "./snapshot-codes.ts";
import { clusterTraces, SIMILAR_TRACE_THRESHOLD, type TraceElement } from "./trace-clusters.ts";

/**
 * A class within a leak cluster.
 *
 * @example
 * ```ts
 * for (const c of findLeaks(baseline, target, final)[0].classes) console.log(c.name, c.count);
 * ```
 */
export interface LeakClass {
  readonly name: string;
  readonly qualifiedName: string;
  readonly count: number;
}

/**
 * One cluster of leaked objects whose retainer traces look alike. Plain data.
 *
 * @example
 * ```ts
 * const [top]: LeakCluster[] = findLeaks(baseline, target, final);
 * console.log(top.count, top.retainedSize, top.trace.at(-1)?.className);
 * ```
 */
export interface LeakCluster {
  /** Leaked objects in the cluster. */
  readonly count: number;
  /** Memory the cluster's objects keep alive, each byte counted once (objects dominated by another leaked object are not added again). */
  readonly retainedSize: number;
  /** Sum of the objects' shallow sizes. */
  readonly selfSize: number;
  /** The classes of the leaked objects, most frequent first. */
  readonly classes: readonly LeakClass[];
  /** The representative's retainer trace: the shortest retaining path from the roots, root first, ending at the representative. */
  readonly trace: readonly ChainStep[];
  /** Heap object id of the representative (the leaked object with the largest retained size). */
  readonly representativeId: number;
  /** Heap object ids of all leaked objects of the cluster (in `final`), ascending. */
  readonly ids: readonly number[];
}

/**
 * Options of {@link findLeaks}.
 *
 * @example
 * ```ts
 * findLeaks(baseline, target, final, { filter: (n) => n.retainedSize > 1024, similarity: 0.9, limit: 5 });
 * ```
 */
export interface FindLeaksOptions extends StableIdsOption {
  /** Consider only leaked objects for which this returns true (memlab's leak filter). */
  filter?: (node: HeapNode) => boolean;
  /** Keep trivial and internal objects too: strings, numbers, V8 internals and plumbing (default false). */
  internals?: boolean;
  /** How similar two traces must be to share a cluster, 0..1 (default 0.8, memlab's). */
  similarity?: number;
  /** How many clusters to return, largest first (default all). */
  limit?: number;
}

/**
 * memlab's three-snapshot leak detection. Take `baseline`, do the thing that should not leak
 * (open a page, handle requests), take `target`, undo it (close the page, finish the requests),
 * take `final`. Leaked objects are those allocated between baseline and target — their ids are in
 * `target` but not in `baseline` — that are still alive in `final`.
 *
 * Trivial and internal objects are left out (strings, numbers, V8 internals such as contexts and
 * arrays backing other objects, plumbing), and objects no retaining path reaches. Each leaked
 * object's retainer trace (its shortest retaining path from the roots, see `pathToRoot`) is
 * compared with the others, and similar traces are clustered (see `traceSimilarity`). Clusters are
 * ranked by retained size, each with the trace of its largest object as representative.
 *
 * All three snapshots must come from one process with stable ids (Node, Deno, Chrome); Bun's
 * throw a `QueryError` `IDS_NOT_STABLE`.
 *
 * @example
 * ```ts
 * const [top] = findLeaks(baseline, target, final);
 * console.log(top.count, "objects,", top.retainedSize, "bytes");
 * console.log(top.trace.map((s) => s.edge?.name ?? s.className).join(" → "));
 * ```
 */
export function findLeaks(baseline: HeapGraph, target: HeapGraph, final: HeapGraph, options: FindLeaksOptions = {}): LeakCluster[] {
  checkOptions("findLeaks", options, { stableIds: "boolean", filter: "function", internals: "boolean", similarity: "fraction", limit: "limit" });
  requireStableIds("findLeaks", [baseline, target, final], options.stableIds);
  const leaked = leakedOrdinals(baseline, target, final, options);
  const { parent, parentEdge } = retentionTree(final);
  const retained = final.retainedSizes();
  const sizes = final.selfSizes();

  // Group by exact trace signature first; only distinct signatures are compared for similarity.
  const bySignature = new Map<string, { elements: TraceElement[]; members: number[]; size: number }>();
  for (const o of leaked) {
    const elements = traceElements(final, o, parent, parentEdge);
    const signature = elements.map((e) => `${e.kind[0]}${e.type}:${e.kind === "edge" && /^\d+$/.test(e.name) ? "#" : e.name}`).join("\u0001");
    let group = bySignature.get(signature);
    if (!group) bySignature.set(signature, (group = { elements, members: [], size: 0 }));
    group.members.push(o);
    group.size += retained[o];
  }
  const groups = [...bySignature.values()].sort((a, b) => b.size - a.size || b.members.length - a.members.length);
  const clusterOf = clusterTraces(groups.map((g) => g.elements), options.similarity ?? SIMILAR_TRACE_THRESHOLD);

  const clusters: number[][] = [];
  groups.forEach((g, i) => (clusters[clusterOf[i]] ??= []).push(...g.members));
  const inLeak = new Uint8Array(final.nodeCount);
  for (const o of leaked) inLeak[o] = 1;
  const dominators = final.dominators();
  const { classOf, names } = final.classes();
  const qualified = qualifiedClassNames(final);
  const { nodeId } = final.snapshot;

  const out: LeakCluster[] = clusters.map((members) => {
    let retainedSize = 0, selfSize = 0, representative = members[0];
    const classes = new Map<number, number>();
    for (const o of members) {
      selfSize += sizes[o];
      if (!dominatedByLeak(o, dominators, inLeak, final.rootOrdinal)) retainedSize += retained[o];
      if (retained[o] > retained[representative] || (retained[o] === retained[representative] && nodeId[o] < nodeId[representative])) representative = o;
      classes.set(classOf[o], (classes.get(classOf[o]) ?? 0) + 1);
    }
    const trace: number[] = [];
    for (let x = representative; x >= 0; x = parent[x]) trace.push(x);
    trace.reverse();
    return {
      count: members.length,
      retainedSize,
      selfSize,
      classes: [...classes]
        .map(([c, n]) => ({ name: names[c], qualifiedName: qualified[c], count: n }))
        .sort((a, b) => b.count - a.count || cmp(a.qualifiedName, b.qualifiedName)),
      trace: trace.map((x, i) => chainStep(final, x, i === 0 ? -1 : parentEdge[x])),
      representativeId: nodeId[representative],
      ids: members.map((o) => nodeId[o]).sort((a, b) => a - b),
    };
  });
  out.sort((a, b) => b.retainedSize - a.retainedSize || b.count - a.count || a.representativeId - b.representativeId);
  return out.slice(0, options.limit ?? Infinity);
}

/** Ordinals (in `final`) of objects allocated between baseline and target and alive in final, filtered. */
function leakedOrdinals(baseline: HeapGraph, target: HeapGraph, final: HeapGraph, options: FindLeaksOptions): number[] {
  const before = sortedIds(baseline), during = sortedIds(target);
  const { nodeId, nodeType, nodeName, strings } = final.snapshot;
  const codes = snapshotCodes(final.snapshot);
  const { parent } = retentionTree(final);
  const sizes = final.selfSizes();
  const plumbing = plumbingMask(final);
  const kept = new Uint8Array(final.snapshot.nodeTypeNames.length + 1);
  for (const t of [codes.object, codes.closure, codes.regexp, codes.native]) if (t >= 0) kept[t] = 1;
  const internals = options.internals ?? false;
  const out: number[] = [];
  for (let o = 0; o < final.nodeCount; o++) {
    if (sizes[o] === 0 || parent[o] < 0) continue;
    const id = nodeId[o];
    if (!hasId(during, id) || hasId(before, id)) continue;
    if (!internals && (!kept[nodeType[o]] || plumbing[o] || (strings[nodeName[o]] ?? "").startsWith("system / "))) continue;
    if (options.filter && !callPredicate("findLeaks", "filter", options.filter, final.node(o))) continue;
    out.push(o);
  }
  return out;
}

/** Whether a dominator-tree ancestor of `o` (other than the root) is a leaked object. */
function dominatedByLeak(o: number, dominators: Uint32Array, inLeak: Uint8Array, root: number): boolean {
  for (let d = dominators[o], guard = 0; d !== root && guard < dominators.length; d = dominators[d], guard++) {
    if (inLeak[d]) return true;
  }
  return false;
}

/** The trace of `o` as alternating node and edge elements, root first. */
function traceElements(graph: HeapGraph, o: number, parent: Int32Array, parentEdge: Int32Array): TraceElement[] {
  const elements: TraceElement[] = [];
  const { classOf, names } = graph.classes();
  for (let x = o; x >= 0; x = parent[x]) {
    elements.push({ kind: "node", type: graph.nodeTypeName(x), name: names[classOf[x]] });
    if (parent[x] >= 0) elements.push({ kind: "edge", type: graph.edgeTypeName(parentEdge[x]), name: graph.edgeName(parentEdge[x]) });
  }
  return elements.reverse();
}
