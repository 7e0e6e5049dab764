/**
 * What the leak queries return: plain data, safe for `--json`, and the row types `@heapgraph/render` draws.
 *
 * @module
 */
import type { ChainStep } from "../chains/chain-rows.ts";

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
