/**
 * The error class of scenario runs (`heapgraph run`, `runScenario`).
 *
 * @module
 */
import { HeapgraphError } from "@heapgraph/snapshot";

/**
 * What went wrong in a scenario run:
 * - `INVALID_SCENARIO`: the module cannot be imported, or what it exports is not a scenario (the
 *   message names the file and the field);
 * - `START_FAILED`: the process to start exited, printed no inspector or service URL in time, or
 *   the browser did not start;
 * - `STEP_FAILED`: the scenario's `setup`, `action` or `back` threw (the cause is kept).
 *
 * @example
 * ```ts
 * const code: ScenarioErrorCode = "STEP_FAILED";
 * ```
 */
export type ScenarioErrorCode = "INVALID_SCENARIO" | "START_FAILED" | "STEP_FAILED";

/**
 * A failure of a scenario run. `code` says which; the message names the scenario file and the
 * step. A `HeapgraphError`, as every error of heapgraph's packages. Capture failures pass through
 * as `CaptureError`.
 *
 * @example
 * ```ts
 * try {
 *   await runScenario(await loadScenario("leak.mjs"));
 * } catch (error) {
 *   if (error instanceof ScenarioError && error.code === "STEP_FAILED") console.error(error.message);
 * }
 * ```
 */
export class ScenarioError extends HeapgraphError<ScenarioErrorCode> {}
