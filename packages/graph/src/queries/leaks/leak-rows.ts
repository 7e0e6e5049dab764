/**
 * What the leak queries return: plain data, safe for `--json`, and the row types `@heapgraph/render` draws.
 *
 * @module
 */
import type { AllocationFrame } from "../../engine/index.ts";
import type { ChainStep } from "../chains/chain-rows.ts";
import type { HolderKind } from "./holder-entries.ts";

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
  /**
   * The cluster in one line, the answer to "what leaks, and what holds it": the growing holder,
   * its growth across the snapshots and what it holds
   * (`Array createDebug.instances grew 20 → 220 → 420 elements, holding 400 leaked Function (debug)`),
   * or, when no holder existed before the baseline, the leaked objects and their trace's last steps.
   */
  readonly headline: string;
  /** The growing holder: the object that existed before the baseline and that the leaked objects were added to; null when none did. */
  readonly holder: LeakHolder | null;
  /**
   * Where most of the cluster's objects were allocated, when the snapshots carry allocation traces
   * (taken with allocation tracking on): the stack, top frame first, and how many objects share
   * it; null without traces.
   */
  readonly allocatedAt: { readonly frames: readonly AllocationFrame[]; readonly count: number } | null;
  /**
   * The representative's retainer trace: the shortest retaining path from the roots, root first,
   * ending at the representative, with repeated blocks of steps collapsed (see `collapseRepeats`).
   */
  readonly trace: readonly ChainStep[];
  /** Heap object id of the representative (the leaked object with the largest retained size). */
  readonly representativeId: number;
  /** Heap object ids of all leaked objects of the cluster (in `final`), ascending. */
  readonly ids: readonly number[];
}

/**
 * Where a function's code is: 1-based line and column, as editors show them.
 *
 * @example
 * ```ts
 * const where: CodeLocation = { functionName: "createDebug", script: "node_modules/debug/src/common.js", line: 60, column: 21 };
 * ```
 */
export interface CodeLocation {
  readonly functionName: string;
  readonly script: string;
  readonly line: number;
  readonly column: number;
}

/**
 * A growing holder (accumulation point across snapshots): an object that existed before the first
 * snapshot and to which new objects were added — an array, a Map or Set, an object used as a
 * dictionary, a listener list, a scope. Plain data.
 *
 * @example
 * ```ts
 * const { holder } = findLeaks(baseline, target, final)[0];
 * if (holder) console.log(holder.label, holder.entries.join(" → "), holder.unit);
 * ```
 */
export interface LeakHolder {
  /** Heap object id (the same object in every snapshot). */
  readonly id: number;
  readonly className: string;
  readonly kind: HolderKind;
  /** How its retaining path names it, from the nearest owner with a name: `createDebug.instances`, `Socket._events.close`. */
  readonly label: string;
  /** The name of the edge its owner holds it by, or null for a root. */
  readonly edge: string | null;
  /** What `entries` counts: `elements`, `entries`, `properties`, `variables` or `references`. */
  readonly unit: string;
  /** Its entries in each snapshot given, oldest first; null where it did not exist. */
  readonly entries: readonly (number | null)[];
  /** How many of the cluster's new objects it holds. */
  readonly holds: number;
  /** What those objects keep alive, each byte counted once. */
  readonly retainedSize: number;
  /** Its retaining path from the roots, root first, repeats collapsed. */
  readonly path: readonly ChainStep[];
  /** The code behind it: the nearest function on its path with a script position, or null. */
  readonly code: CodeLocation | null;
}

/**
 * What a leak or growth query left out by default, so its output can say so in one line.
 *
 * @example
 * ```ts
 * const { hidden } = leakReport(baseline, target, final);
 * if (hidden.clusters) console.log(`hid ${hidden.clusters} clusters (${hidden.objects} objects) — { all: true } shows them`);
 * ```
 */
export interface LeakHidden {
  /** Clusters left out: of one object only, or the runtime's own (see `isRuntimeCluster`). */
  readonly clusters: number;
  /** Leaked objects in those clusters, plus noise objects left out before clustering. */
  readonly objects: number;
  /** Objects left out per reason: `single object`, or `noise: <reason>` (`heapgraph`, `snapshot`, `engine`, `runtime`; see `NOISE_REASONS`). */
  readonly reasons: Readonly<Record<string, number>>;
}

/**
 * What `leakReport` returns: the clusters, largest first, and what was hidden.
 *
 * @example
 * ```ts
 * const { clusters, hidden } = leakReport(baseline, target, final);
 * ```
 */
export interface LeakReport {
  readonly clusters: readonly LeakCluster[];
  readonly hidden: LeakHidden;
}

/**
 * Where the memory of a suspect piles up: the object whose dominated children share it out.
 *
 * @example
 * ```ts
 * const point = leakSuspects(graph)[0]?.accumulation;
 * console.log(point?.className, point?.children, point?.topChildClass);
 * ```
 */
export interface AccumulationPoint {
  readonly id: number;
  readonly className: string;
  readonly preview: string;
  readonly retainedSize: number;
  /** How many objects it immediately dominates. */
  readonly children: number;
  /** The most common class among those objects, and how many there are. */
  readonly topChildClass: { readonly name: string; readonly count: number } | null;
  /** The retaining path from the roots to the accumulation point, root first. */
  readonly path: readonly ChainStep[];
}

/**
 * One leak suspect (a row of `leakSuspects`). Plain data.
 *
 * @example
 * ```ts
 * for (const s of leakSuspects(graph)) console.log(s.kind, s.description);
 * ```
 */
export interface LeakSuspect {
  /** `object`: one object keeps a big share of the heap; `class`: many instances of one class together do. */
  readonly kind: "object" | "class";
  /** A sentence in Eclipse MAT's manner. */
  readonly description: string;
  readonly className: string;
  readonly qualifiedName: string;
  /** For `object`: its heap object id; for `class`: absent. */
  readonly id?: number;
  /** Instances: 1 for `object`. */
  readonly count: number;
  readonly retainedSize: number;
  /** `retainedSize` as a fraction of the heap. */
  readonly share: number;
  readonly accumulation: AccumulationPoint | null;
}

/**
 * One big dominator subtree (a row of `largestRetainers`). Plain data.
 *
 * @example
 * ```ts
 * const [biggest]: RetainerRow[] = largestRetainers(graph);
 * console.log(biggest.className, biggest.retainedSize, `${(biggest.share * 100).toFixed(1)}%`);
 * ```
 */
export interface RetainerRow {
  readonly id: number;
  readonly className: string;
  /** A short description of the node. */
  readonly preview: string;
  readonly selfSize: number;
  /** What collecting this object would free. */
  readonly retainedSize: number;
  /** `retainedSize` as a fraction of the whole heap (0..1). */
  readonly share: number;
  /** The dominators above it, from the root down (class names), skipping the synthetic root. */
  readonly dominatedBy: readonly string[];
}
