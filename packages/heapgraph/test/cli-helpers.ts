// Shared by the cli-*.test.ts files: run `heapgraph` in this process (`main(argv, io)`, what
// almost every test does) or, for the few tests of the command as users run it, in a child
// process; the real snapshot files it is run on; and the library's own answers to compare with.
//
// In a child process, Node 20 and Node 24 run the built command (dist/cli.js, as `npm install`
// links it); Deno and Bun run the TypeScript entry (src/cli.ts) with their own runtime.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { buildGraph, type HeapGraph } from "@heapgraph/graph";
import { readSnapshot } from "@heapgraph/snapshot";
import { CHROME_DETACHED_FIXTURE, currentRuntime, repoRoot, snapshotRuntimes, spawnTracked, takeRealSnapshot, type SnapshotRuntime } from "@heapgraph/testkit";
import type { CliIo } from "../src/cli/cli-io.ts";
import { main } from "../src/cli/main.ts";

export const PACKAGE = join(repoRoot, "packages", "heapgraph");
// The CLI's index cache: the test matrix gives each run its own; a test run by hand must not fill
// the user's ~/.cache/heapgraph either.
process.env.HEAPGRAPH_CACHE_DIR ??= join(tmpdir(), "heapgraph-test-index-cache");
const DIST_CLI = join(PACKAGE, "dist", "cli.js");
const SRC_CLI = join(PACKAGE, "src", "cli.ts");

/** What a run of the command gave. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `heapgraph ...args` in this process through `main(argv, io)`, with its output captured;
 * `tty` makes stderr look like a terminal (the progress bar is drawn then).
 */
export async function runMain(args: readonly string[], options: { tty?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), stderrIsTTY: options.tty ?? false, columns: 100 };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs the command in this process and parses its `--json` output; the run must succeed with an empty stderr. */
export async function mainJson<T = Record<string, unknown>>(args: readonly string[]): Promise<T> {
  return parseJsonRun<T>(args, await runMain([...args, "--json"]));
}

/** The command line that runs `heapgraph` under the runtime running this test. */
export function cliCommand(): string[] {
  const runtime = currentRuntime();
  if (runtime === "deno") return [process.execPath, "run", "-A", "--quiet", SRC_CLI];
  if (runtime === "bun") return [process.execPath, "--conditions=@heapgraph/source", SRC_CLI];
  checkBuilt();
  return [process.execPath, DIST_CLI];
}

/**
 * The built command must exist and be newer than every source it bundles (scripts/bundle-cli.mjs
 * puts this package's src/ and the other packages' into dist/cli.js).
 */
function checkBuilt(): void {
  if (!existsSync(DIST_CLI)) throw new Error(`${DIST_CLI} is missing: run npm run build first`);
  const built = statSync(DIST_CLI).mtimeMs;
  const sources = ["snapshot", "graph", "render", "notebook", "heapgraph"].flatMap((p) => walk(join(repoRoot, "packages", p, "src")));
  const stale = sources.filter((f) => statSync(f).mtimeMs > built + 1000);
  if (stale.length > 0) throw new Error(`dist/cli.js is older than ${stale[0]}: run npm run build first (or, for the command alone, node scripts/bundle-cli.mjs in packages/heapgraph)`);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Runs `heapgraph ...args` to completion (killed after `timeoutMs`), with stdout and stderr
 * as pipes (so: no progress bar). The process group is killed in every case.
 */
export async function runCli(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const [command, ...pre] = cliCommand();
  const child = spawnTracked(command, [...pre, ...args], { cwd: options.cwd, lifetimeMs: timeoutMs + 10_000 });
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const exit = await Promise.race([child.exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)))]);
    clearTimeout(timer);
    if (!exit) throw new Error(`heapgraph ${args.join(" ")} ran past ${timeoutMs} ms\n${child.stdout()}\n${child.stderr()}`);
    return { code: exit.code, stdout: child.stdout(), stderr: child.stderr() };
  } finally {
    await child.kill();
  }
}

/** Runs the command in a child process and parses its `--json` output; the run must succeed with an empty stderr. */
export async function runJson<T = Record<string, unknown>>(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<T> {
  return parseJsonRun<T>(args, await runCli([...args, "--json"], options));
}

function parseJsonRun<T>(args: readonly string[], run: CliRun): T {
  if (run.code !== 0 || run.stderr !== "") {
    throw new Error(`heapgraph ${args.join(" ")} --json exited ${run.code}\n--- stderr ---\n${run.stderr}\n--- stdout ---\n${run.stdout.slice(0, 2000)}`);
  }
  return JSON.parse(run.stdout) as T;
}

/** A fresh temporary directory; `remove()` deletes it. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `heapgraph-cli-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The runtime whose snapshots stand for Node: Node 24 when installed, else the machine's. */
export function nodeSnapshotRuntime(): SnapshotRuntime {
  const have = snapshotRuntimes();
  return have.includes("node24") ? "node24" : "node20";
}

/** The `cli-shop` scenario's snapshot, taken by Node (once per test-matrix run). */
export function nodeShopFile(): Promise<string> {
  return takeRealSnapshot(nodeSnapshotRuntime(), "cli-shop");
}

/** The `cli-shop` scenario's snapshot, taken by Deno. */
export function denoShopFile(): Promise<string> {
  return takeRealSnapshot("deno", "cli-shop");
}

/** The `cli-shop` scenario's snapshot, taken by Bun in V8 format (ids renumbered). */
export function bunShopFile(): Promise<string> {
  return takeRealSnapshot("bun", "cli-shop");
}

/** The `cli-shop` scenario in Bun's JavaScriptCore format. */
export function bunJscShopFile(): Promise<string> {
  return takeRealSnapshot("bun-jsc", "cli-shop");
}

/** The committed Chromium snapshot of a page with detached DOM nodes (gzip). */
export const CHROME_FILE = CHROME_DETACHED_FIXTURE;

/** The `emitter-leak` scenario's three snapshots (baseline, target, final), taken by Node. */
export async function leakFiles(): Promise<{ baseline: string; target: string; final: string }> {
  const dir = await takeRealSnapshot(nodeSnapshotRuntime(), "emitter-leak");
  return { baseline: join(dir, "baseline.heapsnapshot"), target: join(dir, "target.heapsnapshot"), final: join(dir, "final.heapsnapshot") };
}

const graphs = new Map<string, Promise<HeapGraph>>();

/** The library's graph of a snapshot file, read once per test file (see {@link forgetGraphs}). */
export function libraryGraph(path: string): Promise<HeapGraph> {
  let graph = graphs.get(path);
  if (!graph) graphs.set(path, (graph = readSnapshot(path).then((s) => buildGraph(s))));
  return graph;
}

/**
 * Lets go of the graphs {@link libraryGraph} read: each test file that reads some calls it when
 * done (`test.after(forgetGraphs)`), so that the live tests, which snapshot this very process,
 * do not find tens of megabytes of other snapshots in it.
 */
export function forgetGraphs(): void {
  graphs.clear();
}

/** Files in `dir`, sorted (to check that nothing partial was left behind). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Whether a process is still alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
