// The heapgraph command as a user runs it: whole processes of the built CLI
// (packages/heapgraph/dist/cli.js) on the runtime running this worker. Tasks:
//   cold  `heapgraph summary --json --no-cache FILE`: parse and full analysis, no index cache
//   warm  `heapgraph summary --json FILE` run once untimed (it writes the index cache), then
//         timed again: the second command on the same snapshot, from the cache
// `ms` is the timed process's wall time (Node's start and module loading included); the
// cache goes to bench/.work/index-cache (cleared before each warm run, so that the untimed
// run writes it afresh). Peak RSS is this worker's, not the child's.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runWorker } from "./worker.mjs";

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(benchDir, "..", "packages", "heapgraph", "dist", "cli.js");
const CACHE_DIR = join(benchDir, ".work", "index-cache");

function summary(file, extra) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [CLI, "summary", "--json", ...extra, file], {
    env: { ...process.env, HEAPGRAPH_CACHE_DIR: CACHE_DIR },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`heapgraph summary exited with ${child.status}: ${String(child.stderr).trim().split("\n").pop()}`);
  const { nodeCount, edgeCount, totalSize } = JSON.parse(child.stdout);
  return { ms, nodes: nodeCount, edges: edgeCount, totalSize };
}

await runWorker({
  async cold(file, clock) {
    const run = await clock.time("process", () => summary(file, ["--no-cache"]));
    return { ms: run.ms, nodes: run.nodes, edges: run.edges, extra: { totalSize: run.totalSize } };
  },
  async warm(file, clock) {
    rmSync(CACHE_DIR, { recursive: true, force: true });
    await clock.time("first run (writes the cache)", () => summary(file, []));
    const run = await clock.time("process", () => summary(file, []));
    return { ms: run.ms, nodes: run.nodes, edges: run.edges, extra: { totalSize: run.totalSize } };
  },
});
