import type { LeakCluster } from "@heapgraph/graph";
import { chainText } from "../text/chain-text.ts";

/**
 * The retaining chain of a cluster's representative (its biggest object) as text, root first,
 * under a heading line: what `heapgraph leaks` prints under the cluster table.
 *
 * @example
 * ```ts
 * console.log(topChainText(findLeaks(baseline, target, final)[0]));
 * // Retaining chain of the largest cluster's biggest object, Session @303 (root first):
 * //   (root) @1  [12 MB retained]
 * //   ...
 * ```
 */
export function topChainText(cluster: LeakCluster): string {
  const leaked = cluster.trace.at(-1)!;
  return `Retaining chain of the largest cluster's biggest object, ${leaked.className} @${leaked.id} (root first):\n${chainText(cluster.trace)}`;
}
