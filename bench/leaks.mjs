#!/usr/bin/env node
// The leak bench: three-snapshot leak detection (baseline, target, final) by heapgraph and by
// memlab on a recursive promise chain `rounds` promises deep, each run in a fresh process,
// tools alternating, median of --runs. Writes its section of RESULTS.md between markers
// (run.mjs keeps it when it rewrites the file) and the raw figures to .work/leaks-raw.json.
//
//   node bench/leaks.mjs [--rounds 5000] [--runs 3] [--tools heapgraph,memlab] [--timeout 600]
//                        [--heap-mb 8000] [--node PATH] [--force] [--out FILE] [--render RAW.json]
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { killRunningChildren, runChild, workerResult } from "./lib/child.mjs";
import { ensureLeakCase, promiseChainCase } from "./lib/leak-corpus.mjs";
import { renderLeakSection } from "./lib/leaks-markdown.mjs";
import { describeMachine, loadNow } from "./lib/machine.mjs";
import { replaceMarkedBlock } from "./lib/marked-blocks.mjs";
import { formatSeconds } from "./lib/results-markdown.mjs";
import { formatBytes } from "./lib/sizes.mjs";
import { median, summarize } from "./lib/stats.mjs";
import { writeAtomically } from "./lib/write-atomically.mjs";
import { RESULT_PREFIX } from "./tools/worker.mjs";

const benchDir = dirname(fileURLToPath(import.meta.url));
const workDir = join(benchDir, ".work");
const rawPath = join(workDir, "leaks-raw.json");
/** The marker name of the section in RESULTS.md. */
const SECTION = "leaks";
/** Tool → worker script under tools/ (task "leaks", argument: the directory of the three snapshots). */
const TOOLS = { heapgraph: "heapgraph-leaks.mjs", memlab: "memlab-leaks.mjs" };

const { values: opts } = parseArgs({
  options: {
    rounds: { type: "string", default: "5000" },
    runs: { type: "string", default: "3" },
    tools: { type: "string", default: Object.keys(TOOLS).join(",") },
    timeout: { type: "string", default: "600" },
    "heap-mb": { type: "string", default: "8000" },
    node: { type: "string", default: process.execPath },
    force: { type: "boolean", default: false },
    out: { type: "string", default: join(benchDir, "RESULTS.md") },
    render: { type: "string" },
  },
});

if (opts.render) {
  writeSection(JSON.parse(readFileSync(opts.render, "utf8")));
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    killRunningChildren();
    process.exit(130);
  });
}

const rounds = Number(opts.rounds);
if (!Number.isInteger(rounds) || rounds < 4 || rounds % 4 !== 0) throw new Error(`--rounds ${opts.rounds}: expected a whole number of rounds divisible by 4 (the scenario runs rounds / 4 more before the final snapshot)`);
const runs = Math.max(1, Number(opts.runs));
const timeoutS = Number(opts.timeout);
const heapMb = Number(opts["heap-mb"]);
const tools = opts.tools.split(",");
const unknown = tools.filter((t) => !TOOLS[t]);
if (unknown.length) throw new Error(`--tools: unknown ${unknown.join(", ")}; known: ${Object.keys(TOOLS).join(", ")}`);

mkdirSync(workDir, { recursive: true });
const leakCase = await ensureLeakCase(promiseChainCase(rounds), { force: opts.force });
const load = { start: loadNow(), min: loadNow(), max: loadNow(), end: null };
const raw = {
  date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  machine: describeMachine({ benchDir, node: opts.node }),
  options: { rounds, runs, timeoutS, heapMb },
  load,
  leakCase: { name: leakCase.name, about: leakCase.about, snapshots: leakCase.snapshots, made: leakCase.made },
  runs: Object.fromEntries(tools.map((t) => [t, []])),
  tools: {},
};
console.log(`leaks bench: ${leakCase.name} × ${tools.join(", ")} × ${runs} runs on Node ${raw.machine.workerNode}`);

const stopped = new Set();
for (let rep = 0; rep < runs; rep++) {
  for (const tool of tools) {
    if (stopped.has(tool)) continue;
    const result = await runTool(tool, leakCase.dir);
    raw.runs[tool].push(result);
    const status = result.ok ? `${formatSeconds(result.ms)} (CPU ${formatSeconds(result.extra?.cpuMs)}), ${formatBytes(result.maxRssBytes)} RSS` : `FAILED: ${result.error}`;
    console.log(`  ${tool} · run ${rep + 1}/${runs}: ${status}`);
    if (!result.ok) stopped.add(tool); // out of memory, time-out: it would fail again
    raw.tools[tool] = summarizeLeakRuns(raw.runs[tool]);
    writeAtomically(rawPath, JSON.stringify(raw, null, 2));
  }
}
load.end = loadNow();
writeAtomically(rawPath, JSON.stringify(raw, null, 2));
writeSection(raw);

async function runTool(tool, dir) {
  const sampled = loadNow();
  if (sampled != null) {
    load.min = Math.min(load.min, sampled);
    load.max = Math.max(load.max, sampled);
  }
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = await runChild(opts.node, [`--max-old-space-size=${heapMb}`, join(benchDir, "tools", TOOLS[tool]), "leaks", dir], {
    cwd: benchDir,
    env,
    timeoutMs: timeoutS * 1000,
  });
  return workerResult(run, { resultPrefix: RESULT_PREFIX, timeoutS });
}

/** `summarize` plus the median CPU time of the successful runs. */
function summarizeLeakRuns(results) {
  return { ...summarize(results), cpuMs: median(results.filter((r) => r.ok).map((r) => r.extra?.cpuMs)) };
}

function writeSection(rawResults) {
  const out = resolve(opts.out);
  const text = existsSync(out) ? readFileSync(out, "utf8") : "# heapgraph benchmark results\n";
  writeAtomically(out, replaceMarkedBlock(text, SECTION, renderLeakSection(rawResults)));
  console.log(`leaks bench: wrote its section of ${opts.out}${opts.render ? "" : ` (raw figures in ${rawPath})`}`);
}
