/**
 * `captureSeries(options): Promise<CaptureSeriesResult>` — K heap snapshots of another process
 * over ONE inspector connection, with an action between consecutive snapshots, each written
 * atomically to `outputDir/<name>.heapsnapshot`. One connection is what makes the snapshots'
 * heap ids comparable (V8 numbers objects afresh for each connection), so that `compare`,
 * `leaks` and `newObjects` can match objects across them. Used by `heapgraph capture --count`
 * and `heapgraph leaks --port`; meant for every caller that needs a comparable series.
 *
 * ```ts
 * captureSeries({ target, count, outputDir, names?, before?, between?, trackAllocations?, keepSnapshots?, gc?, onProgress? })
 *   → { endpoint, protocol, files, steps: [{ file, nodeCount, edgeCount, bytes, allocations }], snapshots }
 * ```
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  CaptureError,
  openCaptureSession,
  parseOptions,
  SnapshotIoError,
  writeSnapshot,
  type CaptureSession,
  type CaptureTarget,
  type HeapSnapshot,
} from "@heapgraph/snapshot";
import { z } from "zod";
import { CaptureSeriesError } from "./capture-series-error.ts";

/** A file base name: no directory separators, not empty, not `.`/`..`. */
const baseName = z
  .string()
  .min(1)
  .refine((s) => !/[\\/]/.test(s) && s !== "." && s !== "..", { error: "a file name without a directory" });

/**
 * The schema of {@link captureSeries}' options.
 *
 * @example
 * ```ts
 * captureSeriesOptions.parse({ target: { port: 9229 }, count: 3, outputDir: "snaps" });
 * ```
 */
export const captureSeriesOptions = z
  .strictObject({
    /** The inspector target, as `openCaptureSession` takes it: `{ port, host?, match? }`, a ws:// URL or an http:// URL. */
    target: z.custom<CaptureTarget>((v) => v !== undefined && v !== null, "an inspector target ({ port }, or a ws:// or http:// URL)"),
    /** How many snapshots (1 to 1000). */
    count: z.number().int().min(1).max(1000),
    /** The directory the snapshots are written to (created when missing). */
    outputDir: z.string().min(1),
    /** File base names, one per snapshot, without `.heapsnapshot` (default `1`, `2`, …). */
    names: z.array(baseName).optional(),
    /** Run after connecting (and turning allocation tracking on), before the first snapshot: let a workload run. */
    before: z.custom<() => Promise<void> | void>((v) => typeof v === "function", "a function").optional(),
    /** Run between snapshot `taken` and the next (taken = 1 … count-1): the action, a pause, a key press. A throw ends the series. */
    between: z.custom<(taken: number, count: number) => Promise<void> | void>((v) => typeof v === "function", "a function").optional(),
    /** Turn V8's allocation tracking on for the session, so the snapshots carry allocation stacks (default false; not for Bun). */
    trackAllocations: z.boolean().optional(),
    /** Also return the parsed snapshots (default false: a long series would hold them all in memory). */
    keepSnapshots: z.boolean().optional(),
    /** Collect garbage in the target before each snapshot (default true). */
    gc: z.boolean().optional(),
    /** Called as the series progresses; its exceptions are ignored. */
    onProgress: z.custom<(progress: CaptureSeriesProgress) => void>((v) => typeof v === "function", "a function").optional(),
  })
  .refine((o) => o.names === undefined || o.names.length === o.count, { error: "names must have one name per snapshot (count)" })
  .refine((o) => o.names === undefined || new Set(o.names).size === o.names.length, { error: "names must differ" });

/**
 * Options of {@link captureSeries}.
 *
 * @example
 * ```ts
 * const options: CaptureSeriesOptions = { target: { port: 9229 }, count: 3, outputDir: "snaps", names: ["baseline", "target", "final"] };
 * ```
 */
export type CaptureSeriesOptions = z.input<typeof captureSeriesOptions>;

