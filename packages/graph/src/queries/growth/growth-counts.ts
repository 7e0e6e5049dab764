import { NOISE_REASONS, type HeapGraph, type HeapNode } from "../../engine/index.ts";
import { HIDDEN, noiseFilter, reasonCounts, SHOWN, type HiddenSummary, type NoiseFilterOptions } from "../shared/noise-filter.ts";
import { callPredicate } from "../shared/user-callbacks.ts";

/**
 * One class's counts in a snapshot: the objects shown and those hidden by default (noise).
 *
 * @example
 * ```ts
 * const item: QualifiedCount = countsByQualifiedName(graph, "growth").classes.get("Item")!;
 * console.log(item.count, item.hiddenCount);
 * ```
 */
export interface QualifiedCount {
  readonly name: string;
  /** Objects shown (non-zero size). */
  count: number;
  /** Their shallow size. */
  selfSize: number;
  /** Objects hidden by default (noise), non-zero size. */
  hiddenCount: number;
  /** Their shallow size. */
  hiddenSize: number;
}

/**
 * Counts per qualified class name, and hidden objects per noise reason (indexed like `NOISE_REASONS`).
 *
 * @example
 * ```ts
 * const { classes, hiddenPerReason } = countsByQualifiedName(graph, "growth");
 * ```
 */
export interface QualifiedCounts {
  readonly classes: Map<string, QualifiedCount>;
  readonly hiddenPerReason: Float64Array;
}

/**
 * The options of {@link countsByQualifiedName}: the noise filter's, and a node predicate.
 *
 * @example
 * ```ts
 * const options: CountingOptions = { user: true, filter: (n) => n.type === "object" };
 * ```
 */
export type CountingOptions = NoiseFilterOptions & { readonly filter?: ((node: HeapNode) => boolean) | undefined };

/**
 * Instance counts and shallow sizes per class, keyed by qualified name (same-named classes from
 * one site merge), by DevTools' counting rules (nodes of size 0 are not counted), split into the
 * objects shown and those hidden by default as noise (see `noiseFilter`). Needs no dominators:
 * the engine's `classCounts()` when nothing is hidden or filtered, else one pass over the nodes.
 *
 * @example
 * ```ts
 * countsByQualifiedName(graph, "growth").classes.get("MyBigFatObject")?.count;
 * countsByQualifiedName(graph, "growth", { all: true, classes: ["(string)"] });
 * ```
 */
export function countsByQualifiedName(graph: HeapGraph, query: string, options: CountingOptions = {}): QualifiedCounts {
  const { filter, ...noise } = options;
  const { names, classOf } = graph.classes();
  const qualified = graph.qualifiedClassNames();
  const count = new Uint32Array(names.length), selfSize = new Float64Array(names.length);
  const hiddenCount = new Uint32Array(names.length), hiddenSize = new Float64Array(names.length);
  const hiddenPerReason = new Float64Array(NOISE_REASONS.length);
  const plain = noise.all === true && !noise.classes && !noise.types && !noise.user && !filter;
  if (plain) {
    const counts = graph.classCounts();
    count.set(counts.count);
    selfSize.set(counts.selfSize);
  } else {
    const { mask } = noiseFilter(graph, noise, query);
    const reasons = graph.noiseMask();
    const sizes = graph.selfSizes();
    for (let o = 0; o < graph.nodeCount; o++) {
      const m = mask[o];
      if (m === 0 || sizes[o] === 0) continue;
      if (filter && !callPredicate(query, "filter", filter, graph.node(o))) continue;
      const c = classOf[o];
      if (m === SHOWN) {
        count[c]++;
        selfSize[c] += sizes[o];
      } else if (m === HIDDEN) {
        hiddenCount[c]++;
        hiddenSize[c] += sizes[o];
        hiddenPerReason[reasons[o]]++;
      }
    }
  }
  const classes = new Map<string, QualifiedCount>();
  for (let c = 0; c < names.length; c++) {
    if (count[c] === 0 && hiddenCount[c] === 0) continue;
    const seen = classes.get(qualified[c]);
    if (seen) {
      seen.count += count[c];
      seen.selfSize += selfSize[c];
      seen.hiddenCount += hiddenCount[c];
      seen.hiddenSize += hiddenSize[c];
    } else {
      classes.set(qualified[c], { name: names[c], count: count[c], selfSize: selfSize[c], hiddenCount: hiddenCount[c], hiddenSize: hiddenSize[c] });
    }
  }
  return { classes, hiddenPerReason };
}

/**
 * What growth from `before` to `now` hid: classes whose hidden objects grew and that have no row
 * (`shown` holds the qualified names with rows), the hidden objects and bytes added (per class,
 * growth only), and the hidden objects added per reason.
 *
 * @example
 * ```ts
 * const hidden = hiddenGrowth(old, now, new Set(rows.map((r) => r.qualifiedName)));
 * ```
 */
export function hiddenGrowth(before: QualifiedCounts | undefined, now: QualifiedCounts, shown: ReadonlySet<string>): HiddenSummary {
  let classes = 0, objects = 0, bytes = 0;
  for (const [qualifiedName, c] of now.classes) {
    const old = before?.classes.get(qualifiedName);
    const added = c.hiddenCount - (old?.hiddenCount ?? 0);
    if (added <= 0) continue;
    objects += added;
    bytes += Math.max(0, c.hiddenSize - (old?.hiddenSize ?? 0));
    if (!shown.has(qualifiedName)) classes++;
  }
  const perReason = now.hiddenPerReason.map((n, r) => Math.max(0, n - (before?.hiddenPerReason[r] ?? 0)));
  return { classes, objects, bytes, reasons: reasonCounts(perReason) };
}
