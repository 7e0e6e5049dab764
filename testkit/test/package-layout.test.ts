import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportProblems } from "../../scripts/check-exports.mjs";
import { repoRoot } from "../src/index.ts";

const packages = readdirSync(join(repoRoot, "packages"));

test("every package's deno.json and package.json export the same entry points", () => {
  assert.equal(packages.sort(), ["graph", "heapgraph", "notebook", "render", "snapshot"]);
  for (const p of packages) assert.equal(exportProblems(join(repoRoot, "packages", p)), [], p);
});

test("the check catches a deno.json that points elsewhere", () => {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-exports-"));
  try {
    const exports = { ".": { types: "./dist/index.d.ts", "@heapgraph/source": "./src/index.ts", default: "./dist/index.js" } };
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", version: "1.0.0", type: "module", sideEffects: false, main: "./dist/index.js", types: "./dist/index.d.ts", exports }));
    writeFileSync(join(dir, "deno.json"), JSON.stringify({ name: "x", version: "1.0.0", exports: { ".": "./src/other.ts", "./extra": "./src/extra.ts" } }));
    const problems = exportProblems(dir);
    assert.ok(problems.some((p) => p.includes("deno.json points to ./src/other.ts")), problems.join("\n"));
    assert.ok(problems.some((p) => p.includes(`deno.json exports "./extra"`)), problems.join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
