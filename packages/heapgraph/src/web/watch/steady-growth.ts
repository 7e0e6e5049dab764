/**
 * Which classes grow steadily: the rule `heapgraph watch` marks classes by.
 *
 * @module
 */
import { z } from "zod";
import { WatchError } from "./watch-error.ts";

/**
 * The schema of {@link SteadyGrowthOptions}.
 *
 * @example
 * ```ts
 * steadyGrowthOptions.parse({ window: 8 });
 * ```
 */
export const steadyGrowthOptions = z.strictObject({
  /** How many of the latest samples are judged (default 8). */
  window: z.number().int().min(3).max(1000).optional(),
  /** Fewest samples before anything is marked (default 4). */
  minSamples: z.number().int().min(3).max(1000).optional(),
  /** Share of the window's steps that must be increases (default 0.7). */
  rising: z.number().gt(0).max(1).optional(),
  /** Fewest instances gained over the window (default 20). */
  floor: z.number().int().min(1).optional(),
});

/**
 * Options of {@link steadyGrowth}.
 *
 * @example
 * ```ts
 * steadyGrowth([10, 20, 30, 40, 50], { floor: 10 } satisfies SteadyGrowthOptions);
 * ```
 */
export type SteadyGrowthOptions = z.input<typeof steadyGrowthOptions>;

/**
 * The verdict on one class's counts.
 *
 * @example
 * ```ts
 * const { growing, slope }: SteadyGrowth = steadyGrowth(counts);
 * ```
 */
export interface SteadyGrowth {
  readonly growing: boolean;
  /** Theil–Sen slope over the window: instances gained per sample (the median of the pairwise slopes). */
  readonly slope: number;
  /** Last count minus the window's first. */
  readonly net: number;
}

/**
 * Whether `counts` (one class, oldest first) grew steadily over its latest `window` samples:
 * at least `rising` of the steps are increases, the net gain is at least `floor` instances and
 * still is without its largest step (a cache filled once, a burst of requests is one step; a
 * leak's steps are uneven when captures take uneven times, so their sizes are not compared),
 * and the Theil–Sen slope (the median of the slopes between every pair of samples,
 * which one outlier cannot move) is positive. A leak adds a few objects per sample, sample
 * after sample; noise goes up and down; a one-time jump is one step.
 *
 * @throws {WatchError} `INVALID_OPTIONS` for options out of range.
 *
 * @example
 * ```ts
 * steadyGrowth([100, 140, 180, 220, 260, 300]).growing; // true
 * steadyGrowth([100, 100, 900, 900, 900, 900]).growing; // false: one jump
 * ```
 */
export function steadyGrowth(counts: readonly number[], options: SteadyGrowthOptions = {}): SteadyGrowth {
  const parsed = steadyGrowthOptions.safeParse(options);
  if (!parsed.success) throw new WatchError("INVALID_OPTIONS", `steadyGrowth: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")} (got ${JSON.stringify(options)})`);
  const { window = 8, minSamples = 4, rising = 0.7, floor = 20 } = parsed.data;
  const xs = counts.slice(-window);
  if (xs.length < 2) return { growing: false, slope: 0, net: 0 };
  const net = xs[xs.length - 1] - xs[0];
  const slope = theilSen(xs);
  if (xs.length < minSamples) return { growing: false, slope, net };
  let ups = 0, biggest = 0;
  for (let i = 1; i < xs.length; i++) {
    const step = xs[i] - xs[i - 1];
    if (step > 0) ups++;
    biggest = Math.max(biggest, step);
  }
  const growing = ups >= Math.ceil(rising * (xs.length - 1)) && net - biggest >= floor && slope > 0;
  return { growing, slope, net };
}

/** The median of the slopes between every pair of points (x = the sample's index). */
function theilSen(ys: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < ys.length; i++) for (let j = i + 1; j < ys.length; j++) slopes.push((ys[j] - ys[i]) / (j - i));
  slopes.sort((a, b) => a - b);
  const mid = slopes.length >> 1;
  return slopes.length % 2 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
}
