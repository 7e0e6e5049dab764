/**
 * How far a command is, as one fraction for its progress bar: each input file is an equal part
 * of the command, and within a part, reading the file comes first, then the engine's phases in
 * the order they usually run. Phases run lazily (and one file's may run after the next file is
 * read); the bar never goes back, so a phase that runs late shows its name at the percentage
 * already reached.
 *
 * @module
 */
import type { GraphPhase } from "@heapgraph/graph";

/** The engine's phases in the order they usually run for the commands (measured on summary). */
const PHASES: readonly GraphPhase[] = ["retainers", "detachedness", "classes", "dominators", "shallow sizes", "retained sizes", "distances", "class stats", "ids"];

/**
 * Which part of the command a file is: the `index`-th of `count` files, reading being
 * `readShare` (default 0.4) of its part and the engine's phases the rest.
 *
 * @example
 * ```ts
 * const second: ProgressPart = { index: 1, count: 2 }; // compare's AFTER file: 50% to 100%
 * ```
 */
export interface ProgressPart {
  readonly index: number;
  readonly count: number;
  readonly readShare?: number;
}

/**
 * The part of a command that reads one file.
 *
 * @example
 * ```ts
 * await loadGraph(file, ctx, ONLY_FILE);
 * ```
 */
export const ONLY_FILE: ProgressPart = Object.freeze({ index: 0, count: 1 });

const DEFAULT_READ_SHARE = 0.4;

/**
 * The command's fraction when `fraction` (0..1) of `part`'s file is read.
 *
 * @example
 * ```ts
 * readingFraction({ index: 1, count: 2 }, 0.5); // 0.6
 * ```
 */
export function readingFraction(part: ProgressPart, fraction: number): number {
  return (part.index + (part.readShare ?? DEFAULT_READ_SHARE) * clamp(fraction)) / part.count;
}

/**
 * The command's fraction when `done` of `total` units of the engine's `phase` are done for
 * `part`'s file. A phase this list does not know counts as the last.
 *
 * @example
 * ```ts
 * phaseFraction(ONLY_FILE, "dominators", 50, 100); // 0.4 + 0.6 * (3.5 / 9)
 * ```
 */
export function phaseFraction(part: ProgressPart, phase: GraphPhase, done: number, total: number): number {
  const found = PHASES.indexOf(phase);
  const position = found < 0 ? PHASES.length - 1 : found;
  const within = (position + (total > 0 ? clamp(done / total) : 0)) / PHASES.length;
  const read = part.readShare ?? DEFAULT_READ_SHARE;
  return (part.index + read + (1 - read) * within) / part.count;
}

/**
 * The command's fraction when `fraction` (0..1) of `part`'s index cache is read or written: a
 * cache read stands for reading the file and every phase, so it spans the file's whole part.
 *
 * @example
 * ```ts
 * cacheFraction({ index: 1, count: 2 }, 0.5); // 0.75
 * ```
 */
export function cacheFraction(part: ProgressPart, fraction: number): number {
  return (part.index + clamp(fraction)) / part.count;
}

function clamp(f: number): number {
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0;
}
