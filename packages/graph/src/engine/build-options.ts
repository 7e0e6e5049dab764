/**
 * What `buildGraph` accepts besides the snapshot: the schema of its options and the progress
 * reports the engine's lazy phases make.
 *
 * @module
 */
import { z } from "zod";
import type { PhaseWorkers } from "./parallel/phase-workers.ts";

/**
 * The phases of the engine's lazy work, in the order they usually run.
 *
 * @example
 * ```ts
 * const phases: GraphPhase[] = ["distances", "dominators"];
 * ```
 */
export type GraphPhase =
  | "retainers"
  | "detachedness"
  | "classes"
  | "shallow sizes"
  | "distances"
  | "dominators"
  | "retained sizes"
  | "class stats"
  | "ids";

/**
 * Progress of a long computation: `done` out of `total` units of `phase`.
 *
 * @example
 * ```ts
 * buildGraph(snapshot, { onProgress: ({ phase, done, total }) => console.error(phase, done, "/", total) });
 * ```
 */
export interface GraphProgress {
  readonly phase: GraphPhase;
  readonly done: number;
  readonly total: number;
}

/**
 * The schema of `buildGraph`'s options (unknown keys are refused).
 *
 * @example
 * ```ts
 * buildGraphOptions.parse({ onProgress: (p: GraphProgress) => console.error(p.phase) });
 * ```
 */
export const buildGraphOptions = z.strictObject({
  /** Called a bounded number of times per phase (about 100), and once with `done === total`. */
  onProgress: z
    .custom<(progress: GraphProgress) => void>((value) => typeof value === "function", { error: "expected a function" })
    .optional(),
  /**
   * Workers to run phases on beside the calling thread (see `PhaseWorkers`): the dominator tree is
   * then computed on one while this thread computes classes, shallow sizes and distances. Takes
   * effect only for snapshots read with `sharedMemory: true` and big enough; results are identical.
   */
  parallel: z
    .custom<PhaseWorkers>((value) => typeof value === "object" && value !== null && typeof (value as PhaseWorkers).post === "function", { error: "expected { post(job) }" })
    .optional(),
});

/**
 * Options of `buildGraph`.
 *
 * @example
 * ```ts
 * const options: BuildGraphOptions = { onProgress: (p) => bar.update(p.phase, p.done / p.total) };
 * const graph = buildGraph(snapshot, options);
 * ```
 */
export type BuildGraphOptions = z.input<typeof buildGraphOptions>;
