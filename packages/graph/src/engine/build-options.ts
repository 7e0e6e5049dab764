/**
 * What `buildGraph` accepts besides the snapshot: the schema of its options and the progress
 * reports the engine's lazy phases make.
 *
 * @module
 */
import { z } from "zod";

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
