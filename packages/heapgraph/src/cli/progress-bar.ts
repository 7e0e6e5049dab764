/**
 * A one-line progress bar on stderr, redrawn in place, for reading snapshots and for the
 * engine's long computations. Drawn only when stderr is a terminal; otherwise it writes nothing.
 * Within one command its percentage never goes down, and the step (`reading`, `dominators`) is
 * always on the line: a long file name is shortened first.
 *
 * @module
 */
import type { CliIo } from "./cli-io.ts";

/** Fewest milliseconds between two redraws. */
const REDRAW_MS = 80;
const BAR_WIDTH = 24;
/** Fewest characters of a file name kept when it is shortened. */
const MIN_FILE = 8;

/**
 * What the bar shows: the step, optionally the file it works on and a detail that changes
 * without being a new step (bytes received), and how far the whole command is (0..1), or
 * null when unknown.
 *
 * @example
 * ```ts
 * const state: ProgressState = { step: "dominators", file: "app.heapsnapshot", fraction: 0.62 };
 * ```
 */
export interface ProgressState {
  readonly step: string;
  readonly file?: string | undefined;
  readonly detail?: string | undefined;
  readonly fraction: number | null;
}

/**
 * The bar's line for `state` in a terminal `columns` wide, at most `columns - 1` characters:
 * `heapgraph: [#####-------]  42% app.heapsnapshot: dominators (12 MB)`. When it does not fit,
 * the file name is shortened in its middle, then the detail, the bar and the `heapgraph:`
 * prefix are left out, in that order; the step and the percentage stay.
 *
 * @example
 * ```ts
 * progressLine({ step: "dominators", file: "a-very-long-name.heapsnapshot", fraction: 0.5 }, 40);
 * // "heapgraph:  50% a-ver…pshot: dominators"
 * ```
 */
export function progressLine(state: ProgressState, columns: number): string {
  const width = Math.max(20, columns - 1);
  const known = state.fraction !== null && Number.isFinite(state.fraction);
  const f = known ? Math.min(1, Math.max(0, state.fraction!)) : 0;
  const filled = Math.round(f * BAR_WIDTH);
  const bar = known ? `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ` : "";
  const percent = known ? `${String(Math.floor(f * 100)).padStart(3)}% ` : "";
  const tail = known ? "" : " …";
  const compose = (prefix: string, withBar: boolean, file: string | undefined, detail: boolean) =>
    `${prefix}${withBar ? bar : ""}${percent}${file ? `${file}: ` : ""}${state.step}${detail && state.detail ? ` (${state.detail})` : ""}${tail}`;
  const attempts: [string, boolean, boolean][] = [
    ["heapgraph: ", true, true],
    ["heapgraph: ", true, false],
    ["heapgraph: ", false, false],
    ["", false, false],
  ];
  for (const [prefix, withBar, detail] of attempts) {
    const full = compose(prefix, withBar, state.file, detail);
    if (full.length <= width) return full;
    if (state.file) {
      const room = width - (full.length - state.file.length);
      if (room >= MIN_FILE) return compose(prefix, withBar, shorten(state.file, room), detail);
    }
  }
  const bare = compose("", false, undefined, false);
  return bare.length <= width ? bare : `${bare.slice(0, width - 1)}…`;
}

/** `name` cut to `room` characters in its middle, keeping its start and its end (the extension). */
function shorten(name: string, room: number): string {
  if (name.length <= room) return name;
  const end = Math.floor((room - 1) / 2);
  return `${name.slice(0, room - 1 - end)}…${name.slice(name.length - end)}`;
}

/**
 * The progress bar of one command run. `update` as often as you like; it redraws when the
 * step changes, else at most every 80 ms, and only when the line changes. The fraction is the
 * whole command's (see `progress-plan.ts` for commands that read several files); a smaller one
 * than already shown is raised to it, so the bar never goes back. `clear` before printing
 * anything else.
 *
 * @example
 * ```ts
 * const bar = new ProgressBar(processIo());
 * bar.update("reading", 0.4, { file: "app.heapsnapshot" });
 * bar.update("finding leaks", null); // unknown fraction: no bar, just the step
 * bar.update("receiving the snapshot", 0.5, { detail: "12 MB" }); // a detail that changes without being a new step
 * bar.clear();
 * ```
 */
export class ProgressBar {
  /** Whether anything is drawn at all (stderr is a terminal). */
  readonly enabled: boolean;
  readonly #io: CliIo;
  #line = "";
  #key = "";
  #shown = false;
  #lastDraw = 0;
  #highest = 0;

  constructor(io: CliIo, enabled: boolean = io.stderrIsTTY) {
    this.#io = io;
    this.enabled = enabled;
  }

  /**
   * Shows `step` (with its file and detail) and the bar filled to `fraction` (0..1) of the
   * whole command, never less than already shown, or the step alone when the fraction is unknown.
   */
  update(step: string, fraction: number | null, context: { readonly file?: string | undefined; readonly detail?: string | undefined } = {}): void {
    if (!this.enabled) return;
    const known = fraction !== null && Number.isFinite(fraction);
    if (known) this.#highest = Math.max(this.#highest, Math.min(1, fraction));
    const now = Date.now();
    const key = `${context.file ?? ""}\n${step}`;
    if (this.#shown && key === this.#key && now - this.#lastDraw < REDRAW_MS) return;
    this.#key = key;
    const line = progressLine({ step, file: context.file, detail: context.detail, fraction: known ? this.#highest : null }, this.#io.columns);
    if (this.#shown && line === this.#line) return;
    this.#io.err(`\r\x1b[K${line}`);
    this.#line = line;
    this.#lastDraw = now;
    this.#shown = true;
  }

  /** Removes the bar from the terminal (a no-op when nothing is shown); the percentage stays where it was. */
  clear(): void {
    if (!this.#shown) return;
    this.#io.err("\r\x1b[K");
    this.#shown = false;
    this.#line = "";
    this.#key = "";
  }
}
