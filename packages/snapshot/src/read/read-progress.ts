/**
 * Progress reports of `readSnapshot`, rate-limited so that a callback is called a
 * bounded number of times whatever the size of the input.
 *
 * @module
 */

/**
 * What the reader is doing: reading the header, the node, edge or string sections,
 * other sections, checking the whole at the end, or done.
 *
 * @example
 * ```ts
 * const label: Record<ReadPhase, string> = { header: "header", nodes: "nodes", edges: "edges", strings: "strings", sections: "other", checking: "checking", done: "done" };
 * ```
 */
export type ReadPhase = "header" | "nodes" | "edges" | "strings" | "sections" | "checking" | "done";

/**
 * One progress report of `readSnapshot`.
 *
 * @example
 * ```ts
 * await readSnapshot(path, { onProgress: (p: ReadProgress) => console.log(p.phase, p.bytesRead, "/", p.totalBytes ?? "?") });
 * ```
 */
export interface ReadProgress {
  phase: ReadPhase;
  /** Bytes of the source consumed so far (compressed bytes for gzip input). */
  bytesRead: number;
  /** Size of the source in bytes, when known (file, bytes, or the `totalBytes` option); else null. */
  totalBytes: number | null;
}

/** Hard ceiling on reports of one read. */
const MAX_REPORTS = 512;

/**
 * Calls `onProgress` at phase changes, every 1% of a known size (or every 10% growth of an
 * unknown one), and once at the end; never more than {@link MAX_REPORTS} times.
 *
 * @example
 * ```ts
 * const p = new ProgressReporter((r) => console.log(r.phase, r.bytesRead), 1000);
 * p.bytes(500);
 * p.phase("done", 1000);
 * ```
 */
export class ProgressReporter {
  readonly #onProgress: ((progress: ReadProgress) => void) | undefined;
  readonly #total: number | null;
  #phase: ReadPhase = "header";
  #next = 0;
  #calls = 0;

  constructor(onProgress: ((progress: ReadProgress) => void) | undefined, totalBytes: number | null) {
    this.#onProgress = onProgress;
    this.#total = totalBytes;
  }

  /** The phase for a top-level key. */
  static phaseOf(key: string): ReadPhase {
    switch (key) {
      case "snapshot":
      case "version":
      case "type":
        return "header";
      case "nodes":
      case "edges":
      case "strings":
        return key;
      default:
        return "sections";
    }
  }

  phase(phase: ReadPhase, bytesRead: number): void {
    if (phase === this.#phase && phase !== "done") return;
    this.#phase = phase;
    this.#emit(bytesRead, phase === "done");
  }

  bytes(bytesRead: number): void {
    if (!this.#onProgress || bytesRead < this.#next) return;
    this.#emit(bytesRead, false);
  }

  #emit(bytesRead: number, last: boolean): void {
    const onProgress = this.#onProgress;
    if (!onProgress) return;
    if (this.#calls >= MAX_REPORTS - 1 && !last) return;
    this.#calls++;
    const total = this.#total;
    this.#next = total !== null && total > 0 ? bytesRead + Math.max(1, Math.ceil(total / 100)) : Math.max(1 << 20, Math.ceil(bytesRead * 1.1));
    try {
      onProgress({ phase: this.#phase, bytesRead, totalBytes: total });
    } catch {
      // A failing progress callback must not break the read.
    }
  }
}
