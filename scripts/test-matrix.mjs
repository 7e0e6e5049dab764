#!/usr/bin/env node
// Runs every package's uvu tests under Node 20 (the machine's), Node 24, Deno and Bun,
// and says which runtime each failure came from. Exits non-zero if any runtime fails.
//
//   node scripts/test-matrix.mjs [--runtime node20,deno] [--package graph,render] [--jobs 2] [--no-self-check]
//
// Before the suite it runs a deliberately failing test file under each runtime and
// refuses to go on unless every runtime reports that failure with a non-zero exit.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runtimes as findRuntimes } from "./runtimes.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const RUNNER = "scripts/uvu-runner.mjs";
const SELF_CHECK = "scripts/self-check/failing.fixture.ts";
const JOB_TIMEOUT_MS = 15 * 60 * 1000;
/** Test files that take heap snapshots of the process running them (the live API, in-process leak checks). */
const OWN_PROCESS = /\/(live-[^/]*|leak-assertions)\.test\.ts$/;

const args = parseArgs(process.argv.slice(2));
const all = findRuntimes(root);
const selected = all.filter((r) => !args.runtime || args.runtime.includes(r.name));
if (selected.length === 0) fail(`no runtime matches --runtime ${args.runtime}; known: ${all.map((r) => r.name).join(", ")}`);

const suites = discoverSuites().filter((s) => !args.package || args.package.includes(s.package));
if (suites.length === 0) fail(`no test files found${args.package ? ` for --package ${args.package}` : ""}`);

// Real snapshots that tests take are shared by all runtimes of this run, then removed.
const cacheDir = process.env.HEAPGRAPH_TEST_CACHE ?? mkdtempSync(join(tmpdir(), "heapgraph-test-cache-"));
const ownCache = !process.env.HEAPGRAPH_TEST_CACHE;
process.on("exit", () => ownCache && rmSync(cacheDir, { recursive: true, force: true }));

console.log(`heapgraph test matrix: ${selected.map((r) => `${r.name} (${r.version})`).join(", ")}`);

if (args.selfCheck) {
  const checks = await runAll(selected.map((runtime) => ({ runtime, package: "self-check", files: [SELF_CHECK] })), args.jobs);
  const broken = checks.filter((c) => c.code === 0 || c.failed < 1);
  if (broken.length > 0) {
    for (const c of broken) console.error(`self-check: ${c.job.runtime.name} exited ${c.code} on a deliberately failing test\n${c.output}`);
    fail("self-check failed: a runtime does not report test failures; its results cannot be trusted");
  }
  console.log(`self-check: a deliberately failing test exits non-zero under ${selected.map((r) => r.name).join(", ")}`);
}

