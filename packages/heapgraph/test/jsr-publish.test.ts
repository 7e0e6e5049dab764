// JSR-ready: `deno publish --dry-run` (type check, public API check, file list) passes for the
// whole workspace from the root, which publishes each of the five packages and leaves testkit out;
// what would be published holds the sources, README and LICENSE and no tests. `--allow-slow-types`:
// option types are derived from their zod schemas (one source of truth), which JSR's fast check
// counts as inferred ("slow") types; JSR then type-checks them itself, a little slower for users. Plus the build's consistency check
// of deno.json against package.json (scripts/check-exports.mjs), on packages made up to fail it.
//
// The dry runs spawn the root's pinned Deno and take a while, the same whatever runtime runs this
// file: they run once per test-matrix run, under node24, and are a visible skip under the others.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { currentRuntime, repoRoot, spawnTracked, testWhen } from "@heapgraph/testkit";
import { exportProblems } from "../../../scripts/check-exports.mjs";

const once = testWhen(currentRuntime() === "node24", "the deno publish dry runs run once per matrix run, under node24");

const PACKAGES = ["snapshot", "graph", "render", "notebook", "heapgraph"] as const;
const DENO = join(repoRoot, "node_modules", ".bin", "deno");

interface DryRun {
  code: number | null;
  output: string;
  /** Paths of the files it would publish, relative to the repository root. */
  files: string[];
}

/** `deno publish --dry-run` in `dir` (`--allow-dirty`: a working tree with changes is fine; slow types: see above). */
async function dryRun(dir: string): Promise<DryRun> {
  const env = { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };
  const child = spawnTracked(DENO, ["publish", "--dry-run", "--allow-dirty", "--allow-slow-types"], { cwd: dir, env, lifetimeMs: 180_000 });
  const exit = await child.exited;
  // Deno colours its output when FORCE_COLOR is set (the test matrix sets it for uvu), whatever NO_COLOR says.
  const output = (child.stdout() + child.stderr()).replace(/\x1b\[[0-9;]*m/g, "");
  const rootUrl = `${pathToFileURL(repoRoot).href}/`;
  const files = [...output.matchAll(/^\s+(file:\/\/\S+) \(/gm)].map((m) => decodeURIComponent(m[1].replace(rootUrl, "")));
  return { code: exit.code, output, files };
}

function checkFiles(files: readonly string[], dir: string): void {
  for (const needed of ["src/index.ts", "README.md", "deno.json"]) assert.ok(files.includes(`${dir}/${needed}`), `${dir}/${needed} would not be published`);
  assert.ok(files.includes(`${dir}/LICENSE`) || files.includes("LICENSE"), `${dir} would be published without a LICENSE`);
  for (const f of files) {
    if (!f.startsWith(`${dir}/`)) continue;
    assert.not.match(f, /\/(test|bench|fixtures)\/|\.test\.ts$/, `${f} would be published`);
    // heapgraph also ships assets/: the demo's service and the pages' bundles (assets/web/, built).
    assert.match(f, /^[^/]+\/[^/]+\/(src\/|README\.md$|LICENSE$|deno\.json$|package\.json$)|^packages\/heapgraph\/assets\//, `${f} would be published`);
  }
}

once("deno publish --dry-run from the root publishes the five packages and leaves testkit out", async () => {
  const run = await dryRun(repoRoot);
  assert.is(run.code, 0, run.output);
  assert.match(run.output, /Success Dry run complete/, run.output);
  const names = [...run.output.matchAll(/Simulating publish of (\S+)@/g)].map((m) => m[1]).sort();
  assert.equal(names, ["@heapgraph/graph", "@heapgraph/heapgraph", "@heapgraph/notebook", "@heapgraph/render", "@heapgraph/snapshot"]);
  assert.not.ok(run.files.some((f) => f.startsWith("testkit/")), "testkit would be published");
  for (const p of PACKAGES) checkFiles(run.files, `packages/${p}`);
  assert.ok(run.files.includes("packages/heapgraph/assets/web/explore.js"), "the explore page's bundle would not be published");
});

test("the build's check wants a scoped JSR name and deno.json imports for every npm dependency", () => {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-jsr-"));
  try {
    const exports = { ".": { types: "./dist/index.d.ts", "@heapgraph/source": "./src/index.ts", default: "./dist/index.js" } };
    const pkg = {
      name: "tool",
      version: "1.0.0",
      type: "module",
      sideEffects: false,
      main: "./dist/index.js",
      types: "./dist/index.d.ts",
      exports,
      dependencies: { "@heapgraph/graph": "^0.1.0", zod: "^4.1.0", ws: "^8.18.0" },
    };
    writeFileSync(join(dir, "package.json"), JSON.stringify(pkg));
    const deno = { name: "tool", version: "1.0.0", exports: { ".": "./src/index.ts" }, imports: { zod: "npm:zod@^3.0.0", left: "npm:left-pad@^1.0.0" } };
    writeFileSync(join(dir, "deno.json"), JSON.stringify(deno));
    const problems = exportProblems(dir);
    const has = (text: string) => assert.ok(problems.some((p) => p.includes(text)), `no problem mentions ${text}:\n${problems.join("\n")}`);
    has("should be @heapgraph/tool");
    has(`imports "zod" should be "npm:zod@^4.1.0"`);
    has(`imports "ws" should be "npm:ws@^8.18.0"`);
    has(`imports "left"`);
    assert.not.ok(problems.some((p) => p.includes("@heapgraph/graph")), "workspace packages need no import entry");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
