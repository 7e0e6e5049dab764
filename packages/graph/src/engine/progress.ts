import type { GraphPhase, GraphProgress } from "./build-options.ts";

/** How many reports a phase makes at most, besides the final one. */
const REPORTS_PER_PHASE = 100;

/**
 * Rate-limited progress for one phase. Hot loops compare their counter with {@link next}
 * and call {@link report} only when it is reached, so a phase without a listener costs one
 * comparison per step.
 *
 * @example
 * ```ts
 * const progress = new PhaseProgress(onProgress, "distances", nodeCount);
 * for (let i = 0; i < nodeCount; i++) {
 *   if (i >= progress.next) progress.report(i);
 *   // ...
 * }
 * progress.done();
 * ```
 */
export class PhaseProgress {
  /** The counter value at which the next report is due (Infinity without a listener). */
  next: number;
  readonly #listener: ((progress: GraphProgress) => void) | undefined;
  readonly #phase: GraphPhase;
  readonly #total: number;
  readonly #step: number;

  constructor(listener: ((progress: GraphProgress) => void) | undefined, phase: GraphPhase, total: number) {
    this.#listener = listener;
    this.#phase = phase;
    this.#total = total;
    this.#step = Math.max(1, Math.ceil(total / REPORTS_PER_PHASE));
    this.next = listener && total > 0 ? this.#step : Infinity;
  }

  /** Reports `done` units (when below the total) and schedules the next report. */
  report(done: number): void {
    if (done < this.#total) this.#listener?.({ phase: this.#phase, done, total: this.#total });
    this.next = done + this.#step;
  }

  /** Reports completion (`done === total`), once. */
  done(): void {
    this.#listener?.({ phase: this.#phase, done: this.#total, total: this.#total });
    this.next = Infinity;
  }
}