/**
 * What {@link captureSeries} reports as it runs: `index` is the snapshot in the works (1-based)
 * of `count`. `connecting` (index 0); `gc` and `snapshot` while the target collects garbage and
 * sends snapshot `index` (`done`/`total` objects processed, `bytes` received); `written` when
 * its file is complete (`file`); `between` while the action after snapshot `index` runs.
 *
 * @example
 * ```ts
 * const onProgress = (p: CaptureSeriesProgress) => console.log(`${p.phase} ${p.index}/${p.count}`, p.file ?? "");
 * ```
 */
export interface CaptureSeriesProgress {
  readonly phase: "connecting" | "gc" | "snapshot" | "written" | "between";
  readonly index: number;
  readonly count: number;
  readonly done: number;
  readonly total: number;
  readonly bytes: number;
  readonly file?: string;
}

/**
 * One snapshot of a series.
 *
 * @example
 * ```ts
 * const step: CaptureSeriesStep = { file: "snaps/1.heapsnapshot", nodeCount: 40_000, edgeCount: 160_000, bytes: 4_100_000, allocations: false };
 * ```
 */
export interface CaptureSeriesStep {
  /** Where it was written (`outputDir/<name>.heapsnapshot`). */
  readonly file: string;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Bytes the target sent. */
  readonly bytes: number;
  /** Whether it carries allocation stacks. */
  readonly allocations: boolean;
}

/**
 * What {@link captureSeries} returns.
 *
 * @example
 * ```ts
 * const { files, endpoint } = await captureSeries({ target: { port: 9229 }, count: 2, outputDir: "snaps" });
 * console.log(`${files.join(", ")} from ${endpoint}`);
 * ```
 */
export interface CaptureSeriesResult {
  /** The WebSocket URL of the target. */
  readonly endpoint: string;
  /** `cdp` (Node, Deno, Chromium) or `webkit` (Bun: ids are renumbered per snapshot, so only class counts compare). */
  readonly protocol: "cdp" | "webkit";
  /** The snapshot files, in order. */
  readonly files: readonly string[];
  readonly steps: readonly CaptureSeriesStep[];
  /** The parsed snapshots, in order, when `keepSnapshots` was true; else empty. */
  readonly snapshots: readonly HeapSnapshot[];
}

/**
 * Opens one inspector connection to `target` and takes `count` snapshots on it, running
 * `between` after each but the last, and writes each to `outputDir/<name>.heapsnapshot` (names
 * `1`, `2`, … by default), each file appearing only when complete. Bun's JavaScriptCore snapshots
 * are saved converted to V8's format. The connection is closed at the end, also on failure (which
 * also ends allocation tracking).
 *
 * Rejects with `CaptureError` when the connection cannot be opened (nothing written), with
 * {@link CaptureSeriesError} once the series has started (`ACTION_FAILED`, `CAPTURE_FAILED`,
 * `CANNOT_WRITE`; `written` lists the complete files), or `INVALID_OPTIONS` before connecting.
 *
 * @example
 * ```ts
 * import { captureSeries } from "../capture/capture-series.ts"; // from cli/, mcp/, scenario/
 * const { files } = await captureSeries({
 *   target: { port: 9229 },
 *   count: 3,
 *   outputDir: "snaps",
 *   names: ["baseline", "target", "final"],
 *   between: async () => { for (let i = 0; i < 100; i++) await fetch("http://127.0.0.1:3000/orders"); },
 * });
 * // files: snaps/baseline.heapsnapshot, snaps/target.heapsnapshot, snaps/final.heapsnapshot — ids comparable
 * ```
 */
