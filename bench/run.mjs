#!/usr/bin/env node
// The benchmark: heapgraph against its peers on every corpus snapshot, each tool in
// its own fresh process, tools alternating, median of --runs. Writes bench/RESULTS.md.
//
//   node bench/run.mjs [--max-size 500MB] [--only ts-140mb,...] [--tools heapgraph-full,devtools,...]
//                      [--runs 3] [--timeout 600] [--node PATH] [--heap-mb 20000]
//                      [--out FILE] [--note TEXT] [--merge] [--render RAW.json]
//
// --merge keeps the other cases of the last run (.work/raw-results.json) and replaces
// only the cases measured now: to add heapgraph's rows without measuring the peers again.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureCorpus } from "./corpus.mjs";
import { CASES } from "./lib/cases.mjs";
import { killRunningChildren, runChild, workerResult } from "./lib/child.mjs";
import { describeMachine, loadNow } from "./lib/machine.mjs";
import { keepMarkedBlocks } from "./lib/marked-blocks.mjs";
import { RECIPES } from "./lib/recipes.mjs";
import { formatSeconds, renderResults } from "./lib/results-markdown.mjs";
import { formatBytes, parseSize } from "./lib/sizes.mjs";
import { summarize } from "./lib/stats.mjs";
import { writeAtomically } from "./lib/write-atomically.mjs";
import { RESULT_PREFIX } from "./tools/worker.mjs";

const benchDir = dirname(fileURLToPath(import.meta.url));
const workDir = join(benchDir, ".work");

const { values: opts } = parseArgs({
  options: {
    "max-size": { type: "string" },
    only: { type: "string" },
    tools: { type: "string" },
    runs: { type: "string", default: "3" },
    timeout: { type: "string", default: "600" },
    node: { type: "string", default: process.execPath },
    "heap-mb": { type: "string", default: "20000" },
    out: { type: "string", default: join(benchDir, "RESULTS.md") },
    note: { type: "string" },
    merge: { type: "boolean", default: false },
    render: { type: "string" },
  },
});

if (opts.render) {
  const saved = JSON.parse(readFileSync(opts.render, "utf8"));
  if (opts.note) saved.note = opts.note;
  writeAtomically(resolve(opts.out), keepMarkedBlocks(resolve(opts.out), renderResults(saved)));
  console.log(`wrote ${opts.out}`);
  process.exit(0);
}

// Workers lead their own process groups: end them when the harness is interrupted.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    killRunningChildren();
    process.exit(130);
  });
}

const runs = Math.max(1, Number(opts.runs));
const timeoutS = Number(opts.timeout);
const cases = opts.tools ? CASES.filter((c) => opts.tools.split(",").some((t) => c.id === t || c.tool === t)) : CASES;
if (cases.length === 0) throw new Error(`--tools ${opts.tools} matches no case; cases: ${CASES.map((c) => c.id).join(", ")}`);

mkdirSync(workDir, { recursive: true });
const corpus = await ensureCorpus({
  maxSize: opts["max-size"] ? parseSize(opts["max-size"]) : Infinity,
  only: opts.only?.split(",") ?? null,
});

const rawPath = join(workDir, "raw-results.json");
const date = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
const previous = opts.merge && existsSync(rawPath) ? JSON.parse(readFileSync(rawPath, "utf8")) : null;
const load = { start: loadNow(), min: loadNow(), max: loadNow(), end: null };
if (previous?.load) {
  load.min = Math.min(load.min, previous.load.min);
  load.max = Math.max(load.max, previous.load.max);
}
const measuredNow = (id) => cases.some((c) => c.id === id);
const raw = {
  date,
  machine: describeMachine({ benchDir, node: opts.node }),
  options: { runs, timeoutS, maxSize: opts["max-size"] ?? null, heapMb: Number(opts["heap-mb"]) },
  note: opts.note ?? previous?.note ?? null,
  merged: previous ? [...(previous.merged ?? [{ date: previous.date, cases: caseIdsOf(previous) }]), { date, cases: cases.map((c) => c.id) }] : undefined,
  load,
  snapshots: corpus.map((e) => {
    // With --merge, keep the runs of the cases not measured now.
    const old = previous?.snapshots.find((s) => s.recipe === e.recipe && s.bytes === e.bytes);
    const runs = Object.fromEntries(Object.entries(old?.runs ?? {}).filter(([id]) => !measuredNow(id)));
    const summaries = Object.fromEntries(Object.entries(runs).map(([id, r]) => [id, summarize(r)]));
    return { ...e, about: RECIPES.find((r) => r.name === e.recipe)?.about ?? "", cases: summaries, runs };
  }),
};
for (const old of previous?.snapshots ?? []) if (!raw.snapshots.some((s) => s.recipe === old.recipe)) raw.snapshots.push(old);
raw.snapshots.sort((a, b) => (a.bytes ?? 0) - (b.bytes ?? 0));
console.log(`bench: ${corpus.length} snapshots × ${cases.length} cases × ${runs} runs on Node ${raw.machine.workerNode}`);

// A case that timed out on a smaller snapshot is not tried on bigger ones.
const timedOutOn = new Map();
for (const snap of raw.snapshots) {
  if (snap.error || !corpus.some((e) => e.recipe === snap.recipe)) continue; // kept from a merged run
  const stop = new Map(); // case id → why later repetitions are skipped on this snapshot
  for (let rep = 0; rep < runs; rep++) {
    for (const c of cases) {
      if (rep === 0) snap.runs[c.id] = [];
      const results = snap.runs[c.id];
      if (timedOutOn.has(c.id)) {
        if (results.length === 0) results.push({ ok: false, skipped: true, error: `skipped: timed out on ${timedOutOn.get(c.id)}` });
        continue;
      }
      if (stop.has(c.id)) continue;
      const result = await runCase(c, snap.file);
      results.push(result);
      const status = result.ok ? `${formatSeconds(result.ms)}, ${formatBytes(result.maxRssBytes)} RSS` : `FAILED: ${result.error}`;
      console.log(`  ${snap.recipe} · ${c.id} · run ${rep + 1}/${runs}: ${status}`);
      if (!result.ok) {
        // Failures repeat (missing function, out of memory, string too long): no need to see them thrice.
        stop.set(c.id, result.error);
        if (result.timedOut) timedOutOn.set(c.id, snap.recipe);
      }
      for (const id of Object.keys(snap.runs)) snap.cases[id] = summarize(snap.runs[id]);
      writeAtomically(rawPath, JSON.stringify(raw, null, 2));
    }
  }
}
load.end = loadNow();
writeAtomically(rawPath, JSON.stringify(raw, null, 2));
writeAtomically(resolve(opts.out), keepMarkedBlocks(resolve(opts.out), renderResults(raw))); // leaks.mjs's section stays
console.log(`bench: wrote ${opts.out} (raw figures in ${rawPath})`);

async function runCase(c, file) {
  const sampled = loadNow();
  if (sampled != null) {
    load.min = Math.min(load.min, sampled);
    load.max = Math.max(load.max, sampled);
  }
  const script = join(benchDir, "tools", `${c.tool}.mjs`);
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = await runChild(opts.node, [`--max-old-space-size=${opts["heap-mb"]}`, script, c.task, file], {
    cwd: benchDir,
    env,
    timeoutMs: timeoutS * 1000,
  });
  return workerResult(run, { resultPrefix: RESULT_PREFIX, timeoutS });
}

function caseIdsOf(rawResults) {
  const ids = new Set();
  for (const s of rawResults.snapshots) for (const id of Object.keys(s.runs ?? {})) ids.add(id);
  return [...ids];
}
