import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { chainStep } from "../chains/chain-step.ts";
import { requireStableIds } from "../growth/id-stability.ts";
import { cmp } from "../shared/compare-strings.ts";
import { fraction, nodePredicate, rowLimit, stableIdsOption } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { callPredicate } from "../shared/user-callbacks.ts";
import type { LeakCluster } from "./leak-rows.ts";
import { clusterTraces, SIMILAR_TRACE_THRESHOLD, type TraceElement } from "./trace-clusters.ts";

/**
 * The schema of {@link findLeaks}' options.
 *
 * @example
 * ```ts
 * findLeaksOptions.parse({ similarity: 0.9, limit: 5 });
 * ```
 */
export const findLeaksOptions = z.strictObject({
  ...stableIdsOption,
  /** Consider only leaked objects for which this returns true (memlab's leak filter). */
  filter: nodePredicate.optional(),
  /** Keep trivial and internal objects too: strings, numbers, V8 internals and plumbing (default false). */
  internals: z.boolean().optional(),
  /** How similar two traces must be to share a cluster, 0..1 (default 0.8, memlab's). */
  similarity: fraction.optional(),
  /** How many clusters to return, largest first (default all). */
  limit: rowLimit.optional(),
});

/**
 * Options of {@link findLeaks}.
 *
 * @example
 * ```ts
 * findLeaks(baseline, target, final, { filter: (n) => n.retainedSize > 1024, similarity: 0.9, limit: 5 });
 * ```
 */
export type FindLeaksOptions = z.input<typeof findLeaksOptions>;

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
  const parsed = parseQueryOptions("findLeaks", findLeaksOptions, options);
  requireStableIds("findLeaks", [baseline, target, final], parsed.stableIds);
  const leaked = leakedOrdinals(baseline, target, final, parsed);
  const { parent, parentEdge } = final.retentionTree();
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
  const clusterOf = clusterTraces(groups.map((g) => g.elements), parsed.similarity ?? SIMILAR_TRACE_THRESHOLD);

  const clusters: number[][] = [];
  groups.forEach((g, i) => (clusters[clusterOf[i]] ??= []).push(...g.members));
  const inLeak = new Uint8Array(final.nodeCount);
  for (const o of leaked) inLeak[o] = 1;
  const dominators = final.dominators();
  const { classOf, names } = final.classes();
  const qualified = final.qualifiedClassNames();
  const { id: nodeId } = final.nodeColumns();

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
  return out.slice(0, parsed.limit ?? Infinity);
}

/** Ordinals (in `final`) of objects allocated between baseline and target and alive in final, filtered. */
function leakedOrdinals(baseline: HeapGraph, target: HeapGraph, final: HeapGraph, options: z.output<typeof findLeaksOptions>): number[] {
  const { type: nodeType, name: nodeName, strings } = final.nodeColumns();
  const codes = final.typeCodes();
  const { parent } = final.retentionTree();
  const sizes = final.selfSizes();
  const plumbing = final.plumbingMask();
  // By type code (at most 255): 1 for the types a leak can be.
  const kept = new Uint8Array(256);
  for (const t of [codes.object, codes.closure, codes.regexp, codes.native]) if (t >= 0) kept[t] = 1;
  const { internals = false, filter } = options;
  const inTarget = final.idMatches(target), inBaseline = final.idMatches(baseline);
  const out: number[] = [];
  for (let o = 0; o < final.nodeCount; o++) {
    if (sizes[o] === 0 || parent[o] < 0) continue;
    if (inTarget[o] < 0 || inBaseline[o] >= 0) continue;
    if (!internals && (!kept[nodeType[o]] || plumbing[o] || (strings[nodeName[o]] ?? "").startsWith("system / "))) continue;
    if (filter && !callPredicate("findLeaks", "filter", filter, final.node(o))) continue;
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
