// Runs one corpus case in the runtime under test and writes memlab's three snapshots.
//
//   <runtime> corpus/run-case.mjs <caseId> <leaking|fixed> <outDir>
//
// Imports `cases/<caseId>/scenario.mjs` and the package version named by the case's `leaking` or `fixed`
// alias (see corpus/package.json), then: `setup(pkg)`, WARMUP actions (so that lazily created one-time
// state exists before the baseline), `baseline`, ACTIONS actions, `target`, `revert(state)` if the
// scenario has one, ACTIONS more actions, `final` (after one dropped snapshot: see below). The snapshots are written straight from `node:v8`
// (Node and Deno), each in a fresh task so that no stack slot of this script holds a leaked object,
// to `<outDir>/{baseline,target,final}.heapsnapshot`: the corpus is about the packages' leaks, so
// nothing of heapgraph runs in the process (heapgraph's own objects are the noise filter's business,
// tested elsewhere), and no snapshot is parsed here.
// Plain JavaScript: Node 20 runs it without a TypeScript loader, and so do Node 24 and Deno.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { snapshotTo } from "../testkit/scenarios/heap-snapshot-here.mjs";

const WARMUP = 20;
const ACTIONS = 200;

const here = dirname(fileURLToPath(import.meta.url));
const [caseId, version, outDir] = process.argv.slice(2);
if (!caseId || !["leaking", "fixed"].includes(version) || !outDir) {
  console.error("usage: <runtime> corpus/run-case.mjs <caseId> <leaking|fixed> <outDir>");
  process.exit(2);
}
const caseDir = join(here, "cases", caseId);
const description = JSON.parse(readFileSync(join(caseDir, "case.json"), "utf8"));
const alias = description[version];
const scenario = await import(pathToFileURL(join(caseDir, "scenario.mjs")).href);
const pkg = await importAlias(alias);

// The second argument names the version, for a scenario that loads one of the package's other files
// (e.g. `createRequire(import.meta.url)(`${alias}/bin/utils.js`)`).
const state = await scenario.setup(pkg, { alias, version });
for (let i = 0; i < WARMUP; i++) await scenario.action(state, i);
mkdirSync(outDir, { recursive: true });
// The first snapshot of a process instantiates the runtime's snapshot stream (its class, its
// prototype's native functions): take one and drop it, so that they are not "new since the baseline".
await snapshot("warm-up");
rmSync(join(outDir, "warm-up.heapsnapshot"), { force: true });
await snapshot("baseline");
for (let i = 0; i < ACTIONS; i++) await scenario.action(state, WARMUP + i);
await snapshot("target");
if (typeof scenario.revert === "function") await scenario.revert(state);
for (let i = 0; i < ACTIONS; i++) await scenario.action(state, WARMUP + ACTIONS + i);
await snapshot("final");
if (typeof scenario.teardown === "function") await scenario.teardown(state);
// Servers, sockets and timers a scenario keeps for its leak must not keep the process alive.
process.exit(0);

/** The aliased package's namespace (its default export when it has one, e.g. a CommonJS module). */
async function importAlias(name) {
  let mod;
  try {
    mod = await import(name);
  } catch (error) {
    // A runtime that does not look in corpus/node_modules for bare names: resolve the file from here.
    let file;
    try {
      file = createRequire(join(here, "package.json")).resolve(name);
    } catch {
      throw error;
    }
    mod = await import(pathToFileURL(file).href);
  }
  return mod.default ?? mod;
}

/** Takes `<label>.heapsnapshot` in a fresh task (nothing of the last action left on the stack). */
async function snapshot(label) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await snapshotTo(join(outDir, `${label}.heapsnapshot`));
}
