// testkit's takeRealSnapshot: concurrent callers get one snapshot, taken once; runtime flags
// are part of the key; a failing scenario fails the caller and leaves no file or lock behind.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot, takeRealSnapshot } from "@heapgraph/testkit";
import { readSnapshot } from "../src/index.ts";
import { rejectionOf } from "./reader-helpers.ts";

const HELPER = pathToFileURL(join(repoRoot, "testkit", "scenarios", "heap-snapshot-here.mjs")).href;

test("three concurrent callers share one run of the scenario", async () => {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-cache-test-"));
  try {
    const runs = join(dir, "runs.txt");
    const scenario = join(dir, "counted.mjs");
    writeFileSync(scenario, [
      `import { appendFileSync } from "node:fs";`,
      `import { snapshotTo } from ${JSON.stringify(HELPER)};`,
      `appendFileSync(${JSON.stringify(runs)}, "run\\n");`,
      `globalThis.countedMarker = { label: "counted-scenario-marker" };`,
      `await snapshotTo();`,
    ].join("\n"));
    const files = await Promise.all([1, 2, 3].map(() => takeRealSnapshot("node24", scenario)));
    assert.equal(new Set(files).size, 1, "one file");
    assert.is(readFileSync(runs, "utf8"), "run\n", "the scenario ran once");
    const snap = await readSnapshot(files[0]);
    assert.ok(snap.strings.includes("counted-scenario-marker"), "it is the scenario's heap");
    const flagged = await takeRealSnapshot("node24", scenario, { runtimeArgs: ["--max-old-space-size=512"] });
    assert.is.not(flagged, files[0], "runtime flags are part of the key");
    assert.is(readFileSync(runs, "utf8"), "run\nrun\n");

    const failing = join(dir, "failing.mjs");
    writeFileSync(failing, `throw new Error("scenario broke on purpose");\n`);
    const error = await rejectionOf(takeRealSnapshot("node24", failing), "a failing scenario");
    assert.match(String(error), /scenario broke on purpose/);
    const leftovers = readdirSync(dirname(files[0])).filter((f) => f.includes("failing"));
    assert.equal(leftovers, [], "no file, temporary file or lock is left");
    assert.ok(existsSync(files[0]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
