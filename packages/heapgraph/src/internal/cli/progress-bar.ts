/**
 * A one-line progress bar on stderr, redrawn in place, for reading snapshots and for the
 * engine's long computations. Drawn only when stderr is a terminal; otherwise it writes nothing.
 *
 * @module
 */
import type { CliIo } from "./cli-io.ts";

/** Fewest milliseconds between two redraws. */
const REDRAW_MS = 80;
const BAR_WIDTH = 24;

/**
 * The progress bar of one command run. `update` as often as you like; it redraws when the
 * label changes, else at most every 80 ms, and only when the line changes. `clear` before
 * printing anything else.
 *
 * @example
 * ```ts
 * const bar = new ProgressBar(processIo());
 * bar.update("reading app.heapsnapshot", 0.4);
 * bar.update("app.heapsnapshot: dominators", null); // unknown fraction: no bar, just the label
 * bar.update("receiving", 0.5, "12 MB"); // a detail that changes without being a new phase
 * bar.clear();
 * ```
 */
export class ProgressBar {
  /** Whether anything is drawn at all (stderr is a terminal). */
  readonly enabled: boolean;
  readonly #io: CliIo;
  #line = "";
  #label = "";
  #shown = false;
  #lastDraw = 0;

  constructor(io: CliIo, enabled: boolean = io.stderrIsTTY) {
    this.#io = io;
    this.enabled = enabled;
  }

  /**
   * Shows `label` (and `detail` in parentheses) with a bar filled to `fraction` (0..1), or the
   * label alone when the fraction is unknown.
   */
  update(label: string, fraction: number | null, detail?: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (this.#shown && label === this.#label && now - this.#lastDraw < REDRAW_MS) return;
    this.#label = label;
    if (detail) label = `${label} (${detail})`;
    const width = Math.max(20, this.#io.columns - 1);
    let line: string;
    if (fraction === null || !Number.isFinite(fraction)) {
      line = `heapgraph: ${label} …`;
    } else {
      const f = Math.min(1, Math.max(0, fraction));
      const filled = Math.round(f * BAR_WIDTH);
      line = `heapgraph: [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${String(Math.floor(f * 100)).padStart(3)}% ${label}`;
    }
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    if (this.#shown && line === this.#line) return;
    this.#io.err(`\r\x1b[K${line}`);
    this.#line = line;
    this.#lastDraw = now;
    this.#shown = true;
  }

  /** Removes the bar from the terminal (a no-op when nothing is shown). */
  clear(): void {
    if (!this.#shown) return;
    this.#io.err("\r\x1b[K");
    this.#shown = false;
    this.#line = "";
    this.#label = "";
  }
}
