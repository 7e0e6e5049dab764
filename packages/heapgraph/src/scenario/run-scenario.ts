/**
 * Running a scenario: start the page or the process, connect one capture session, and take
 * memlab's three snapshots around the scenario's steps.
 *
 * @module
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import process from "node:process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import type { CaptureProgress, CaptureTarget, HeapSnapshot, InspectorTarget } from "@heapgraph/snapshot";
import { captureSeries } from "../capture/capture-series.ts";
import { CaptureSeriesError } from "../capture/capture-series-error.ts";
import { fetchText, type FetchTextInit } from "./fetch-text.ts";
import type { LoadedScenario } from "./load-scenario.ts";
import { chromiumPath, openScenarioPage, type OpenedPage } from "./open-page.ts";
import { ScenarioError } from "./scenario-error.ts";
import type { PageStepContext, ProcessStepContext, StepContext } from "./scenario-schema.ts";
import { startScenarioProcess, type ScenarioProcess } from "./start-process.ts";

const LABELS = ["baseline", "target", "final"] as const;

/**
 * Options of {@link runScenario}.
 *
 * @example
 * ```ts
 * const options: RunScenarioOptions = { iterations: 5, saveDir: "snapshots", onStep: console.log };
 * ```
 */
export interface RunScenarioOptions {
  /** The Chromium binary for a page scenario (default: see `chromiumPath`). */
  readonly browser?: string;
  /** Overrides the scenario's `iterations`. */
  readonly iterations?: number;
  /** Overrides the scenario's `warmup`. */
  readonly warmup?: number;
  /** Also save `baseline.heapsnapshot`, `target.heapsnapshot` and `final.heapsnapshot` here. */
  readonly saveDir?: string;
  /** Called with a short sentence when a step starts or ends. */
  readonly onStep?: (text: string) => void;
  /** Called as each snapshot arrives. */
  readonly onCaptureProgress?: (label: SnapshotLabel, progress: CaptureProgress) => void;
}

/**
 * The three snapshots of memlab's method.
 *
 * @example
 * ```ts
 * const label: SnapshotLabel = "target";
 * ```
 */
export type SnapshotLabel = "baseline" | "target" | "final";

/**
 * What a run gives: the three snapshots, taken over one inspector connection (so their ids match),
 * and what was run.
 *
 * @example
 * ```ts
 * const { baseline, target, final } = (await runScenario(loaded)).snapshots;
 * ```
 */
export interface ScenarioRun {
  readonly kind: "page" | "process";
  /** The page's URL, or the process's command line. */
  readonly subject: string;
  /** Actions per step. */
  readonly iterations: number;
  /** Whether the scenario has `back` (the final snapshot follows it) or the action ran again. */
  readonly hasBack: boolean;
  readonly snapshots: Readonly<Record<SnapshotLabel, HeapSnapshot>>;
}

/**
 * Runs a loaded scenario (memlab's method over one inspector connection):
 * 1. starts the page (headless Chromium, playwright-core) or the process (its inspector open) and
 *    connects one capture session to it;
 * 2. runs `setup`, then the action (and `back`) `warmup` times (default 1), takes the **baseline**
 *    snapshot;
 * 3. runs `action` `iterations` times (with `back` between them when there is one), takes the
 *    **target** snapshot;
 * 4. runs `back` — or, without `back`, the action `iterations` more times — and takes the
 *    **final** snapshot.
 * The browser or process is always closed, also on failure and on Ctrl-C (SIGINT, SIGTERM: the
 * process then exits with 130 or 143).
 *
 * The snapshots are taken by `captureSeries` (one connection) into `saveDir`, or a temporary
 * directory removed at the end.
 *
 * @throws {ScenarioError} `START_FAILED`, `STEP_FAILED`; `CaptureError` when the connection fails,
 * `CaptureSeriesError` when a capture fails.
 *
 * @example
 * ```ts
 * import { loadScenario, runScenario, buildGraph, queries } from "heapgraph";
 * const run = await runScenario(await loadScenario("scenario.mjs"), { iterations: 5 });
 * const [b, t, f] = [run.snapshots.baseline, run.snapshots.target, run.snapshots.final].map((s) => buildGraph(s));
 * console.log(queries.leakReport(b, t, f).clusters[0]?.headline);
 * ```
 */
