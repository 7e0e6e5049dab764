/**
 * The sampling loop of `heapgraph watch`: one inspector connection, a snapshot every few
 * seconds, counted by class and dropped.
 *
 * @module
 */
import { buildGraph, type HeapGraph } from "@heapgraph/graph";
import { CaptureError, openCaptureSession, type CaptureSession, type CaptureTarget } from "@heapgraph/snapshot";
import { z } from "zod";
import { diagnoseClass, type ClassDiagnosis } from "./class-diagnosis.ts";
import { classSample, type ClassSample } from "./class-sample.ts";
import { steadyGrowthOptions } from "./steady-growth.ts";
import { WatchError } from "./watch-error.ts";
import { WatchSeries } from "./watch-series.ts";

/**
 * The schema of {@link HeapWatchOptions}.
 *
 * @example
 * ```ts
 * heapWatchOptions.parse({ every: 5 });
 * ```
 */
export const heapWatchOptions = z.strictObject({
  /**
   * Seconds from the start of one capture to the start of the next; a capture that takes longer
   * is followed at once. Default: {@link DEFAULT_EVERY_SECONDS}, stretched to 10 times the last
   * capture's duration on large heaps, so that the target is paused at most about 10% of the time.
   */
  every: z.number().min(0.1).max(86_400).optional(),
  /** Samples kept (default 720; older ones are thinned, see `WatchSeries`). */
  maxSamples: z.number().int().min(8).max(1_000_000).optional(),
  /** The steady-growth rule (see `steadyGrowth`). */
  growth: steadyGrowthOptions.optional(),
  /** Called after each sample (exceptions are ignored). */
  onSample: z.custom<(sample: ClassSample, series: WatchSeries) => void>((v) => typeof v === "function", "expected a function").optional(),
  /** Called while a capture runs, with what is happening (exceptions are ignored). */
  onStatus: z.custom<(status: string) => void>((v) => typeof v === "function", "expected a function").optional(),
});

/**
 * Options of {@link HeapWatch.open}.
 *
 * @example
 * ```ts
 * const options: HeapWatchOptions = { every: 2, onSample: (s) => console.log(s.nodeCount) };
 * ```
 */
export type HeapWatchOptions = z.input<typeof heapWatchOptions>;

/**
 * How a watch ended: `stopped` (by {@link HeapWatch.stop}), `target-gone` (the target exited,
 * crashed or closed its inspector; `error` says how) or `failed` (any other error, in `error`).
 *
 * @example
 * ```ts
 * const end: WatchEnd = await watch.ended;
 * if (end.reason === "target-gone") console.error(end.error.message);
 * ```
 */
export type WatchEnd = { readonly reason: "stopped" } | { readonly reason: "target-gone" | "failed"; readonly error: Error };

/**
 * Default seconds between samples (see `HeapWatchOptions.every`): a capture of a 50 MB heap
 * pauses the target for well under a second (measured figures in the package README).
 *
 * @example
 * ```ts
 * const every = options.every ?? DEFAULT_EVERY_SECONDS;
 * ```
 */
export const DEFAULT_EVERY_SECONDS = 5;

/** Without `every`, the interval is at least this many times the last capture's duration. */
const PAUSE_FACTOR = 10;

interface PendingDiagnosis {
  readonly className: string;
  readonly resolve: (d: ClassDiagnosis) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Watches one process: keeps one inspector connection (so heap ids stay comparable), captures
 * a snapshot every `every` seconds without an extra garbage collection (V8 collects while
 * building a snapshot anyway), counts it by class (`classSample`), adds the counts to `series`
 * and lets the snapshot go. Asked to diagnose a class, it keeps the graphs of the next two
 * samples and answers from them (`diagnoseClass`), then lets them go too.
 *
 * @example
 * ```ts
 * const watch = await HeapWatch.open({ port: 9229 }, { every: 2 });
 * setTimeout(() => watch.stop(), 60_000);
 * const end = await watch.ended;
 * console.log(watch.series.growing(), end.reason);
 * ```
 */
export class HeapWatch {
  /** The inspector endpoint (`ws://…`). */
  readonly endpoint: string;
  /** Seconds between samples: as asked, or the default stretched for a large heap (see `HeapWatchOptions.every`). */
  get every(): number {
    return this.#every;
  }
  readonly series: WatchSeries;
  /** Settles when the loop has ended and the connection is closed; never rejects. */
  readonly ended: Promise<WatchEnd>;
  /** The latest error of a diagnosis or capture that did not end the watch, for the status line. */
  lastProblem: string | null = null;
  readonly #session: CaptureSession;
  readonly #options: z.output<typeof heapWatchOptions>;
  #stopped = false;
  #every: number;
  #wake: (() => void) | null = null;
  #pending: PendingDiagnosis[] = [];
  /** A diagnosis holds its first graph: the next sample comes at the usual time, so that something can grow in between. */
  #waitingForSecond = false;

  private constructor(session: CaptureSession, options: z.output<typeof heapWatchOptions>) {
    this.#session = session;
    this.#options = options;
    this.endpoint = session.endpoint;
    this.#every = options.every ?? DEFAULT_EVERY_SECONDS;
    this.series = new WatchSeries({ ...(options.maxSamples ? { maxSamples: options.maxSamples } : {}), ...(options.growth ? { growth: options.growth } : {}) });
    this.ended = this.#loop();
  }

