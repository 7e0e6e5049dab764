// Test helper for the query tests: real heap snapshots of the objgraph-* scenarios in
// testkit/scenarios, taken by spawning a runtime once per test-matrix run and cached in
// HEAPGRAPH_TEST_CACHE (shared by the runtimes of one run), then indexed once per process.
//
// Scenario contract: a scenario gets its output as argv[2]. Single-snapshot scenarios write that
// file; multi-snapshot scenarios treat it as a directory and write `<label>.heapsnapshot` files.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { readSnapshot, snapshotFromJson, type V8SnapshotJson } from "@heapgraph/snapshot";
import { currentRuntime, repoRoot, runtimes, syntheticSnapshot, withProcess, type SyntheticSnapshotDescription } from "@heapgraph/testkit";
import { buildGraph, type HeapGraph } from "../src/index.ts";

const TAKE_TIMEOUT_MS = 90_000;
const SCENARIOS = join(repoRoot, "testkit", "scenarios");

let ownCache: string | undefined;
function cacheDir(): string {
  const shared = process.env.HEAPGRAPH_TEST_CACHE;
  if (shared) return shared;
  if (!ownCache) {
    ownCache = mkdtempSync(join(tmpdir(), "heapgraph-queries-test-"));
    const dir = ownCache;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return ownCache;
}

/** The runtime whose snapshots a test looks at: the one running the test. */
export function runtime(): string {
  return currentRuntime();
}

/** Runs `make(tmp)` once per cache for `name` (a file or directory), guarded by a lock directory. */
async function cached(name: string, make: (tmp: string) => Promise<void>): Promise<string> {
  const path = join(cacheDir(), name);
  const lock = `${path}.lock`;
  const deadline = Date.now() + TAKE_TIMEOUT_MS + 30_000;
  while (!existsSync(path)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // another runtime is taking it
    }
    if (mine) {
      try {
        if (!existsSync(path)) {
          const tmp = `${path}.${process.pid}.tmp`;
          rmSync(tmp, { recursive: true, force: true });
          await make(tmp);
          if (!existsSync(tmp)) throw new Error(`no snapshot was written for ${name}`);
          renameSync(tmp, path);
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for another runtime to write ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return path;
}

/** Runs scenario `scenario` under runtime `by`, writing to `out`. */
async function runScenario(by: string, scenario: string, out: string): Promise<void> {
  const r = runtimes().find((x) => x.name === by);
  if (!r) throw new Error(`runtime ${by} is not installed; have ${runtimes().map((x) => x.name).join(", ")}`);
  const [command, ...pre] = r.command;
  await withProcess(
    command,
    [...pre, join(SCENARIOS, `${scenario}.mjs`), out],
    async (child) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const exit = await Promise.race([
        child.exited,
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), TAKE_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      if (!exit || exit.code !== 0) {
        throw new Error(`${by} ${scenario} failed (${JSON.stringify(exit)}):\n${child.stdout()}\n${child.stderr()}`);
      }
    },
    { lifetimeMs: TAKE_TIMEOUT_MS + 5_000 },
  );
}

const graphs = new Map<string, Promise<HeapGraph>>();

function load(file: string): Promise<HeapGraph> {
  let graph = graphs.get(file);
  if (!graph) {
    graph = readSnapshot(file).then((snapshot) => buildGraph(snapshot));
    graphs.set(file, graph);
  }
  return graph;
}

/** The graph of a single-snapshot scenario, taken by runtime `by` (default: the running one). */
export async function scenarioGraph(scenario: string, by = runtime()): Promise<HeapGraph> {
  const file = await cached(`queries-${by}-${scenario}.heapsnapshot`, (tmp) => runScenario(by, scenario, tmp));
  return load(file);
}

/** The graphs of a multi-snapshot scenario, by label, taken by runtime `by` (default: the running one). */
export async function scenarioGraphs<L extends string>(scenario: string, labels: readonly L[], by = runtime()): Promise<Record<L, HeapGraph>> {
  const dir = await cached(`queries-${by}-${scenario}`, async (tmp) => {
    await runScenario(by, scenario, tmp);
    for (const label of labels) {
      if (!existsSync(join(tmp, `${label}.heapsnapshot`))) throw new Error(`${by} ${scenario} wrote no ${label}.heapsnapshot`);
    }
  });
  const out = {} as Record<L, HeapGraph>;
  for (const label of labels) out[label] = await load(join(dir, `${label}.heapsnapshot`));
  return out;
}

/** A graph of a synthetic snapshot, with node keys to ordinals and ids. */
export function syntheticGraph(description: SyntheticSnapshotDescription): { graph: HeapGraph; at: Record<string, number>; id: Record<string, number> } {
  const s = syntheticSnapshot(description);
  return { graph: buildGraph(snapshotFromJson(s.json as unknown as V8SnapshotJson)), at: s.ordinal, id: s.id };
}

/** The one instance of a class, failing loudly when there are none or several. */
export function only(nodes: readonly { id: number }[], what: string): number {
  if (nodes.length !== 1) throw new Error(`expected exactly one ${what}, found ${nodes.length}`);
  return nodes[0].id;
}