export async function runScenario(loaded: LoadedScenario, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  const { scenario, file } = loaded;
  const kind = scenario.url !== undefined ? "page" : "process";
  const iterations = options.iterations ?? scenario.iterations ?? (kind === "page" ? 1 : 10);
  const say = options.onStep ?? (() => {});
  let page: OpenedPage | null = null;
  let service: ScenarioProcess | null = null;
  let temporary: string | null = null;
  const cleanUp = async () => {
    await Promise.all([page?.close(), service?.stop()]);
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
  // On Ctrl-C: stop the browser or process, then end this process (130, 143). Steps and captures
  // failing because of it wait for that instead of reporting their failure.
  let interrupted = false;
  const untilExit = () => new Promise<never>(() => {});
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    void cleanUp().finally(() => process.exit(signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 129));
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.once(s, onSignal);
  try {
    let target: CaptureTarget;
    let context: (iteration: number) => StepContext;
    let subject: string;
    if (scenario.url !== undefined) {
      const executable = chromiumPath(options.browser);
      say(`opening ${scenario.url} in ${executable}`);
      page = await openScenarioPage(scenario.url, executable);
      const { targetId } = page;
      target = { port: page.port, match: (t: InspectorTarget) => t.id === targetId };
      subject = scenario.url;
      const opened = page.page;
      context = (iteration): PageStepContext => ({ kind: "page", page: opened, iteration });
    } else {
      const start = scenario.start!;
      say(`starting ${[start.command, ...(start.args ?? [])].join(" ")}`);
      service = await startScenarioProcess(start, loaded.dir);
      target = service.inspector;
      subject = service.commandLine;
      context = processContext(service);
    }
    const step = async (name: "setup" | "action" | "back", iteration: number) => {
      const fn = scenario[name];
      if (!fn) return;
      try {
        await fn(context(iteration));
      } catch (error) {
        if (interrupted) await untilExit();
        throw new ScenarioError("STEP_FAILED", `${file}: ${name}${name === "setup" ? "" : iteration < 0 ? ` (warm-up ${-iteration})` : ` (iteration ${iteration + 1})`} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    };
    const settle = () => new Promise((done) => setTimeout(done, kind === "process" ? 150 : 50));
    const warmup = options.warmup ?? scenario.warmup ?? 1;
    const before = async () => {
      await step("setup", 0);
      if (warmup > 0) say(`warming up: the action${scenario.back ? " and back" : ""} ${warmup} time${warmup === 1 ? "" : "s"}`);
      for (let i = 0; i < warmup; i++) {
        await step("action", -1 - i);
        await step("back", -1 - i);
      }
      await settle();
    };
    const between = async (taken: number) => {
      if (taken === 1) {
        say(`running the action ${iterations} time${iterations === 1 ? "" : "s"}`);
        for (let i = 0; i < iterations; i++) {
          await step("action", i);
          if (scenario.back && i < iterations - 1) await step("back", i);
        }
      } else if (scenario.back) {
        say("running back");
        await step("back", iterations - 1);
      } else {
        say(`running the action ${iterations} more time${iterations === 1 ? "" : "s"}`);
        for (let i = 0; i < iterations; i++) await step("action", iterations + i);
      }
      await settle();
    };
    // One inspector connection for the three snapshots (captureSeries), so that their ids match.
    const dir = options.saveDir ?? (temporary = await mkdtemp(join(tmpdir(), "heapgraph-run-")));
    const series = await captureSeries({
      target,
      count: 3,
      outputDir: dir,
      names: [...LABELS],
      keepSnapshots: true,
      before,
      between,
      onProgress: (p) => {
        const label = LABELS[p.index - 1];
        if (!label) return;
        if (p.phase === "gc") say(`taking the ${label} snapshot`);
        if (p.phase === "snapshot") options.onCaptureProgress?.(label, { phase: "snapshot", done: p.done, total: p.total, bytes: p.bytes });
      },
    }).catch(async (error: unknown) => {
      if (interrupted) await untilExit();
      // A step's own failure, not the series': say it as the scenario's.
      if (error instanceof CaptureSeriesError && error.cause instanceof ScenarioError) throw error.cause;
      throw error;
    });
    const [baseline, targetSnapshot, final] = series.snapshots;
    return { kind, subject, iterations, hasBack: scenario.back !== undefined, snapshots: { baseline, target: targetSnapshot, final } };
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
    await cleanUp();
  }
}

function processContext(service: ScenarioProcess): (iteration: number) => ProcessStepContext {
  const base = service.url;
  const fetch = (path: string, init?: FetchTextInit) => {
    if (base === null && !/^https?:/.test(path)) return Promise.reject(new Error(`fetch(${JSON.stringify(path)}): the process printed no URL; give start.url or an absolute URL`));
    return fetchText(new URL(path, base ?? undefined), init);
  };
  const run = (command: string, args: readonly string[] = []) =>
    new Promise<string>((resolve, reject) => {
      execFile(command, [...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${[command, ...args].join(" ")} failed: ${error.message}${stderr ? ` ${String(stderr).trim().slice(-300)}` : ""}`));
        else resolve(String(stdout));
      });
    });
  return (iteration) => ({ kind: "process", url: base, pid: service.pid, iteration, fetch, run });
}