  /**
   * Connects to `target` (a `ws://` URL, `http://host:port`, or `{ host, port, match }`) and
   * starts sampling at once.
   *
   * @throws {WatchError} `INVALID_OPTIONS`; `CaptureError` when the connection fails.
   *
   * @example
   * ```ts
   * const watch = await HeapWatch.open("ws://127.0.0.1:9229/3f1c…", { every: 5 });
   * ```
   */
  static async open(target: CaptureTarget, options: HeapWatchOptions = {}): Promise<HeapWatch> {
    const parsed = heapWatchOptions.safeParse(options);
    if (!parsed.success) {
      throw new WatchError("INVALID_OPTIONS", `HeapWatch.open: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    const session = await openCaptureSession(target);
    return new HeapWatch(session, parsed.data);
  }

  /**
   * Ends the loop and closes the connection, abandoning a capture under way. Resolves with how
   * the watch ended (`stopped`, unless it had already ended otherwise).
   *
   * @example
   * ```ts
   * process.once("SIGINT", () => void watch.stop());
   * ```
   */
  async stop(): Promise<WatchEnd> {
    this.#stopped = true;
    this.#wake?.();
    // A capture under way ends now (on a large heap it can take minutes); the target finishes
    // building its snapshot on its own and carries on.
    this.#session.close();
    return this.ended;
  }

  /**
   * Diagnoses `className` from the next two samples (growing holders and a chain; see
   * `diagnoseClass`). Rejects with `WatchError` `NOT_WATCHED` for a class never seen, `STOPPED`
   * when the watch ends first.
   *
   * @example
   * ```ts
   * const { headline } = await watch.diagnose("Item");
   * ```
   */
  diagnose(className: string): Promise<ClassDiagnosis> {
    if (!this.series.has(className)) return Promise.reject(new WatchError("NOT_WATCHED", `no class ${JSON.stringify(className)} in the series`));
    if (this.#stopped) return Promise.reject(new WatchError("STOPPED", `the watch of ${this.endpoint} has ended`));
    return new Promise((resolve, reject) => {
      this.#pending.push({ className, resolve, reject });
      if (!this.#waitingForSecond) this.#wake?.();
    });
  }

  async #loop(): Promise<WatchEnd> {
    let end: WatchEnd = { reason: "stopped" };
    let kept: { graph: HeapGraph; time: number } | null = null;
    try {
      while (!this.#stopped) {
        const started = Date.now();
        const asked = this.#pending.length > 0;
        let graph: HeapGraph;
        try {
          this.#status("capturing");
          const snapshot = await this.#session.capture({ gc: false });
          const pauseMs = Date.now() - started;
          if (this.#options.every === undefined) this.#every = Math.max(DEFAULT_EVERY_SECONDS, Math.ceil((PAUSE_FACTOR * pauseMs) / 1000));
          this.#status("counting");
          graph = buildGraph(snapshot);
          const sample = classSample(graph, { time: started, pauseMs });
          this.series.add(sample);
          try {
            this.#options.onSample?.(sample, this.series);
          } catch {
            // a listener must not stop the watch
          }
        } catch (error) {
          if (this.#stopped) break;
          if (error instanceof CaptureError && (error.code === "TARGET_CLOSED" || error.code === "REFUSED")) {
            end = { reason: "target-gone", error };
            break;
          }
          throw error;
        }
        if (asked) {
          if (kept) {
            await this.#answer(kept, { graph, time: started });
            kept = null;
          } else kept = { graph, time: started };
        }
        if (!kept && this.#pending.length > 0) kept = { graph, time: started };
        graph = undefined as unknown as HeapGraph; // let it go before waiting
        this.#waitingForSecond = kept !== null;
        await this.#sleep(started + this.every * 1000 - Date.now());
      }
    } catch (error) {
      end = { reason: "failed", error: error instanceof Error ? error : new Error(String(error)) };
    } finally {
      this.#stopped = true;
      this.#session.close();
      for (const p of this.#pending.splice(0)) p.reject(new WatchError("STOPPED", `the watch of ${this.endpoint} ended before answering`));
    }
    return end;
  }

  async #answer(before: { graph: HeapGraph; time: number }, after: { graph: HeapGraph; time: number }): Promise<void> {
    const asked = this.#pending.splice(0);
    const byClass = new Map<string, Promise<ClassDiagnosis>>();
    for (const p of asked) {
      let answer = byClass.get(p.className);
      if (!answer) {
        this.#status(`diagnosing ${p.className}`);
        answer = diagnoseClass(before.graph, after.graph, p.className, [before.time, after.time]);
        byClass.set(p.className, answer);
        await answer.catch(() => {});
      }
      answer.then(p.resolve, (e: unknown) => {
        this.lastProblem = e instanceof Error ? e.message : String(e);
        p.reject(e);
      });
    }
  }

  /** Waits `ms`, or less when stopped or asked for a diagnosis. */
  #sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = () => {
        this.#wake = null;
        done();
      };
    });
  }

  #status(text: string): void {
    try {
      this.#options.onStatus?.(text);
    } catch {
      // ignored
    }
  }
}
