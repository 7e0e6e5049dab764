// The leak cases' snapshots: three per case (baseline, target, final), written by one process
// running a scenario of testkit/scenarios/, cached in bench/corpus/<case>/ with <case>.json
// beside it (sizes, node and edge counts, how long it took, the Node version). A case is made
// again when the scenario's source or its argument changes.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCounts } from "../corpus.mjs";
import { LEAK_SNAPSHOTS } from "../tools/leak-snapshots.mjs";
import { runChild } from "./child.mjs";

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = join(benchDir, "corpus");
const scenariosDir = join(benchDir, "..", "testkit", "scenarios");
const MAKE_TIMEOUT_MS = 10 * 60 * 1000;

/** The recursive promise chain `poll = () => delay().then(poll)`, `rounds` promises deep between baseline and target. */
export function promiseChainCase(rounds) {
  return {
    name: `promise-chain-${rounds}`,
    scenario: "promise-chain-leak.mjs",
    args: [String(rounds)],
    about: `a recursive promise chain (\`poll = () => delay().then(poll)\`, testkit/scenarios/promise-chain-leak.mjs): baseline after 50 rounds, target after ${rounds.toLocaleString("en-US")} more, final after ${(rounds / 4).toLocaleString("en-US")} more`,
  };
}

/**
 * Makes the case's snapshots unless cached; returns `{ name, dir, about, snapshots: { baseline:
 * { bytes, nodes, edges }, ... }, made }` or throws when the scenario fails.
 */
export async function ensureLeakCase(leakCase, { force = false, log = console.log } = {}) {
  const dir = join(corpusDir, leakCase.name);
  const metaFile = join(corpusDir, `${leakCase.name}.json`);
  const key = caseKey(leakCase);
  if (!force && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, "utf8"));
    const intact = LEAK_SNAPSHOTS.every((s) => existsSync(snapshotFile(dir, s)) && statSync(snapshotFile(dir, s)).size === meta.snapshots[s]?.bytes);
    if (meta.key === key && intact) {
      log(`corpus: ${leakCase.name} cached`);
      return { name: leakCase.name, dir, about: leakCase.about, ...meta };
    }
  }
  log(`corpus: making ${leakCase.name}: ${leakCase.about} ...`);
  mkdirSync(corpusDir, { recursive: true });
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const run = await runChild(process.execPath, [join(scenariosDir, leakCase.scenario), partial, ...leakCase.args], { cwd: benchDir, timeoutMs: MAKE_TIMEOUT_MS });
  if (run.code !== 0 || !LEAK_SNAPSHOTS.every((s) => existsSync(snapshotFile(partial, s)))) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`${leakCase.scenario} failed (${run.timedOut ? "timed out" : `exit ${run.code ?? run.signal}`}): ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  const snapshots = Object.fromEntries(LEAK_SNAPSHOTS.map((s) => [s, { bytes: statSync(snapshotFile(dir, s)).size, ...readCounts(snapshotFile(dir, s)) }]));
  const meta = { key, snapshots, made: { totalMs: run.ms, node: process.version, date: new Date().toISOString() } };
  writeFileSync(metaFile, JSON.stringify(meta, null, 2) + "\n");
  log(`corpus: ${leakCase.name} made in ${(run.ms / 1000).toFixed(1)} s`);
  return { name: leakCase.name, dir, about: leakCase.about, ...meta };
}

const snapshotFile = (dir, name) => join(dir, `${name}.heapsnapshot`);

/** The scenario's source (and the helper it writes snapshots with) and its arguments. */
function caseKey(leakCase) {
  const hash = createHash("sha256");
  for (const file of [leakCase.scenario, "heap-snapshot-here.mjs"]) hash.update(readFileSync(join(scenariosDir, file)));
  return JSON.stringify({ scenario: leakCase.scenario, args: leakCase.args, source: hash.digest("hex").slice(0, 16) });
}
