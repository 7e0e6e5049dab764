/**
 * memlab's three snapshots from inside the running program: `startLeakCheck()` takes the
 * baseline, `check.target()` the target after the action, `check.finish()` the final snapshot
 * after the action is undone, and prints what leaked, each leak headed by the holder that grew.
 *
 * @module
 */
import { buildGraph, leakReport, type FindLeaksOptions, type LeakReport } from "@heapgraph/graph";
import { leakClustersTable, leakHeadlinesText, tableToHtml, escapeHtml } from "@heapgraph/render";
import { detectRuntime, NotSupportedError, readSnapshot, takeSnapshot } from "@heapgraph/snapshot";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { z } from "zod";
import { LiveError } from "./live-error.ts";
import { flagOption, limitOption, liveOptions, parseLiveOptions, patternsOption, sinkOption } from "./live-options.ts";
import { showResult } from "./output.ts";

/**
 * The schema of {@link LeakCheck.finish}'s options.
 *
 * @example
 * ```ts
 * finishLeakCheckOptions.parse({ limit: 5 });
 * ```
 */
export const finishLeakCheckOptions = liveOptions({
  /** How many leaks to print, largest first (default 10). */
  limit: limitOption,
  /** Also report what is hidden by default: clusters of one object, heapgraph's own and the runtime's objects. */
  all: flagOption,
  /** Only leaked objects of these classes (names, globs or RegExps). */
  classes: patternsOption,
  /** Only the program's own objects (no engine or runtime internals). */
  user: flagOption,
  /** Write the text here instead of printing or showing it inline. */
  file: sinkOption,
});

/**
 * Options of {@link LeakCheck.finish}.
 *
 * @example
 * ```ts
 * const options: FinishLeakCheckOptions = { limit: 3, all: false };
 * ```
 */
export type FinishLeakCheckOptions = z.input<typeof finishLeakCheckOptions>;

/**
 * A leak check under way (see {@link startLeakCheck}). Its snapshots are kept in a temporary
 * directory, not in memory, so the program's heap holds no graph while it runs; `finish()` reads
 * them, prints the leaks and removes them.
 *
 * @example
 * ```ts
 * const check = await startLeakCheck();
 * await handleRequests(100);
 * await check.target();
 * await closeConnections();
 * const { clusters } = await check.finish();
 * ```
 */
export class LeakCheck {
  readonly #dir: string;
  #step: "target" | "final" | "done" = "target";

  /** @internal Use {@link startLeakCheck}. */
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Takes the target snapshot: call it after the action that should not leak. */
  async target(): Promise<void> {
    this.#expect("target", "target");
    await takeSnapshot({ saveTo: join(this.#dir, "target.heapsnapshot") });
    this.#step = "final";
  }

  /**
   * Takes the final snapshot (call it once the action is undone), prints one headline per leak
   * — the holder that grew, its growth across the three snapshots and what it holds — with the
   * cluster table, and returns the report. Inline in a notebook, text elsewhere.
   */
  async finish(options: FinishLeakCheckOptions = {}): Promise<LeakReport> {
    const { file, limit = 10, ...filters } = parseLiveOptions("LeakCheck.finish", finishLeakCheckOptions, options);
    const report = await this.collect("finish", filters);
    const headlines = leakHeadlinesText(report.clusters, report.hidden, { limit, showHidden: "{ all: true }" });
    const table = report.clusters.length > 0 ? tableToHtml(leakClustersTable(report.clusters, { limit })) : "";
    showResult(headlines, `<pre>${escapeHtml(headlines)}</pre>${table}`, file);
    return report;
  }

  /**
   * Takes the final snapshot and returns the leak report without printing it (what `finish()` and
   * `findLeaksIn` build on); `options` are `leakReport`'s (filters, `filter`, `all`).
   */
  async collect(call: string, options: FindLeaksOptions = {}): Promise<LeakReport> {
    this.#expect("final", call);
    this.#step = "done";
    try {
      await takeSnapshot({ saveTo: join(this.#dir, "final.heapsnapshot") });
      const graphs = [];
      for (const name of ["baseline", "target", "final"]) graphs.push(buildGraph(await readSnapshot(join(this.#dir, `${name}.heapsnapshot`))));
      const [baseline, target, final] = graphs;
      return leakReport(baseline, target, final, options);
    } finally {
      await this.dispose();
    }
  }

  /** Removes the snapshots taken so far (`finish()` does it itself). */
  async dispose(): Promise<void> {
    this.#step = "done";
    await rm(this.#dir, { recursive: true, force: true });
  }

  #expect(step: "target" | "final", call: string): void {
    if (this.#step === step) return;
    const why = this.#step === "done" ? "the check is finished" : this.#step === "target" ? "call target() first" : "target() was already called";
    throw new LiveError("INVALID_ARGUMENT", `LeakCheck.${call}: ${why}`);
  }
}

/**
 * Starts a leak check in the running program (memlab's method, objgraph's spirit): takes the
 * baseline snapshot now. Do the thing that should not leak, call `check.target()`, undo it,
 * then `check.finish()` prints what leaked, each leak headed by the holder that grew
 * (`Array EventEmitter._events.tick grew none → 20 → 20 elements, holding 40 leaked objects`).
 * Node and Deno; Bun renumbers its objects in every snapshot, so it throws `NotSupportedError`.
 *
 * @example
 * ```ts
 * import { startLeakCheck } from "heapgraph";
 * const check = await startLeakCheck();
 * for (let i = 0; i < 100; i++) await handle(request(i));
 * await check.target();
 * await drain();
 * await check.finish({ limit: 3 });
 * ```
 */
export async function startLeakCheck(): Promise<LeakCheck> {
  const runtime = detectRuntime();
  if (runtime === "bun") {
    throw new NotSupportedError("startLeakCheck", runtime, "Bun renumbers its objects in every heap snapshot, so objects cannot be followed from one to the next");
  }
  const dir = await mkdtemp(join(tmpdir(), "heapgraph-leak-check-"));
  try {
    await takeSnapshot({ saveTo: join(dir, "baseline.heapsnapshot") });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return new LeakCheck(dir);
}