export async function captureSeries(options: CaptureSeriesOptions): Promise<CaptureSeriesResult> {
  const o = parseOptions(captureSeriesOptions, options, "captureSeries options", (message, cause) => new CaptureSeriesError("INVALID_OPTIONS", message, { cause }));
  const names = o.names ?? Array.from({ length: o.count }, (_, i) => String(i + 1));
  const files = names.map((name) => join(o.outputDir, `${name}.heapsnapshot`));
  const report = (p: Omit<CaptureSeriesProgress, "count" | "done" | "total" | "bytes"> & Partial<CaptureSeriesProgress>) => {
    try {
      o.onProgress?.({ done: 0, total: 0, bytes: 0, ...p, count: o.count });
    } catch {
      // a progress callback's failure is not the series' failure
    }
  };
  const written: string[] = [];
  const fail = (code: "ACTION_FAILED" | "CAPTURE_FAILED" | "CANNOT_WRITE", message: string, cause: unknown) =>
    new CaptureSeriesError(code, `${message}${written.length ? ` (complete: ${written.join(", ")})` : " (no snapshot written)"}`, { cause, written: [...written] });

  await mkdir(o.outputDir, { recursive: true }).catch((error: unknown) => {
    throw fail("CANNOT_WRITE", `cannot create ${o.outputDir}: ${(error as Error).message}`, error);
  });
  report({ phase: "connecting", index: 0 });
  const session = await openCaptureSession(o.target, { trackAllocations: o.trackAllocations ?? false });
  try {
    if (o.before) {
      await Promise.resolve()
        .then(o.before)
        .catch((error: unknown) => {
          throw fail("ACTION_FAILED", `before the first snapshot: ${messageOf(error)}`, error);
        });
    }
    const steps: CaptureSeriesStep[] = [];
    const snapshots: HeapSnapshot[] = [];
    for (let i = 0; i < o.count; i++) {
      const { snapshot, bytes } = await captureOne(session, files[i], i + 1, o.gc ?? true, report).catch((error: unknown) => {
        if (error instanceof CaptureSeriesError) throw fail(error.code as "CANNOT_WRITE", error.message, error.cause);
        throw fail("CAPTURE_FAILED", `snapshot ${i + 1} of ${o.count}: ${messageOf(error)}`, error);
      });
      written.push(files[i]);
      steps.push({ file: files[i], nodeCount: snapshot.nodeCount, edgeCount: snapshot.edgeCount, bytes, allocations: snapshot.traces !== null });
      if (o.keepSnapshots) snapshots.push(snapshot);
      report({ phase: "written", index: i + 1, file: files[i], bytes });
      if (i + 1 < o.count && o.between) {
        report({ phase: "between", index: i + 1 });
        const between = o.between;
        await Promise.resolve()
          .then(() => between(i + 1, o.count))
          .catch((error: unknown) => {
            throw fail("ACTION_FAILED", `after snapshot ${i + 1} of ${o.count}: ${messageOf(error)}`, error);
          });
      }
    }
    return { endpoint: session.endpoint, protocol: session.protocol, files, steps, snapshots };
  } finally {
    session.close();
  }
}

/** One snapshot to `file`: raw bytes straight to the file, unless Bun's format needs converting. */
async function captureOne(
  session: CaptureSession,
  file: string,
  index: number,
  gc: boolean,
  report: (p: Omit<CaptureSeriesProgress, "count" | "done" | "total" | "bytes"> & Partial<CaptureSeriesProgress>) => void,
): Promise<{ snapshot: HeapSnapshot; bytes: number }> {
  const convert = session.protocol === "webkit";
  let bytes = 0;
  const snapshot = await session.capture({
    ...(convert ? {} : { saveTo: file }),
    gc,
    onProgress: (p) => {
      bytes = p.bytes;
      if (p.phase !== "done") report({ phase: p.phase, index, done: p.done, total: p.total, bytes: p.bytes });
    },
  });
  if (convert) {
    await writeSnapshot(snapshot, file).catch((error: unknown) => {
      const cause = error instanceof SnapshotIoError ? (error.cause ?? error) : error;
      throw new CaptureSeriesError("CANNOT_WRITE", `cannot write ${file}: ${messageOf(cause)}`, { cause });
    });
  }
  return { snapshot, bytes };
}

function messageOf(error: unknown): string {
  if (error instanceof CaptureError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
