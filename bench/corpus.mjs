#!/usr/bin/env node
// Makes the benchmark corpus: real heap snapshots of Node processes that type-check
// npm packages with the TypeScript compiler (and one that bundles with rollup).
// Files are cached in bench/corpus/ by recipe; a changed recipe is made again.
//
//   node bench/corpus.mjs [--max-size 500MB] [--only ts-25mb,ts-140mb] [--force] [--no-line-ends]
//
// Each snapshot is written by its own Node process with a big heap. Run with Node 20
// (the snapshots then have all 7 node fields, which every peer tool reads).
import { existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { killRunningChildren, runChild } from "./lib/child.mjs";
import { RECIPES } from "./lib/recipes.mjs";
import { formatBytes, parseSize } from "./lib/sizes.mjs";

const benchDir = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(benchDir, "corpus");
const MAKER_HEAP_MB = 16000;
const MAKER_TIMEOUT_MS = 6 * 60 * 60 * 1000;

/** The recipes `--max-size` and `--only` select, smallest first. */
export function selectRecipes({ maxSize = Infinity, only = null } = {}) {
  const unknown = (only ?? []).filter((name) => !RECIPES.some((r) => r.name === name));
  if (unknown.length) throw new Error(`unknown recipe ${unknown.join(", ")}; known: ${RECIPES.map((r) => r.name).join(", ")}`);
  return RECIPES.filter((r) => r.nominalBytes <= maxSize && (!only || only.includes(r.name))).sort(
    (a, b) => a.nominalBytes - b.nominalBytes,
  );
}

/**
 * Makes every selected snapshot that is missing or stale; returns one entry per recipe:
 * `{ recipe, file, bytes, nodes, edges, made: {...} }` or `{ recipe, error }`.
 */
export async function ensureCorpus({ maxSize, only, force = false, lineEnds = true, log = console.log } = {}) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  const entries = [];
  for (const recipe of selectRecipes({ maxSize, only })) {
    const cached = force ? null : readCached(recipe);
    if (cached) {
      log(`corpus: ${recipe.name} cached (${formatBytes(cached.bytes)})`);
      entries.push(cached);
      continue;
    }
    log(`corpus: making ${recipe.name}: ${recipe.about} ...`);
    const entry = await make(recipe, { lineEnds });
    if (entry.error) log(`corpus: ${recipe.name} FAILED: ${entry.error}`);
    else log(`corpus: ${recipe.name} made in ${(entry.made.totalMs / 1000).toFixed(0)} s (snapshot written in ${(entry.made.snapshotMs / 1000).toFixed(0)} s): ${formatBytes(entry.bytes)}, ${entry.nodes} nodes, ${entry.edges} edges`);
    entries.push(entry);
  }
  return entries;
}

const recipeKey = (recipe) => JSON.stringify({ maker: recipe.maker, spec: recipe.spec });
const snapshotPath = (recipe) => join(CORPUS_DIR, `${recipe.name}.heapsnapshot`);
const metaPath = (recipe) => join(CORPUS_DIR, `${recipe.name}.json`);

function readCached(recipe) {
  const file = snapshotPath(recipe);
  if (!existsSync(file) || !existsSync(metaPath(recipe))) return null;
  const meta = JSON.parse(readFileSync(metaPath(recipe), "utf8"));
  if (meta.key !== recipeKey(recipe) || meta.bytes !== statSync(file).size) return null;
  return { recipe: recipe.name, file, bytes: meta.bytes, nodes: meta.nodes, edges: meta.edges, made: meta.made };
}

async function make(recipe, { lineEnds }) {
  const file = snapshotPath(recipe);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const script = join(benchDir, "makers", `${recipe.maker}-snapshot.mjs`);
  const args = [`--max-old-space-size=${MAKER_HEAP_MB}`, script, partial, JSON.stringify(recipe.spec)];
  if (!lineEnds) args.push("--no-line-ends");
  const run = await runChild(process.execPath, args, { cwd: benchDir, timeoutMs: MAKER_TIMEOUT_MS });
  const report = lastJsonLine(run.stdout);
  if (run.code !== 0 || !report || !existsSync(partial)) {
    rmSync(partial, { force: true });
    const why = run.timedOut ? `timed out after ${MAKER_TIMEOUT_MS / 60000} min` : `exit ${run.code ?? run.signal}`;
    return { recipe: recipe.name, error: `${why}: ${run.stderr.trim().split("\n").slice(-3).join(" | ")}` };
  }
  renameSync(partial, file);
  const bytes = statSync(file).size;
  const { nodes, edges } = readCounts(file);
  const made = { ...report, totalMs: run.ms, node: process.version, lineEnds, date: new Date().toISOString() };
  const meta = { key: recipeKey(recipe), bytes, nodes, edges, made };
  writeFileSync(metaPath(recipe), JSON.stringify(meta, null, 2) + "\n");
  return { recipe: recipe.name, file, bytes, nodes, edges, made };
}

/** node_count and edge_count from the header at the start of the file. */
export function readCounts(file) {
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(64 * 1024);
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const head = buffer.toString("utf8", 0, read);
  const count = (field) => Number(new RegExp(`"${field}"\\s*:\\s*(\\d+)`).exec(head)?.[1] ?? NaN);
  return { nodes: count("node_count"), edges: count("edge_count") };
}

function lastJsonLine(text) {
  const line = text.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  try {
    return line ? JSON.parse(line) : null;
  } catch {
    return null;
  }
}

// CLI
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      killRunningChildren();
      process.exit(130);
    });
  }
  const { values } = parseArgs({
    options: {
      "max-size": { type: "string" },
      only: { type: "string" },
      force: { type: "boolean", default: false },
      "no-line-ends": { type: "boolean", default: false },
      list: { type: "boolean", default: false },
    },
  });
  if (values.list) {
    for (const r of RECIPES) console.log(`${r.name.padEnd(14)} ~${formatBytes(r.nominalBytes).padEnd(8)} ${r.about}`);
    process.exit(0);
  }
  const entries = await ensureCorpus({
    maxSize: values["max-size"] ? parseSize(values["max-size"]) : Infinity,
    only: values.only?.split(",") ?? null,
    force: values.force,
    lineEnds: !values["no-line-ends"],
  });
  process.exit(entries.some((e) => e.error) ? 1 : 0);
}
