import type { HeapGraph } from "../../engine/index.ts";
import { allocationSites } from "../allocations/allocation-sites.ts";
import { chainStep } from "../chains/chain-step.ts";
import { collapseRepeats } from "../chains/collapse-repeats.ts";
import { cmp } from "../shared/compare-strings.ts";
import { describeHolder, groupByHolder, growingCollection, oldHolders } from "./growing-holders.ts";
import { leakHeadline } from "./leak-headline.ts";
import type { LeakCluster } from "./leak-rows.ts";
import { leakedDominatorAncestors } from "./leaked-dominators.ts";
import { timerSummary } from "./timer-summary.ts";

/**
 * What `leakReport` says about one cluster of leaked objects (ordinals in `final`): its sizes
 * (each byte once), classes, representative (the object that retains most) and its folded trace,
 * the growing holder, the allocation site when traces exist, and the headline. The indexes it
 * needs are built once, for all clusters of a report.
 *
 * @example
 * ```ts
 * const describe = clusterDescriber(baseline, target, final, leaked);
 * const cluster = describe(members);
 * console.log(cluster.headline);
 * ```
 */
export function clusterDescriber(baseline: HeapGraph, target: HeapGraph, final: HeapGraph, leaked: readonly number[]): (members: readonly number[]) => LeakCluster {
  const { parent, parentEdge } = final.retentionTree();
  const retained = final.retainedSizes();
  const sizes = final.selfSizes();
  const inLeak = new Uint8Array(final.nodeCount);
  for (const o of leaked) inLeak[o] = 1;
  const underLeak = leakedDominatorAncestors(final, inLeak);
  const ownSize = (o: number) => (underLeak(o) ? 0 : retained[o]);
  const { classOf, names } = final.classes();
  const qualified = final.qualifiedClassNames();
  const { id: nodeId } = final.nodeColumns();
  const holderIndex = oldHolders(final, final.idMatches(baseline));
  const snapshots = [baseline, target, final];
  const distances = final.distances();
  const tracked = final.hasAllocationTraces();

  return (members) => {
    let retainedSize = 0, selfSize = 0, representative = members[0];
    const classes = new Map<number, number>();
    const nearest = new Map<number, number>();
    for (const o of members) {
      selfSize += sizes[o];
      retainedSize += ownSize(o);
      if (retained[o] > retained[representative] || (retained[o] === retained[representative] && nodeId[o] < nodeId[representative])) representative = o;
      classes.set(classOf[o], (classes.get(classOf[o]) ?? 0) + 1);
      if (!(distances[o] >= (nearest.get(classOf[o]) ?? Infinity))) nearest.set(classOf[o], distances[o]);
    }
    const trace: number[] = [];
    for (let x = representative; x >= 0; x = parent[x]) trace.push(x);
    trace.reverse();
    const steps = collapseRepeats(trace.map((x, i) => chainStep(final, x, i === 0 ? -1 : parentEdge[x])));
    // The holder of most of the cluster's objects (then of the most retained).
    const holders = groupByHolder(members, holderIndex, ownSize);
    let top = -1;
    for (const [h, held] of holders) {
      const best = holders.get(top);
      if (!best || held.holds > best.holds || (held.holds === best.holds && held.retainedSize > best.retainedSize)) top = h;
    }
    const holder = top < 0 ? null : describeHolder(final, growingCollection(final, top, holders.get(top)!), snapshots, holders.get(top)!);
    // Equal counts: the class nearest the roots first (the list's Timeouts before their callbacks).
    const leakClasses = [...classes]
      .map(([c, n]) => ({ name: names[c], qualifiedName: qualified[c], count: n, depth: nearest.get(c) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.depth - b.depth || cmp(a.qualifiedName, b.qualifiedName))
      .map(({ depth: _, ...c }) => c);
    const sites = tracked ? allocationSites(final, { ordinals: members }, { limit: 1 }) : null;
    const allocatedAt = sites?.[0] ? { frames: sites[0].frames, count: sites[0].count } : null;
    return {
      count: members.length,
      retainedSize,
      selfSize,
      classes: leakClasses,
      headline: leakHeadline({ count: members.length, classes: leakClasses, trace: steps, allocatedAt }, holder, timerSummary(final, members)),
      holder,
      allocatedAt,
      trace: steps,
      representativeId: nodeId[representative],
      ids: members.map((o) => nodeId[o]).sort((a, b) => a - b),
    };
  };
}
