/**
 * Real heap snapshots for tests: spawns a runtime on a scenario script and caches the
 * snapshot file, so that one test-matrix run takes each (runtime, scenario) snapshot once
 * even though the four runtimes run their tests concurrently.
 *
 * Adding a scenario: write `testkit/scenarios/<name>.mjs` that builds the heap you want
 * and ends with
 *
 * ```js
 * import { snapshotTo } from "./heap-snapshot-here.mjs";
 * // ... build the objects, keep them reachable (e.g. on globalThis) ...
 * await snapshotTo(); // writes to process.argv[2] in the format the test asked for
 * ```
 *
 * then `await takeRealSnapshot("node24", "<name>")` in a test returns the file's path.
 * The script must be plain JavaScript (Node 20 runs it without a TypeScript loader) and
 * must exit by itself. A scenario elsewhere can be passed as an absolute path.
 * Scenarios that write their snapshot some other way work for the V8 runtimes; only
 * `heap-snapshot-here.mjs` knows how to write Bun's JavaScriptCore format ("bun-jsc").
 *
 * The cache is `HEAPGRAPH_TEST_CACHE` (the test matrix sets it per run and removes it
 * after), else a folder in the OS temp directory; the key includes the runtime version and
 * a hash of the scenario and helper sources, so a changed scenario is taken again.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join } from "node:path";
import process from "node:process";
import { repoRoot, runtimes } from "./repo.ts";
import { withProcess } from "./processes.ts";

/**
 * A real Chromium heap snapshot (gzipped) of `testkit/scenarios/detached-dom.html`: a page
 * that keeps two detached `<li>` nodes alive through JS objects. Made by
 * `scripts/make-chrome-fixture.mjs` and committed, so tests need no browser to read it.
 */
export const CHROME_DETACHED_FIXTURE: string = join(repoRoot, "packages", "snapshot", "test", "fixtures", "chrome-detached.heapsnapshot.gz");

/** The runtimes a real snapshot can come from; `bun-jsc` is Bun writing JavaScriptCore's format. */
export type SnapshotRuntime = "node20" | "node24" | "deno" | "bun" | "bun-jsc";

/** Options of {@link takeRealSnapshot}. */
export interface TakeRealSnapshotOptions {
  /** Longest time the scenario may run, in ms (default 90 000). */
  timeoutMs?: number;
  /**
   * Runtime flags before the script, e.g. `["--track-heap-objects"]` for Node's allocation traces
   * (part of the cache key).
   */
  runtimeArgs?: string[];
}

const SCENARIOS = join(repoRoot, "testkit", "scenarios");
const HELPER = join(SCENARIOS, "heap-snapshot-here.mjs");
/** A lock older than this is taken to be left by a crashed process. */
const STALE_LOCK_MS = 5 * 60_000;

/** The runtimes installed in this checkout that can take real snapshots (bun adds "bun-jsc"). */
export function snapshotRuntimes(): SnapshotRuntime[] {
  const names = runtimes().map((r) => r.name);
  const out: SnapshotRuntime[] = [];
  for (const name of ["node20", "node24", "deno", "bun"] as const) if (names.includes(name)) out.push(name);
  if (names.includes("bun")) out.push("bun-jsc");
  return out;
}

/**
 * Runs `scenario` (a name in `testkit/scenarios`, without `.mjs`, or an absolute path) under
 * `runtime`, which writes a heap snapshot; returns the path of the cached file (V8 format,
 * or JavaScriptCore JSON for `bun-jsc`). Taken once per cache; concurrent callers wait for
 * the first. The child process is always killed (process group) when done or timed out.
 *
 * @example
 * ```ts
 * import { takeRealSnapshot } from "@heapgraph/testkit";
 * const file = await takeRealSnapshot("deno", "sample");
 * const snap = await readSnapshot(file);
 * ```
 */
export async function takeRealSnapshot(runtime: SnapshotRuntime, scenario: string, options: TakeRealSnapshotOptions = {}): Promise<string> {
  const suffix = runtime === "bun-jsc" ? ".json" : ".heapsnapshot";
  return runScenarioCached(runtime, scenario, suffix, options, (out) => {
    if (!existsSync(out) || statSync(out).size === 0) throw new Error(`the scenario wrote no snapshot to ${out}`);
  });
}

