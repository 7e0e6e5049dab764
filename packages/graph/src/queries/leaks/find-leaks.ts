import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { requireStableIds } from "../growth/id-stability.ts";
import { noiseFilterShape } from "../shared/noise-filter.ts";
import { fraction, nodePredicate, rowLimit, stableIdsOption } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { TraceSignatures } from "../shared/trace-signatures.ts";
import { clusterDescriber } from "./leak-cluster.ts";
import type { LeakCluster, LeakHidden, LeakReport } from "./leak-rows.ts";
import { leakedOrdinals } from "./leaked-ordinals.ts";
import { isRuntimeCluster } from "./runtime-clusters.ts";
import { clusterTraces, SIMILAR_TRACE_THRESHOLD } from "./trace-clusters.ts";

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
  /**
   * Keep what is hidden by default (default false): clusters of a single object, heapgraph's own
   * objects and its dependencies', the snapshot machinery's and the runtime's (see `noiseFilter`).
   * `classes`, `types` and `user` narrow the leaked objects as in `noiseFilter`.
   */
  ...noiseFilterShape,
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
  return [...leakReport(baseline, target, final, options).clusters];
}

/**
 * {@link findLeaks} with what it hid by default: the clusters, largest first, and how many
 * clusters and objects were left out and why (`hidden`), so an output can say so in one line.
 *
 * Each cluster is headed by its *growing holder*: the object that existed before the baseline and
 * that the leaked objects were added to (see `oldHolders`), with its entries in the three
 * snapshots, and a one-line `headline`. Traces are compared from the first user-visible root
 * (global object, Window, module) with repeated steps folded (see `TraceSignatures`), so no
 * path is built per leaked object: memory stays linear in the heap whatever the paths' depth.
 *
 * @example
 * ```ts
 * const { clusters, hidden } = leakReport(baseline, target, final);
 * console.log(clusters[0]?.headline);
 * if (hidden.clusters) console.log(`hid ${hidden.clusters} clusters of one object; { all: true } shows them`);
 * ```
 */
export function leakReport(baseline: HeapGraph, target: HeapGraph, final: HeapGraph, options: FindLeaksOptions = {}): LeakReport {
  const parsed = parseQueryOptions("findLeaks", findLeaksOptions, options);
  requireStableIds("findLeaks", [baseline, target, final], parsed.stableIds);
  const { leaked, noise } = leakedOrdinals(baseline, target, final, parsed);
  const retained = final.retainedSizes();

  // Group by folded trace signature; only distinct signatures are compared for similarity.
  const signatures = new TraceSignatures(final);
  const bySignature = new Map<number, { members: number[]; size: number }>();
  for (const o of leaked) {
    const signature = signatures.of(o);
    let group = bySignature.get(signature);
    if (!group) bySignature.set(signature, (group = { members: [], size: 0 }));
    group.members.push(o);
    group.size += retained[o];
  }
  const groups = [...bySignature].sort(([, a], [, b]) => b.size - a.size || b.members.length - a.members.length);
  const clusterOf = clusterTraces(groups.map(([signature]) => signatures.elements(signature)), parsed.similarity ?? SIMILAR_TRACE_THRESHOLD);

  const clusters: number[][] = [];
  groups.forEach(([, g], i) => (clusters[clusterOf[i]] ??= []).push(...g.members));
  const describe = clusterDescriber(baseline, target, final, leaked);

  const all = parsed.all ?? false;
  let hiddenClusters = 0, hiddenObjects = 0, runtimeObjects = 0;
  const out: LeakCluster[] = [];
  for (const members of clusters) {
    if (!all && members.length < 2) {
      hiddenClusters++;
      hiddenObjects += members.length;
      continue;
    }
    const cluster = describe(members);
    if (!all && isRuntimeCluster(final, members, cluster.holder?.code ?? null)) {
      hiddenClusters++;
      runtimeObjects += members.length;
      continue;
    }
    out.push(cluster);
  }
  out.sort((a, b) => b.retainedSize - a.retainedSize || b.count - a.count || a.representativeId - b.representativeId);
  const reasons: Record<string, number> = {};
  if (hiddenObjects > 0) reasons["single object"] = hiddenObjects;
  for (const [reason, n] of Object.entries(noise)) reasons[reason] = n;
  if (runtimeObjects > 0) reasons["noise: runtime"] = (reasons["noise: runtime"] ?? 0) + runtimeObjects;
  const hidden: LeakHidden = {
    clusters: hiddenClusters,
    objects: hiddenObjects + runtimeObjects + Object.values(noise).reduce((a, b) => a + b, 0),
    reasons,
  };
  return { clusters: out.slice(0, parsed.limit ?? Infinity), hidden };
}
