/**
 * `heapgraph capture --count K -o DIR`: K snapshots over one inspector connection, so that their
 * heap ids compare (for `compare` and `leaks`), written as `DIR/1.heapsnapshot` …
 * `DIR/K.heapsnapshot`.
 *
 * @module
 */
import type { CaptureTarget } from "@heapgraph/snapshot";
import { countNoun, formatSize } from "@heapgraph/render";
import { captureSeries } from "../capture/capture-series.ts";
import type { CommandContext } from "./command.ts";
import { printResult } from "./output.ts";
import { seriesAction, seriesError, seriesProgress, type SeriesActionSpec } from "./series-actions.ts";

/**
 * What `capture --count` was asked for.
 *
 * @example
 * ```ts
 * const request: CaptureCountRequest = { target: { port: 9229 }, count: 3, dir: "snaps", allocations: false, waitSeconds: 0, action: { every: 10, repeat: 1 } };
 * ```
 */
export interface CaptureCountRequest {
  readonly target: CaptureTarget;
  readonly count: number;
  readonly dir: string;
  readonly allocations: boolean;
  readonly waitSeconds: number;
  readonly action: SeriesActionSpec;
}

/**
 * Takes the series and prints what was written. JSON:
 * `{ dir, files, endpoint, protocol, count, between, snapshots: [{ file, nodeCount, edgeCount, bytes, allocations }], allocations }`.
 *
 * @example
 * ```ts
 * await captureCount({ target: { port: 9229 }, count: 3, dir: "snaps", allocations: false, waitSeconds: 0, action: { run: "./load.sh", repeat: 1 } }, ctx);
 * ```
 */
export async function captureCount(request: CaptureCountRequest, ctx: CommandContext): Promise<void> {
  const action = seriesAction(request.action, ctx);
  let result;
  try {
    result = await captureSeries({
      target: request.target,
      count: request.count,
      outputDir: request.dir,
      trackAllocations: request.allocations,
      ...(request.waitSeconds > 0 ? { before: () => new Promise<void>((resolve) => setTimeout(resolve, request.waitSeconds * 1000)) } : {}),
      between: action.between,
      onProgress: seriesProgress(ctx),
    });
  } catch (error) {
    throw seriesError("capture", error);
  } finally {
    action.close();
  }
  const json = {
    dir: request.dir,
    files: result.files,
    endpoint: result.endpoint,
    protocol: result.protocol,
    count: request.count,
    between: action.what,
    snapshots: result.steps,
    allocations: result.steps.some((s) => s.allocations),
  };
  printResult(ctx, json, () => {
    const lines = result.steps.map((s) => `wrote ${s.file} (${countNoun(s.nodeCount, "node")}, ${formatSize(s.bytes)}${s.allocations ? ", with allocation stacks" : ""})`);
    const next =
      result.protocol === "webkit"
        ? "Bun renumbers heap ids in every snapshot: compare classes with heapgraph growth."
        : request.count >= 3
          ? `Find leaks: heapgraph leaks ${result.files.slice(0, 3).join(" ")}`
          : `Compare them: heapgraph compare ${result.files.join(" ")}`;
    return `captured ${countNoun(request.count, "snapshot")} over one connection to ${result.endpoint} (${action.what})\n${lines.join("\n")}\n${next}\n`;
  });
}
