import type { TraceElement } from "../shared/trace-element.ts";

export type { TraceElement };

/**
 * Traces at least this similar go into one cluster (memlab's threshold).
 *
 * @example
 * ```ts
 * findLeaks(baseline, target, final, { similarity: SIMILAR_TRACE_THRESHOLD });
 * ```
 */
export const SIMILAR_TRACE_THRESHOLD = 0.8;

const NUMERIC = /^\d+$/;

/**
 * How alike two retainer traces are, from 0 to 1, in the manner of memlab's trace similarity:
 * the traces are walked side by side from the root, each position weighing less than the one
 * before (so the shared beginning of two paths matters most), and a position matches when both
 * are nodes of the same type and class, or edges of the same type and name — element indices
 * (`[3]` vs `[7]`) match when the nodes holding them match, so the listeners of one array are
 * alike. Positions past the end of the shorter trace count as mismatches.
 *
 * @example
 * ```ts
 * traceSimilarity(a, b) >= SIMILAR_TRACE_THRESHOLD; // same leak
 * ```
 */
export function traceSimilarity(a: readonly TraceElement[], b: readonly TraceElement[]): number {
  const length = Math.max(a.length, b.length);
  if (length === 0) return 1;
  let weight = 1, matched = 0, total = 0;
  // Weights fall from 1 to about 0.1 along the longer trace, and by 1% per step besides.
  const fall = 0.9 / length;
  for (let i = 0; i < length; i++) {
    if (elementsMatch(a, b, i)) matched += weight;
    total += weight;
    weight = weight * 0.99 - fall;
    if (weight < 0.01) weight = 0.01;
  }
  return matched / total;
}

function elementsMatch(a: readonly TraceElement[], b: readonly TraceElement[], i: number): boolean {
  const x = a[i], y = b[i];
  if (!x || !y || x.kind !== y.kind || x.type !== y.type) return false;
  if (x.name === y.name) return true;
  if (x.kind !== "edge" || !NUMERIC.test(x.name) || !NUMERIC.test(y.name)) return false;
  const hx = a[i - 1], hy = b[i - 1];
  return hx !== undefined && hy !== undefined && hx.kind === "node" && hy.kind === "node" && hx.type === hy.type && hx.name === hy.name;
}

/**
 * Groups traces greedily, in the order given: each trace joins the first cluster whose first
 * trace (its representative) is at least `threshold` similar, or starts a new cluster. Give the
 * traces most important first (e.g. by retained size) so they become the representatives.
 * Returns the cluster number of each trace.
 *
 * @example
 * ```ts
 * const clusterOf = clusterTraces(traces); // [0, 0, 1, 0, ...]
 * ```
 */
export function clusterTraces(traces: readonly (readonly TraceElement[])[], threshold = SIMILAR_TRACE_THRESHOLD): number[] {
  const representatives: number[] = [];
  const clusterOf: number[] = [];
  for (let i = 0; i < traces.length; i++) {
    let joined = -1;
    for (let c = 0; c < representatives.length; c++) {
      if (traceSimilarity(traces[representatives[c]], traces[i]) >= threshold) {
        joined = c;
        break;
      }
    }
    if (joined < 0) {
      joined = representatives.length;
      representatives.push(i);
    }
    clusterOf.push(joined);
  }
  return clusterOf;
}
