// npm-ready: the five packages as `npm pack` makes them (what `npm publish` uploads) hold what
// users need and no tests; installed from those tarballs into a fresh project, `npx heapgraph`
// works on a real snapshot and Deno imports `npm:@heapgraph/graph` from that project. Also: the
// repository's own install (`npm ci`) is quiet on this Node (no EBADENGINE) and its lockfile is
// in sync with every package.json, as a fresh clone needs.
//
// npm and Deno run in child processes, the same whatever runtime runs this file, and packing and
// installing take a while: it runs once per test-matrix run, under node24, and is a visible skip
// under the others. The packages must be built first (`npm test` builds them).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import process from "node:process";
import { currentRuntime, repoRoot, snapshotRuntimes, spawnTracked, takeRealSnapshot, testWhen } from "@heapgraph/testkit";

const once = testWhen(currentRuntime() === "node24", "npm pack and install run once per matrix run, under node24");

const PACKAGES = ["snapshot", "graph", "render", "notebook", "heapgraph"] as const;
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";
const DENO = join(repoRoot, "node_modules", ".bin", "deno");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end in its own process group (killed after `timeoutMs`). */
async function run(command: string, args: string[], options: { cwd: string; timeoutMs?: number; env?: Record<string, string> }): Promise<Run> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", DENO_NO_UPDATE_CHECK: "1", ...options.env };
  const child = spawnTracked(command, args, { cwd: options.cwd, env, lifetimeMs: timeoutMs });
  const exit = await child.exited;
  return { code: exit.code, stdout: child.stdout(), stderr: child.stderr() };
}

function said(r: Run): string {
  return `exit ${r.code}\n--- stdout ---\n${r.stdout.slice(-4000)}\n--- stderr ---\n${r.stderr.slice(-4000)}`;
}

/** What `npm pack --json` reports for one package. */
interface Packed {
  name: string;
  version: string;
  filename: string;
  files: { path: string; size: number; mode: number }[];
}

/** Temporary directories of this file, made when first needed and removed at its end. */
const temps = new Map<string, string>();
function temp(name: "pack" | "project"): string {
  let dir = temps.get(name);
  if (!dir) temps.set(name, (dir = mkdtempSync(join(tmpdir(), `heapgraph-${name}-`))));
  return dir;
}
test.after(() => {
  for (const dir of temps.values()) rmSync(dir, { recursive: true, force: true });
});

let packing: Promise<Packed[]> | null = null;
/** The five tarballs, packed once for the tests below. */
function packed(): Promise<Packed[]> {
  packing ??= (async () => {
    for (const p of PACKAGES) {
      if (!existsSync(join(repoRoot, "packages", p, "dist", "index.js"))) throw new Error(`packages/${p}/dist is missing: run npm run build first`);
    }
    const workspaces = PACKAGES.flatMap((p) => ["--workspace", `packages/${p}`]);
    const r = await run(NPM, ["pack", ...workspaces, "--pack-destination", temp("pack"), "--json", "--ignore-scripts"], { cwd: repoRoot });
    if (r.code !== 0) throw new Error(`npm pack failed\n${said(r)}`);
    return JSON.parse(r.stdout) as Packed[];
  })();
  return packing;
}

let installing: Promise<Run> | null = null;
/** A fresh project with the five tarballs installed (npm's cache is warm after `npm ci`). */
function installed(): Promise<Run> {
  installing ??= (async () => {
    const tarballs = await packed();
    const dependencies = Object.fromEntries(tarballs.map((t) => [t.name, `file:${join(temp("pack"), t.filename)}`]));
    writeFileSync(join(temp("project"), "package.json"), JSON.stringify({ name: "heapgraph-install-check", private: true, type: "module", dependencies }, null, 2));
    const r = await run(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: temp("project"), timeoutMs: 240_000 });
    if (r.code !== 0) throw new Error(`npm install of the tarballs failed\n${said(r)}`);
    return r;
  })();
  return installing;
}

function shopSnapshot(): Promise<string> {
  return takeRealSnapshot(snapshotRuntimes().includes("node24") ? "node24" : "node20", "cli-shop");
}

once("the repository installs quietly: npm ci accepts the lockfile and no package's engines refuse this Node", async () => {
  // --dry-run: resolves the whole tree from the lockfile (and checks engines) without touching node_modules.
  const r = await run(NPM, ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: repoRoot });
  assert.is(r.code, 0, said(r));
  assert.not.match(r.stdout + r.stderr, /EBADENGINE/, said(r));
  const notebooks = await run(NPM, ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", join(repoRoot, "notebooks")], { cwd: repoRoot });
  assert.is(notebooks.code, 0, said(notebooks));
  assert.not.match(notebooks.stdout + notebooks.stderr, /EBADENGINE/, said(notebooks));
});

once("every package's engines say what the root's say", () => {
  const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { engines: { node: string } };
  for (const p of PACKAGES) {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", p, "package.json"), "utf8")) as { engines?: { node?: string } };
    assert.is(pkg.engines?.node, root.engines.node, `packages/${p}`);
  }
});