// Longest jobs first (measured: notebooks and the CLI dominate), so that two workers finish together.
const EXPECTED_SECONDS = { notebook: 170, heapgraph: 150, "heapgraph-live": 60, snapshot: 30, graph: 25, corpus: 20, render: 9, testkit: 3 };
// The notebook e2e test runs under node20 only (see packages/notebook/test/notebooks.test.ts).
const weight = (job) => (job.package === "notebook" && job.runtime.name !== "node20" ? 1 : EXPECTED_SECONDS[job.package] ?? 30);
const jobs = [];
for (const runtime of selected) for (const s of suites) jobs.push({ runtime, package: s.name, files: s.files });
jobs.sort((a, b) => weight(b) - weight(a));
const results = await runAll(jobs, args.jobs, (r) => {
  const status = r.code === 0 ? "ok" : `FAILED (exit ${r.code})`;
  console.log(`\n━━ ${r.job.runtime.name} · ${r.job.package} · ${status} · ${(r.ms / 1000).toFixed(1)} s`);
  process.stdout.write(r.output.endsWith("\n") ? r.output : r.output + "\n");
});

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  if (r.code !== 0) failures.push(r);
}
console.log("\n━━ summary");
for (const runtime of selected) {
  const mine = results.filter((r) => r.job.runtime === runtime);
  const bad = mine.filter((r) => r.code !== 0);
  const p = mine.reduce((n, r) => n + r.passed, 0);
  const f = mine.reduce((n, r) => n + r.failed, 0);
  const s = mine.reduce((n, r) => n + r.skipped, 0);
  console.log(`  ${runtime.name.padEnd(7)} ${runtime.version.padEnd(10)} ${String(p).padStart(4)} passed ${String(f).padStart(3)} failed ${String(s).padStart(3)} skipped${bad.length ? `  ← failing: ${bad.map((r) => r.job.package).join(", ")}` : ""}`);
}
for (const r of failures) {
  const names = r.failedTests.length ? r.failedTests.join("; ") : r.timedOut ? "timed out" : `exit ${r.code}`;
  console.log(`  FAIL [${r.job.runtime.name}] ${r.job.package}: ${names}`);
}
// Skips are visible: testkit's testWhen prints "skipped (reason): name"; the summary groups them by
// reason, with the runtimes and the number of tests (each test's name is in its job's output above).
const byReason = new Map();
for (const r of results) {
  for (const { reason, name } of r.skips) {
    const entry = byReason.get(reason) ?? { runtimes: new Set(), names: new Set(), count: 0 };
    entry.runtimes.add(r.job.runtime.name);
    entry.names.add(`${r.job.package}: ${name}`);
    entry.count++;
    byReason.set(reason, entry);
  }
}
for (const [reason, { runtimes, names, count }] of byReason) {
  console.log(`  skipped ${count}× under ${[...runtimes].join(", ")}: ${reason} (${names.size} ${names.size === 1 ? "test" : "tests"})`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length > 0 ? 1 : 0);

// ---------------------------------------------------------------------------

function parseArgs(argv) {
  const out = { runtime: null, package: null, jobs: 2, selfCheck: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? fail(`${a} needs a value`);
    if (a === "--runtime") out.runtime = value().split(",");
    else if (a === "--package") out.package = value().split(",");
    else if (a === "--jobs") out.jobs = Math.max(1, Number(value()) || 1);
    else if (a === "--no-self-check") out.selfCheck = false;
    else fail(`unknown option ${a}`);
  }
  return out;
}

function discoverSuites() {
  const dirs = [
    ...readdirSync(join(root, "packages")).map((p) => ({ package: p, dir: join(root, "packages", p, "test") })),
    { package: "testkit", dir: join(root, "testkit", "test") },
    // Real leaks of npm packages (corpus/README.md).
    { package: "corpus", dir: join(root, "corpus", "test") },
  ];
  const found = [];
  for (const { package: pkg, dir } of dirs) {
    if (!existsSync(dir)) continue;
    const files = walk(dir).filter((f) => f.endsWith(".test.ts")).map((f) => relative(root, f)).sort();
    // Tests that snapshot their own process get a process of their own: every other test file's
    // modules and leftovers would be in each of their snapshots and make it slow.
    const own = files.filter((f) => OWN_PROCESS.test(f));
    const rest = files.filter((f) => !OWN_PROCESS.test(f));
    if (rest.length) found.push({ package: pkg, name: pkg, files: rest });
    if (own.length) found.push({ package: pkg, name: `${pkg}-live`, files: own });
  }
  return found;
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? (name === "node_modules" ? [] : walk(p)) : [p];
  });
}

function runAll(jobs, concurrency, onDone = () => {}) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await runJob(jobs[i]);
      onDone(results[i]);
    }
  };
  return Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker)).then(() => results);
}

function runJob(job) {
  const started = Date.now();
  const [cmd, ...pre] = job.runtime.command;
  return new Promise((done) => {
    const child = spawn(cmd, [...pre, RUNNER, ...job.files], {
      cwd: root,
      env: {
        ...process.env,
        HEAPGRAPH_TEST_RUNTIME: job.runtime.name,
        HEAPGRAPH_TEST_CACHE: cacheDir,
        // The CLI's index cache goes to the run's cache too, never to the user's ~/.cache, one per
        // job: jobs that run at the same time never read each other's caches.
        HEAPGRAPH_CACHE_DIR: join(cacheDir, "index-cache", `${job.runtime.name}-${job.package}`),
        FORCE_COLOR: "0",
        NO_COLOR: "1",
        PATH: [join(root, "node_modules", ".bin"), process.env.PATH].join(delimiter),
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      output += `\n[test-matrix] ${job.runtime.name} · ${job.package} ran past ${JOB_TIMEOUT_MS / 60000} minutes; killed\n`;
      killGroup(child);
    }, JOB_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killGroup(child); // anything the tests left running in their process group
      const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
      const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? 0);
      const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? 0);
      const skipped = Number(/Skipped:\s+(\d+)/.exec(plain)?.[1] ?? 0);
      const exit = code ?? (signal ? 128 : 1);
      const failedTests = [...plain.matchAll(/^\s*FAIL\s+(.+)$/gm)].map((m) => m[1].trim());
      let failed = Math.max(0, total - passed - skipped);
      if (exit !== 0 && failed === 0) failed = 1; // crashed or timed out before uvu's summary
      const skips = [...plain.matchAll(/^skipped \((.+?)\): (.+)$/gm)].map((m) => ({ reason: m[1].trim(), name: m[2].trim() }));
      done({ job, code: exit, output, passed, failed, skipped, skips, failedTests, timedOut, ms: Date.now() - started });
    });
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

function fail(message) {
  console.error(`test-matrix: ${message}`);
  process.exit(2);
}
