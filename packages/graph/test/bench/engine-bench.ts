// Benchmark (not a test): heapgraph's readSnapshot + engine against Chrome DevTools' worker code
// (npm heap-snapshot-toolkit) on the same big real snapshot, each in a fresh process.
//
//   node --conditions=@heapgraph/source packages/graph/test/bench/engine-bench.ts [snapshot]
//
// (Node 24 runs TypeScript directly; Node 20 needs --import tsx.) Without a snapshot it makes one
// with big-heap.mjs in the OS temp folder (about 456 MB; removed afterwards). Prints one JSON line
// per run (wall time, CPU time, peak RSS) and the ratios. Phases measured for heapgraph: parse
// (readSnapshot), retained sizes (dominators and shallow sizes on the way), distances, classes;
// then the same with the full retainers built first.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(import.meta.url);
const mode = process.argv[2];

if (mode === "--heapgraph") {
  const { readSnapshot } = await import("@heapgraph/snapshot");
  const { buildGraph } = await import("../../src/index.ts");
  const c0 = process.cpuUsage(), t0 = performance.now();
  const snapshot = await readSnapshot(process.argv[3]);
  const parseMs = performance.now() - t0, parseCpu = process.cpuUsage(c0);
  const graph = buildGraph(snapshot);
  if (process.argv[4] === "retainers") graph.retainers();
  const retained = graph.retainedSizes();
  graph.distances();
  graph.classes();
  const cpu = process.cpuUsage(c0);
  report({ tool: `heapgraph${process.argv[4] === "retainers" ? " (+retainers)" : ""}`, nodes: graph.nodeCount, edges: graph.edgeCount, parseMs, parseCpuMs: ms(parseCpu), ms: performance.now() - t0, cpuMs: ms(cpu), rootRetained: retained[graph.rootOrdinal] });
} else if (mode === "--devtools") {
  const { createReadStream } = await import("node:fs");
  const { parse } = await import("heap-snapshot-toolkit");
  const c0 = process.cpuUsage(), t0 = performance.now();
  const snapshot = await parse(createReadStream(process.argv[3], "utf-8"));
  const root = snapshot as unknown as { rootNode(): { retainedSize(): number }; nodeCount: number };
  report({ tool: "heap-snapshot-toolkit", nodes: root.nodeCount, ms: performance.now() - t0, cpuMs: ms(process.cpuUsage(c0)), rootRetained: root.rootNode().retainedSize() });
} else {
  let file = mode;
  let tmp: string | null = null;
  if (!file) {
    tmp = mkdtempSync(join(tmpdir(), "heapgraph-bench-"));
    file = join(tmp, "big.heapsnapshot");
    run(["--max-old-space-size=8000", join(dirname(here), "big-heap.mjs"), file]);
  }
  if (!existsSync(file)) throw new Error(`no snapshot at ${file}`);
  try {
    const devtools = JSON.parse(run(["--max-old-space-size=8000", "--conditions=@heapgraph/source", here, "--devtools", file]));
    for (const extra of [[], ["retainers"]]) {
      const ours = JSON.parse(run(["--conditions=@heapgraph/source", here, "--heapgraph", file, ...extra]));
      if (ours.rootRetained !== devtools.rootRetained) throw new Error(`root retained sizes differ: ${ours.rootRetained} vs ${devtools.rootRetained}`);
      console.log(JSON.stringify({ vs: ours.tool, faster: +(devtools.ms / ours.ms).toFixed(2), fasterCpu: +(devtools.cpuMs / ours.cpuMs).toFixed(2), lessMemory: +(devtools.maxRssMB / ours.maxRssMB).toFixed(2) }));
    }
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

function ms(usage: { user: number; system: number }): number {
  return (usage.user + usage.system) / 1000;
}

function report(result: Record<string, unknown>): void {
  const rounded = Object.fromEntries(Object.entries(result).map(([k, v]) => [k, typeof v === "number" ? Math.round(v) : v]));
  console.log(JSON.stringify({ ...rounded, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), runtime: `node ${process.versions.node}` }));
}

/** Runs this Node on `args` in a fresh process; returns its last output line (also echoed). */
function run(args: string[]): string {
  const result = spawnSync(process.execPath, [...process.execArgv, ...args], { encoding: "utf8", maxBuffer: 1 << 24, timeout: 15 * 60_000 });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  if (line) console.log(line);
  return line;
}