once("npm pack: each tarball holds its built entry points, sources, README and LICENSE, and no tests", async () => {
  const tarballs = await packed();
  assert.equal(tarballs.map((t) => t.name).sort(), ["@heapgraph/graph", "@heapgraph/notebook", "@heapgraph/render", "@heapgraph/snapshot", "heapgraph"]);
  for (const t of tarballs) {
    const paths = new Set(t.files.map((f) => f.path));
    const dir = t.name.replace(/^@heapgraph\//, "");
    const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8")) as {
      main: string;
      types: string;
      exports: Record<string, Record<string, string>>;
      bin?: Record<string, string>;
    };
    for (const needed of ["package.json", "README.md", "LICENSE", "src/index.ts"]) assert.ok(paths.has(needed), `${t.name} lacks ${needed}`);
    const targets = [pkg.main, pkg.types, ...Object.values(pkg.exports).flatMap((e) => Object.values(e)), ...Object.values(pkg.bin ?? {})];
    for (const target of targets) assert.ok(paths.has(posix.normalize(target)), `${t.name}: ${target} (named in package.json) is not in the tarball`);
    for (const path of paths) {
      assert.not.match(path, /(^|\/)(test|tests|fixtures|__tests__)\//, `${t.name} ships ${path}`);
      assert.not.match(path, /\.test\.[cm]?[jt]s$|\.tsbuildinfo$|\.heapsnapshot(\.gz)?$/, `${t.name} ships ${path}`);
      // A dist file whose source is gone (moved or deleted) must not ship. The command's bundle
      // chunks (scripts/bundle-cli.mjs, which removes the chunks of earlier builds) have none.
      const built = /^dist\/(.+)\.(?:js|d\.ts)(?:\.map)?$/.exec(path);
      const bundleChunk = t.name === "heapgraph" && /^dist\/cli-chunk-[A-Z0-9]+\.js(\.map)?$/.test(path);
      if (built && !bundleChunk) assert.ok(paths.has(`src/${built[1]}.ts`), `${t.name} ships ${path}, whose source src/${built[1]}.ts is not there`);
    }
  }
  const cli = tarballs.find((t) => t.name === "heapgraph");
  assert.ok(cli?.files.some((f) => f.path === "bin/heapgraph.js"), "the heapgraph tarball has its bin");
  assert.ok(cli?.files.some((f) => f.path === "assets/leaky-service.mjs"), "the heapgraph tarball has the demo's service");
  for (const page of ["explore", "watch"]) assert.ok(cli?.files.some((f) => f.path === `assets/web/${page}.js`), `the heapgraph tarball has the ${page} page's bundle`);
  const render = tarballs.find((t) => t.name === "@heapgraph/render");
  assert.ok(render?.files.some((f) => f.path === "dist/interactive/generated/graph-bundle.js"), "the render tarball has the interactive graph's bundle");
});

once("installed from the tarballs into a fresh project, npx heapgraph runs, quietly", async () => {
  const install = await installed();
  const projectDir = temp("project");
  assert.not.match(install.stdout + install.stderr, /EBADENGINE/, said(install));
  assert.ok(existsSync(join(projectDir, "node_modules", ".bin", "heapgraph")), "npm linked the heapgraph command");
  // As a user types it; npm_config_yes=false: never fetch a `heapgraph` from the registry instead.
  const npx = (args: string[]) => run(NPX, ["heapgraph", ...args], { cwd: projectDir, env: { npm_config_yes: "false" } });
  const help = await npx(["--help"]);
  assert.is(help.code, 0, said(help));
  assert.match(help.stdout, /^heapgraph \d+\.\d+\.\d+: /, said(help));
  assert.match(help.stdout, /summary/);
  const file = await shopSnapshot();
  const summary = await npx(["summary", file]);
  assert.is(summary.code, 0, said(summary));
  // The scenario keeps 2000 ShopRecord objects alive: among the ten most common types.
  assert.match(summary.stdout, /ShopRecord\s+2,?000\b/, said(summary));
});

once("Deno imports npm:@heapgraph/graph from that project's node_modules and reads a real snapshot", async () => {
  await installed();
  const projectDir = temp("project");
  const script = join(projectDir, "count-line-items.ts");
  writeFileSync(
    script,
    [
      `import { buildGraph, byType } from "npm:@heapgraph/graph";`,
      `import { readSnapshot } from "npm:@heapgraph/snapshot";`,
      `const graph = buildGraph(await readSnapshot(Deno.args[0]));`,
      "console.log(`ShopLineItem: ${byType(graph, \"ShopLineItem\").length}`);",
      "",
    ].join("\n"),
  );
  const file = await shopSnapshot();
  // --node-modules-dir=manual: the packages come from the project's node_modules, as npm installed them.
  const r = await run(DENO, ["run", "--quiet", "--node-modules-dir=manual", `--allow-read=${projectDir},${file}`, script, file], { cwd: projectDir });
  assert.is(r.code, 0, said(r));
  assert.is(r.stdout.trim(), "ShopLineItem: 32", said(r));
  const graphDir = join(projectDir, "node_modules", "@heapgraph", "graph");
  assert.ok(existsSync(join(graphDir, "dist", "index.js")), "the project holds the installed @heapgraph/graph");
});

test.run();
