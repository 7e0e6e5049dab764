/**
 * Runs corpus cases: spawns `corpus/run-case.mjs` under a runtime, at most two at a time, and hands
 * back the three snapshots it wrote (memlab's baseline, target, final).
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { repoRoot, runtimes, withChromium, withProcess } from "@heapgraph/testkit";

/** The two versions of a case's package. */
export type CaseVersion = "leaking" | "fixed";

/** The snapshot files of one run of a case, by label; `dispose()` removes them. */
export interface CaseSnapshots {
  readonly baseline: string;
  readonly target: string;
  readonly final: string;
  /** How long the case ran (spawn to exit), in ms. */
  readonly ms: number;
  dispose(): void;
}

const RUN_CASE = join(repoRoot, "corpus", "run-case.mjs");
/** Cases of `"environment": "chromium"`: Node runs the script, which drives a page in the browser started here. */
const RUN_CHROMIUM_CASE = join(repoRoot, "corpus", "run-chromium-case.mjs");
/** A case takes a few seconds on an idle machine; the limit allows for a loaded one. */
const TIMEOUT_MS = 120_000;
const CONCURRENCY = 2;

let running = 0;
const waiting: (() => void)[] = [];

/**
 * Runs case `id` with its `version` under `runtime` (node20, node24, deno), when one of the
 * {@link CONCURRENCY} slots is free. The child runs the built packages (`dist`) for Node, and
 * is killed (with its process group) when done or after two minutes.
 *
 * @example
 * ```ts
 * const files = await runCase("node24", "debug-instances", "leaking");
 * try {
 *   const final = await readSnapshot(files.final);
 * } finally {
 *   files.dispose();
 * }
 * ```
 */
export async function runCase(runtime: string, id: string, version: CaseVersion, environment: "node" | "chromium" = "node"): Promise<CaseSnapshots> {
  const r = runtimes().find((x) => x.name === runtime);
  if (!r) throw new Error(`runtime ${runtime} is not installed here; have ${runtimes().map((x) => x.name).join(", ")}`);
  // Node runs plain (the built dist); Deno needs its `run -A`.
  const command = r.kind === "deno" ? [r.executable, "run", "-A", "--quiet"] : [r.executable];
  await slot();
  const started = Date.now();
  const dir = mkdtempSync(join(process.env.HEAPGRAPH_TEST_CACHE ?? tmpdir(), `corpus-${runtime}-${id}-${version}-`));
  try {
    const run = (args: string[]) =>
      withProcess(command[0], [...command.slice(1), ...args], async (child) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const exit = await Promise.race([child.exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), TIMEOUT_MS)))]);
        clearTimeout(timer);
        if (!exit || exit.code !== 0) {
          throw new Error(`${runtime} corpus case ${id} (${version}): ${exit ? `exited ${JSON.stringify(exit)}` : `ran past ${TIMEOUT_MS} ms`}\n${child.stdout()}\n${child.stderr()}`);
        }
      }, { cwd: repoRoot, lifetimeMs: TIMEOUT_MS + 5_000 });
    if (environment === "chromium") {
      await withChromium("about:blank", ({ port }) => run([RUN_CHROMIUM_CASE, id, version, dir, "--devtools-port", String(port)]));
    } else {
      await run([RUN_CASE, id, version, dir]);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
  const ms = Date.now() - started;
  const file = (label: string) => join(dir, `${label}.heapsnapshot`);
  return { baseline: file("baseline"), target: file("target"), final: file("final"), ms, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function slot(): Promise<void> {
  if (running < CONCURRENCY) {
    running++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(() => resolve()));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}
