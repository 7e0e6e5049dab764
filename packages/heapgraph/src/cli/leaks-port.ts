/**
 * `heapgraph leaks --port P --run CMD`: memlab's method on a running Node, Deno or Chromium
 * target in one command — baseline, the action R times, target, the action R times again,
 * final, all over one inspector connection — giving the graphs `leaks` reports on.
 *
 * @module
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HeapGraph } from "@heapgraph/graph";
import type { CaptureTarget } from "@heapgraph/snapshot";
import { captureSeries } from "../capture/capture-series.ts";
import { CliError } from "./cli-error.ts";
import type { CommandContext } from "./command.ts";
import { graphOf } from "./load-graph.ts";
import { cannotWrite } from "./output.ts";
import { readingFraction } from "./progress-plan.ts";
import { seriesAction, seriesError, seriesProgress, type SeriesActionSpec } from "./series-actions.ts";

/**
 * What `leaks --port` was asked for: the target, the action, `-o DIR` (else a temporary
 * directory, removed at the end), and whether to track allocations.
 *
 * @example
 * ```ts
 * const request: LeakSeriesRequest = { target: { port: 9229 }, action: { run: "./load.sh", repeat: 5 }, dir: undefined, allocations: false };
 * ```
 */
export interface LeakSeriesRequest {
  readonly target: CaptureTarget;
  readonly action: SeriesActionSpec;
  readonly dir: string | undefined;
  readonly allocations: boolean;
}

/**
 * The three graphs of a leak series and where they came from. `labels` name them in messages
 * (the files with `-o DIR`, else `baseline`, `target`, `final`); `cleanup` removes the
 * temporary directory (a no-op with `-o DIR`).
 *
 * @example
 * ```ts
 * const series = await captureLeakSeries(request, ctx);
 * try { leakReport(...series.graphs); } finally { await series.cleanup(); }
 * ```
 */
export interface LeakSeries {
  readonly graphs: readonly [HeapGraph, HeapGraph, HeapGraph];
  readonly labels: readonly [string, string, string];
  readonly endpoint: string;
  readonly what: string;
  readonly dir: string | null;
  cleanup(): Promise<void>;
}

const NAMES = ["baseline", "target", "final"] as const;

/**
 * Captures baseline, target and final over one connection, running the action R times between
 * each, and builds their graphs. Errors are the command's (`ACTION_FAILED`, `CAPTURE_FAILED`,
 * `UNANSWERABLE` for Bun, whose ids do not compare).
 *
 * @example
 * ```ts
 * const { graphs: [baseline, target, final] } = await captureLeakSeries({ target: { port: 9229 }, action: { request: "http://127.0.0.1:3000/orders", repeat: 100 }, dir: "snaps", allocations: false }, ctx);
 * ```
 */
export async function captureLeakSeries(request: LeakSeriesRequest, ctx: CommandContext): Promise<LeakSeries> {
  const temporary = request.dir === undefined;
  const dir: string = request.dir ?? (await mkdtemp(join(tmpdir(), "heapgraph-leaks-")).catch((error: unknown) => Promise.reject(cannotWrite(tmpdir(), error))));
  const cleanup = async () => {
    if (temporary) await rm(dir, { recursive: true, force: true });
  };
  const action = seriesAction(request.action, ctx);
  try {
    const result = await captureSeries({
      target: request.target,
      count: 3,
      outputDir: dir,
      names: [...NAMES],
      trackAllocations: request.allocations,
      keepSnapshots: true,
      between: action.between,
      onProgress: seriesProgress(ctx, (index, _count, within) => readingFraction({ index: index - 1, count: 3 }, within)),
    }).catch((error: unknown) => {
      throw seriesError("leaks", error);
    });
    if (result.protocol === "webkit") {
      throw new CliError("UNANSWERABLE", `leaks: ${result.endpoint} is Bun's inspector, and Bun numbers heap objects afresh in every snapshot, so leaks cannot match objects across snapshots; use heapgraph capture --count 3 and heapgraph growth, which compares classes`);
    }
    const labels = (temporary ? [...NAMES] : result.files) as [string, string, string];
    const graphs = result.snapshots.map((snapshot, i) => graphOf(snapshot, labels[i], ctx, result.files[i], { index: i, count: 3 })) as [HeapGraph, HeapGraph, HeapGraph];
    return { graphs, labels, endpoint: result.endpoint, what: action.what, dir: temporary ? null : dir, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  } finally {
    action.close();
  }
}
