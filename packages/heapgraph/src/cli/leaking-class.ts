/**
 * In a leak cluster, the class a developer recognizes: the first class defined in a script
 * (a `class` or constructor with a source location), rather than the object literals, arrays
 * and closures around it. The demo explains the leak with one of its instances.
 *
 * @module
 */
import { pathToRoot, type ChainStep, type HeapGraph, type LeakCluster } from "@heapgraph/graph";

/**
 * A cluster's leaking class and the retaining chain of its biggest leaked instance.
 *
 * @example
 * ```ts
 * const { name, count, chain }: LeakingClass = leakingClass(final, cluster)!;
 * ```
 */
export interface LeakingClass {
  readonly name: string;
  readonly qualifiedName: string;
  /** Leaked instances in the cluster. */
  readonly count: number;
  /** The chain from a GC root to the instance, root first. */
  readonly chain: readonly ChainStep[];
}

/**
 * The most frequent class of `cluster` whose qualified name has a script location
 * (`script:line:Name`), with the retaining chain of its biggest instance in `final`; null when
 * the cluster has no such class or no retaining path is found.
 *
 * @example
 * ```ts
 * const leaking = leakingClass(final, findLeaks(baseline, target, final)[0]);
 * console.log(leaking?.name); // "RequestContext"
 * ```
 */
export function leakingClass(final: HeapGraph, cluster: LeakCluster): LeakingClass | null {
  const located = cluster.classes.find((c) => c.qualifiedName !== c.name && c.qualifiedName.endsWith(`:${c.name}`));
  if (!located) return null;
  let best = null;
  for (const id of cluster.ids) {
    const node = final.nodeById(id);
    if (!node || node.className !== located.name) continue;
    if (!best || node.retainedSize > best.retainedSize) best = node;
  }
  if (!best) return null;
  const path = pathToRoot(final, best);
  if (!path.found) return null;
  return { name: located.name, qualifiedName: located.qualifiedName, count: located.count, chain: path.steps };
}
