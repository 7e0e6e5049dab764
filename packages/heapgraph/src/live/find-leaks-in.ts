/**
 * Leak tests: run an action many times between memlab's three snapshots of this process and
 * report the leaks that grew with it. `assertNoLeaks` (in `assert-no-leaks.ts`) turns the report
 * into a failing assertion.
 *
 * @module
 */
import { buildGraph, growth, type GrowthRow, type HeapNode, type LeakCluster, type LeakHidden } from "@heapgraph/graph";
import { countNoun, leakHeadlinesText } from "@heapgraph/render";
import { detectRuntime, readSnapshot, takeSnapshot } from "@heapgraph/snapshot";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { startLeakCheck } from "./leak-check.ts";
import { LiveError } from "./live-error.ts";
import { callbackOption, describeValue, flagOption, liveOptions, parseLiveOptions, patternsOption } from "./live-options.ts";

const count = (min: number) =>
  z
    .number({ error: `must be a whole number of at least ${min}` })
    .refine((v) => Number.isSafeInteger(v) && v >= min && v <= 1_000_000, { error: `must be a whole number of at least ${min}` })
    .optional();

/**
 * The schema of {@link FindLeaksInOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("findLeaksIn", findLeaksInOptions, { iterations: 20 });
 * ```
 */
export const findLeaksInOptions = liveOptions({
  /** How many times the action runs between the baseline and the target snapshot, and again before the final one (default 10). */
  iterations: count(2),
  /** How many times it runs first, before the baseline, so that what it initializes once is not counted (default 3). */
  warmup: count(0),
  /** Only leaked objects for which this returns true (memlab's leak filter). */
  filter: callbackOption<(node: HeapNode) => boolean>(),
  /** Only leaked objects of these classes (names, globs or RegExps). */
  classes: patternsOption,
  /** Only leaked objects of these node types (`object`, `closure`, `native`, ...). */
  types: z.array(z.string().min(1), { error: "must be an array of node types" }).optional(),
  /** Only the program's own objects (no engine or runtime internals). */
  user: flagOption,
  /** Also report what is hidden by default: clusters of fewer objects than iterations, heapgraph's own and the runtime's objects. */
  all: flagOption,
});

/**
 * Options of {@link findLeaksIn} and `assertNoLeaks`.
 *
 * @example
 * ```ts
 * const options: FindLeaksInOptions = { iterations: 20, warmup: 5, classes: ["Session"] };
 * ```
 */
export type FindLeaksInOptions = z.input<typeof findLeaksInOptions>;

/**
 * A class whose instance count grew by at least the number of iterations in both steps (the Bun
 * method).
 *
 * @example
 * ```ts
 * const row: GrowingClass = { name: "Session", counts: [3, 23, 43] };
 * ```
 */
export interface GrowingClass {
  readonly name: string;
  /** Instances in the baseline, target and final snapshots. */
  readonly counts: readonly [number, number, number];
}

/**
 * What {@link findLeaksIn} found.
 *
 * @example
 * ```ts
 * const report: LeakTestReport = await findLeaksIn(() => handle(request()));
 * if (report.leaks > 0) console.log(report.text);
 * ```
 */
export interface LeakTestReport {
  /**
   * `ids`: memlab's method (objects allocated between baseline and target, alive in final, by heap
   * id; Node and Deno). `class-counts`: fuite's (classes whose count grew by at least
   * `iterations` at each step; Bun, which renumbers objects in every snapshot).
   */
  readonly method: "ids" | "class-counts";
  readonly iterations: number;
  /** How many leaks: clusters (ids) or growing classes (class counts). */
  readonly leaks: number;
  /** The leak clusters, each headed by the holder that grew (`ids`; empty for `class-counts`). */
  readonly clusters: readonly LeakCluster[];
  /** The classes that grew with every iteration (`class-counts`; empty for `ids`). */
  readonly growingClasses: readonly GrowingClass[];
  /** What was hidden (`ids`), including clusters of fewer objects than iterations. */
  readonly hidden: LeakHidden | null;
  /** The diagnosis in words: one headline per leak (holder, growth, code location), then what was hidden. */
  readonly text: string;
}

/**
 * Runs `action` (sync or async) `warmup` times, takes a baseline snapshot of this process, runs
 * it `iterations` times, takes the target snapshot, runs it `iterations` more times, takes the
 * final snapshot, and reports what leaked: objects allocated between the baseline and the target
 * that are still alive in the final snapshot, clustered, each cluster headed by the holder that
 * grew (`Array cache.entries grew 3 → 13 → 23 elements, holding 10 leaked Session — remember at
 * app.ts:12:5`). Only clusters of at least `iterations` objects count (a leak grows with every
 * run; the test runner's own one-off allocations do not), and heapgraph's, the runtime's and
 * the engine's objects are hidden unless `all`.
 *
 * On Bun, which renumbers objects in every snapshot, it compares class counts instead (as fuite
 * does): a class leaks when its count grew by at least `iterations` from the baseline to the
 * target and again to the final snapshot; `method` and the text say so.
 *
 * Snapshots go through a temporary directory, not memory, so the heap stays the program's own.
 *
 * @example
 * ```ts
 * import { findLeaksIn } from "heapgraph";
 * const cache = new Map();
 * const report = await findLeaksIn(() => cache.set(Math.random(), { big: new Array(100) }), { iterations: 20 });
 * console.log(report.leaks, report.text);
 * ```
 */
