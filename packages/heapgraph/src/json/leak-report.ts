/**
 * Leak clusters (memlab's three-snapshot method) in the commands' `--json` output and the MCP tools'
 * results. Their tables,
 * chain text, chain graph and HTML report come from `@heapgraph/render` (`leakClustersTable`,
 * `topChainText`, `chainSvg`, `leakReportHtml`).
 *
 * @module
 */
import type { LeakCluster, LeakHidden, LeakHolder } from "@heapgraph/graph";
import { stepJson } from "./chain-json.ts";

/**
 * A cluster in `--json` output.
 *
 * @example
 * ```ts
 * const clusters = findLeaks(baseline, target, final).map(clusterJson);
 * ```
 */
export function clusterJson(cluster: LeakCluster) {
  return {
    headline: cluster.headline,
    holder: cluster.holder && holderJson(cluster.holder),
    allocatedAt: cluster.allocatedAt && { count: cluster.allocatedAt.count, frames: cluster.allocatedAt.frames.map((f) => ({ ...f })) },
    count: cluster.count,
    retainedSize: cluster.retainedSize,
    selfSize: cluster.selfSize,
    classes: cluster.classes.map((c) => ({ name: c.name, qualifiedName: c.qualifiedName, count: c.count })),
    representativeId: cluster.representativeId,
    ids: cluster.ids,
    trace: cluster.trace.map(stepJson),
  };
}

/**
 * A growing holder in `--json` output: its path as steps.
 *
 * @example
 * ```ts
 * const holder = cluster.holder && holderJson(cluster.holder);
 * ```
 */
export function holderJson(holder: LeakHolder) {
  return {
    id: holder.id,
    className: holder.className,
    kind: holder.kind,
    label: holder.label,
    edge: holder.edge,
    unit: holder.unit,
    entries: holder.entries,
    holds: holder.holds,
    retainedSize: holder.retainedSize,
    code: holder.code,
    path: holder.path.map(stepJson),
  };
}

/**
 * What `leaks` hid by default, in `--json` output.
 *
 * @example
 * ```ts
 * const hidden = hiddenJson(leakReport(baseline, target, final).hidden);
 * ```
 */
export function hiddenJson(hidden: LeakHidden) {
  return { clusters: hidden.clusters, objects: hidden.objects, reasons: { ...hidden.reasons } };
}