/**
 * Like {@link takeRealSnapshot} for scenarios that take several snapshots (memlab's
 * baseline / target / final, objgraph's before / after): the scenario gets a directory as
 * argv[2] and writes `<label>.heapsnapshot` into it (`snapshotSeries()` in
 * `heap-snapshot-here.mjs`). Returns the files by label.
 *
 * @example
 * ```ts
 * const files = await takeRealSnapshots("node24", "emitter-leak", ["baseline", "target", "final"]);
 * const final = await readSnapshot(files.final);
 * ```
 */
export async function takeRealSnapshots<L extends string>(
  runtime: SnapshotRuntime,
  scenario: string,
  labels: readonly L[],
  options: TakeRealSnapshotOptions = {},
): Promise<Record<L, string>> {
  const file = (dir: string, label: string) => join(dir, `${label}.heapsnapshot`);
  const dir = await runScenarioCached(runtime, scenario, "", options, (out) => {
    for (const label of labels) if (!existsSync(file(out, label))) throw new Error(`${runtime} ${scenario} wrote no ${label}.heapsnapshot`);
  });
  return Object.fromEntries(labels.map((label) => [label, file(dir, label)])) as Record<L, string>;
}

/** Runs a scenario once per cache into `<key><suffix>` (a file, or a directory when suffix is empty). */
async function runScenarioCached(
  runtime: SnapshotRuntime,
  scenario: string,
  suffix: string,
  options: TakeRealSnapshotOptions,
  check: (out: string) => void,
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const runtimeArgs = options.runtimeArgs ?? [];
  const script = isAbsolute(scenario) ? scenario : join(SCENARIOS, `${scenario}.mjs`);
  if (!existsSync(script)) throw new Error(`no scenario ${scenario} (${script})`);
  const base = runtime === "bun-jsc" ? "bun" : runtime;
  const r = runtimes().find((x) => x.name === base);
  if (!r) throw new Error(`runtime ${base} is not installed here; have ${runtimes().map((x) => x.name).join(", ")}`);
  const hash = createHash("sha256").update(readFileSync(script)).update(readFileSync(HELPER)).update(r.version).update(JSON.stringify(runtimeArgs)).digest("hex").slice(0, 12);
  const name = `${runtime}-${basename(script, ".mjs")}-${hash}${suffix}`;
  return cached(join(cacheDir(), name), timeoutMs, async (out) => {
    const [command, ...pre] = r.command;
    const env = { ...process.env, HEAPGRAPH_SNAPSHOT_FORMAT: runtime === "bun-jsc" ? "jsc" : "v8" };
    await withProcess(command, [...pre, ...runtimeArgs, script, out], async (child) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const exit = await Promise.race([child.exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)))]);
      clearTimeout(timer);
      if (!exit || exit.code !== 0) {
        throw new Error(`${runtime} ${scenario}: ${exit ? `exited ${JSON.stringify(exit)}` : `ran past ${timeoutMs} ms`}\n${child.stdout()}\n${child.stderr()}`);
      }
    }, { env, lifetimeMs: timeoutMs + 5_000 });
    check(out);
  });
}

let privateCache: string | null = null;

function cacheDir(): string {
  const shared = process.env.HEAPGRAPH_TEST_CACHE;
  if (shared) return shared;
  privateCache ??= join(tmpdir(), "heapgraph-real-snapshots");
  mkdirSync(privateCache, { recursive: true });
  return privateCache;
}

/**
 * Makes `file` (a file or a directory) once: whoever creates the lock directory writes to a temporary name and
 * renames it into place; the others wait for the file (or for the lock to go away, then try
 * again). A rename over an existing file is atomic, so a racing writer is harmless.
 */
async function cached(file: string, timeoutMs: number, make: (tmp: string) => Promise<void>): Promise<string> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + timeoutMs + 60_000;
  while (!existsSync(file)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // the lock went away meanwhile
      }
    }
    if (mine) {
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
      try {
        if (!existsSync(file)) {
          await make(tmp);
          renameSync(tmp, file);
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for another process to write ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return file;
}
