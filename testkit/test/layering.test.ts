// The layering check (dependency-cruiser with .dependency-cruiser.cjs) passes on the real sources
// and fails on a tree with one deliberately wrong import per rule family. It is a Node tool whose
// answer does not depend on the runtime, so it runs once per matrix run, under node20.
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { currentRuntime, repoRoot, runtimes, testWhen } from "../src/index.ts";

const test = testWhen(currentRuntime() === "node20", "the layering check runs once per matrix run, under node20");
const CONFIG = ".dependency-cruiser.cjs";

/** Runs dependency-cruiser over `packages/` of `cwd` with the repository's rules. */
function cruise(cwd: string): { code: number | null; output: string } {
  const node = runtimes().find((r) => r.kind === "node")?.executable ?? process.execPath;
  const cli = join(repoRoot, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
  const run = spawnSync(node, [cli, "packages", "--config", CONFIG, "--output-type", "err"], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

test("the real sources follow every layering rule", () => {
  const { code, output } = cruise(repoRoot);
  assert.is(code, 0, output);
});

test("each rule family fails on a deliberately wrong import", () => {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-layering-"));
  try {
    copyFileSync(join(repoRoot, CONFIG), join(dir, CONFIG));
    copyFileSync(join(repoRoot, "tsconfig.base.json"), join(dir, "tsconfig.base.json"));
    const files: Record<string, string> = {
      "packages/graph/src/engine/index.ts": `export { dominators } from "./dominators.ts";\n`,
      "packages/graph/src/engine/dominators.ts": `export const dominators = 1;\n`,
      // A query that reaches into an engine file and reads a file with a node: import.
      "packages/graph/src/queries/stats/bad-query.ts":
        `import { readFileSync } from "node:fs";\nimport { dominators } from "../../engine/dominators.ts";\nexport const bad = [readFileSync, dominators];\n`,
      // A query that imports the parser's model directly.
      "packages/graph/src/queries/chains/reads-columns.ts": `import { columns } from "../../../../snapshot/src/model/columns.ts";\nexport const c = columns;\n`,
      "packages/snapshot/src/model/columns.ts": `export const columns = 1;\n`,
      // The bottom package importing one above it, and a cycle.
      "packages/snapshot/src/read/a.ts": `import { b } from "./b.ts";\nimport "../../../render/src/index.ts";\nexport const a = () => b;\n`,
      "packages/snapshot/src/read/b.ts": `import { a } from "./a.ts";\nexport const b = () => a;\n`,
      "packages/render/src/index.ts": `export {};\n`,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { code, output } = cruise(dir);
    assert.is.not(code, 0, "dependency-cruiser exits non-zero");
    for (const rule of ["queries-use-the-engine-api", "pure-packages-use-no-runtime", "queries-read-no-parser-columns", "snapshot-is-the-bottom", "no-cycles"]) {
      assert.ok(output.includes(`error ${rule}:`), `${rule} fires:\n${output}`);
    }
    assert.ok(!/engine\/index\.ts/.test(output.split("\n").filter((l) => l.includes("queries-use-the-engine-api")).join("\n")), "engine/index.ts is allowed");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