export async function findLeaksIn(action: () => unknown, options: FindLeaksInOptions = {}): Promise<LeakTestReport> {
  if (typeof action !== "function") throw new LiveError("INVALID_ARGUMENT", `findLeaksIn: the action must be a function (got ${describeValue(action)})`);
  const { iterations = 10, warmup = 3, filter, classes, types, user, all = false } = parseLiveOptions("findLeaksIn", findLeaksInOptions, options);
  const repeat = async (times: number) => {
    for (let i = 0; i < times; i++) await action();
  };
  await repeat(warmup);
  const filters = { ...(filter ? { filter } : {}), ...(classes ? { classes } : {}), ...(types ? { types } : {}), ...(user ? { user } : {}), ...(all ? { all } : {}) };
  if (detectRuntime() === "bun") return classCounts(repeat, iterations, filters);

  const check = await startLeakCheck();
  try {
    await repeat(iterations);
    await check.target();
    await repeat(iterations);
  } catch (error) {
    await check.dispose();
    throw error;
  }
  const report = await check.collect("findLeaksIn", filters);
  const kept = all ? report.clusters : report.clusters.filter((c) => c.count >= iterations && !heldByEngineHandles(c));
  const few = report.clusters.length - kept.length;
  const fewObjects = report.clusters.filter((c) => !kept.includes(c)).reduce((n, c) => n + c.count, 0);
  const hidden: LeakHidden = few === 0 ? report.hidden : {
    clusters: report.hidden.clusters + few,
    objects: report.hidden.objects + fewObjects,
    reasons: { ...report.hidden.reasons, [`engine-held or in clusters of fewer than ${iterations}`]: fewObjects },
  };
  const intro = `${countNoun(kept.length, "leak")} after ${countNoun(iterations, "iteration")} (objects allocated by the action and still alive, memlab's method):\n`;
  const text = kept.length === 0 ? `No leaks after ${countNoun(iterations, "iteration")}.\n` : `${intro}${leakHeadlinesText(kept, hidden, { showHidden: "{ all: true }" }).replace(/^Leaks?, largest first:\n|^Leak:\n/, "")}`;
  return { method: "ids", iterations, leaks: kept.length, clusters: kept, growingClasses: [], hidden, text };
}

/**
 * A cluster whose objects V8 itself keeps through `(Eternal handles)` (the engine's own object
 * templates; in Node, the heap snapshot stream's functions hang there): never the program's leak.
 */
function heldByEngineHandles(cluster: LeakCluster): boolean {
  return cluster.trace.some((step) => step.name === "(Eternal handles)");
}

/** fuite's method, for Bun: classes whose count grew by at least `iterations` at each step. */
async function classCounts(repeat: (times: number) => Promise<void>, iterations: number, filters: Record<string, unknown>): Promise<LeakTestReport> {
  const dir = await mkdtemp(join(tmpdir(), "heapgraph-leak-test-"));
  try {
    const names = ["baseline", "target", "final"] as const;
    for (const [i, name] of names.entries()) {
      if (i > 0) await repeat(iterations);
      await takeSnapshot({ saveTo: join(dir, `${name}.heapsnapshot`) });
    }
    const graphs = [];
    for (const name of names) graphs.push(buildGraph(await readSnapshot(join(dir, `${name}.heapsnapshot`))));
    const { filter: _ids, ...noise } = filters;
    const first = byName(growth(graphs[0], graphs[1], { limit: Infinity, ...noise }));
    const second = byName(growth(graphs[1], graphs[2], { limit: Infinity, ...noise }));
    const growing: GrowingClass[] = [];
    for (const [qualified, a] of first) {
      const b = second.get(qualified);
      if (a.delta >= iterations && b && b.delta >= iterations) growing.push({ name: a.name, counts: [a.previous, a.count, b.count] });
    }
    growing.sort((x, y) => y.counts[2] - y.counts[0] - (x.counts[2] - x.counts[0]));
    const how = "Bun renumbers objects in every heap snapshot, so these are class counts that grew with the iterations (fuite's method), not objects followed by id";
    const lines = growing.map((g, i) => `  ${i + 1}. ${g.name} grew ${g.counts.join(" → ")} objects (+${g.counts[1] - g.counts[0]}, +${g.counts[2] - g.counts[1]} per ${iterations} iterations)`);
    const text = growing.length === 0
      ? `No class grew with the ${countNoun(iterations, "iteration")} (${how}).\n`
      : `${countNoun(growing.length, "class", "classes")} grew with every one of ${countNoun(iterations, "iteration")} (${how}):\n${lines.join("\n")}\n`;
    return { method: "class-counts", iterations, leaks: growing.length, clusters: [], growingClasses: growing, hidden: null, text };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function byName(rows: readonly GrowthRow[]): Map<string, GrowthRow> {
  return new Map(rows.map((r) => [r.qualifiedName, r]));
}
