/**
 * Leak clusters (memlab's three-snapshot method) in the commands' `--json` output. Their tables,
 * chain text, chain graph and HTML report come from `@heapgraph/render` (`leakClustersTable`,
 * `topChainText`, `chainSvg`, `leakReportHtml`).
 *
 * @module
 */
import type { LeakCluster } from "@heapgraph/graph";
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
    count: cluster.count,
    retainedSize: cluster.retainedSize,
    selfSize: cluster.selfSize,
    classes: cluster.classes.map((c) => ({ name: c.name, qualifiedName: c.qualifiedName, count: c.count })),
    representativeId: cluster.representativeId,
    ids: cluster.ids,
    trace: cluster.trace.map(stepJson),
  };
}
