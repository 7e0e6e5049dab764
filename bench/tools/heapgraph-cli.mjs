// The heapgraph command as a user runs it: whole processes of the built CLI
// (packages/heapgraph/dist/cli.js, the bundle `npm run build` makes) on the runtime running this
// worker. Tasks:
//   cold  `heapgraph summary --json --no-cache FILE`: parse and full analysis, no index cache
//   warm  `heapgraph summary --json FILE` run once untimed (it writes the index cache), then
//         timed again: the second command on the same snapshot, from the cache
// `ms` is the timed process's wall time (Node's start and module loading included); the
// cache goes to bench/.work/index-cache (cleared before each warm run, so that the untimed
// run writes it afresh). Peak RSS is the timed child's (child-max-rss.mjs, loaded with
// --import, writes it on exit); `extra.workerMaxRssBytes` is this worker's own.
//
// The bundle holds every package's code: it must be the bundle and newer than all their sources,
// else this fails saying so (rebuild: `node scripts/bundle-cli.mjs` in packages/heapgraph).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PhaseClock, RESULT_PREFIX } from "./worker.mjs";

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const packagesDir = join(benchDir, "..", "packages");
const CLI = join(packagesDir, "heapgraph", "dist", "cli.js");
const CACHE_DIR = join(benchDir, ".work", "index-cache");
const MAX_RSS = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "child-max-rss.mjs")).href;
const isNode = !process.versions.bun && !globalThis.Deno;

/**
 * Fails when dist/cli.js is not the bundle (`tsc -p packages/heapgraph/tsconfig.json` writes its
 * own over it) or a package's source is newer than it (the bench would time old code).
 */
function checkBundle() {
  if (!readFileSync(CLI, "utf8").slice(0, 200).includes("heapgraph command bundle")) {
    throw new Error(`${CLI} is tsc's, not the bundle: rebuild it (node scripts/bundle-cli.mjs in packages/heapgraph)`);
  }
  const built = statSync(CLI).mtimeMs;
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
  for (const pkg of ["snapshot", "graph", "render", "notebook", "heapgraph"]) {
    const newer = walk(join(packagesDir, pkg, "src")).find((f) => statSync(f).mtimeMs > built);
    if (newer) throw new Error(`${CLI} is older than ${newer}: rebuild it (node scripts/bundle-cli.mjs in packages/heapgraph)`);
  }
}

function summary(file, extra) {
  const rssDir = mkdtempSync(join(tmpdir(), "heapgraph-bench-rss-"));
  const rssFile = join(rssDir, "max-rss");
  try {
    const started = performance.now();
    const child = spawnSync(process.execPath, [...(isNode ? ["--import", MAX_RSS] : []), CLI, "summary", "--json", ...extra, file], {
      env: { ...process.env, HEAPGRAPH_CACHE_DIR: CACHE_DIR, HEAPGRAPH_BENCH_MAX_RSS_FILE: rssFile },
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = performance.now() - started;
    if (child.status !== 0) throw new Error(`heapgraph summary exited with ${child.status}: ${String(child.stderr).trim().split("\n").pop()}`);
    const { nodeCount, edgeCount, totalSize } = JSON.parse(child.stdout);
    let maxRssBytes = null;
    try {
      maxRssBytes = Number(readFileSync(rssFile, "utf8")) * 1024; // maxRSS is in kB
    } catch {
      // Not Node (no --import): reported as missing below.
    }
    return { ms, nodes: nodeCount, edges: edgeCount, totalSize, maxRssBytes };
  } finally {
    rmSync(rssDir, { recursive: true, force: true });
  }
}

const TASKS = {
  async cold(file, clock) {
    return clock.time("process", () => summary(file, ["--no-cache"]));
  },
  async warm(file, clock) {
    rmSync(CACHE_DIR, { recursive: true, force: true });
    await clock.time("first run (writes the cache)", () => summary(file, []));
    return clock.time("process", () => summary(file, []));
  },
};

// worker.mjs's runWorker, except that the result's peak RSS is the timed child's.
const [task, file] = process.argv.slice(2);
const clock = new PhaseClock();
let result;
try {
  if (!TASKS[task]) throw new Error(`unknown task ${JSON.stringify(task)}; this tool has: ${Object.keys(TASKS).join(", ")}`);
  if (!file) throw new Error("usage: heapgraph-cli.mjs <task> <snapshot file>");
  checkBundle();
  const run = await TASKS[task](file, clock);
  if (run.maxRssBytes === null) throw new Error("the child's peak RSS is unknown (the bench measures it under Node only)");
  result = { ok: true, ms: run.ms, nodes: run.nodes, edges: run.edges, maxRssBytes: run.maxRssBytes, extra: { totalSize: run.totalSize, workerMaxRssBytes: process.resourceUsage().maxRSS * 1024 } };
} catch (err) {
  result = { ok: false, ms: 0, error: String(err instanceof Error ? `${err.name}: ${err.message}` : err).replace(/\s+/g, " ").slice(0, 300), maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}
result.phases = clock.phases;
process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`, () => process.exit(0));
