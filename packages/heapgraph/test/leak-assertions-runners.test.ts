// assertNoLeaks in real test runners: each matrix runtime runs one runner in a child process, on
// test/leak-fixtures/<runner>_test.ts, where a leaky login must fail with the diagnosis as its
// failure output and the fixed login must pass: node24 runs node:test, node20 uvu (the project's
// runner), deno Deno.test, bun bun:test (class counts there). One child per runner, both cases in it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import process from "node:process";
import { currentRuntime, repoRoot, runtimes, spawnTracked } from "@heapgraph/testkit";

const runtime = currentRuntime();
const FIXTURES = join(repoRoot, "packages", "heapgraph", "test", "leak-fixtures");

interface Runner {
  readonly name: string;
  readonly command: () => string[];
  /** The fixed case passed, in the runner's words. */
  readonly fixedPassed: RegExp;
  /** The leaky case failed, in the runner's words. */
  readonly leakyFailed: RegExp;
}

const deno = () => runtimes().find((r) => r.kind === "deno")!.executable;
const bun = () => runtimes().find((r) => r.kind === "bun")!.executable;
const RUNNERS: Record<string, Runner> = {
  node24: {
    name: "node:test",
    command: () => [process.execPath, "--conditions=@heapgraph/source", "--disable-warning=ExperimentalWarning", "--test", "--test-reporter=spec", join(FIXTURES, "node_test.ts")],
    fixedPassed: /✔ fixed login/,
    leakyFailed: /✖ leaky login/,
  },
  node20: {
    name: "uvu",
    command: () => [process.execPath, "--import", "tsx", "--conditions=@heapgraph/source", join(repoRoot, "scripts", "uvu-runner.mjs"), join(FIXTURES, "uvu_test.ts")],
    fixedPassed: /Total:\s+2\n\s+Passed:\s+1\n/,
    leakyFailed: /FAIL\s+"leaky login"/,
  },
  deno: {
    name: "Deno.test",
    command: () => [deno(), "test", "-A", "--quiet", "--no-check", join(FIXTURES, "deno_test.ts")],
    fixedPassed: /fixed login \.\.\. ok/,
    leakyFailed: /leaky login \.\.\. FAILED/,
  },
  bun: {
    name: "bun:test",
    command: () => [bun(), "--conditions=@heapgraph/source", "test", "--timeout", "180000", join(FIXTURES, "bun_test.ts")],
    fixedPassed: /\(pass\) fixed login/,
    leakyFailed: /\(fail\) leaky login/,
  },
};

const runner = RUNNERS[runtime];

test(`assertNoLeaks under ${runner?.name ?? "no runner"} (${runtime}): the leaky login fails with the diagnosis, the fixed one passes`, async () => {
  if (!runner) return;
  const [command, ...args] = runner.command();
  const child = spawnTracked(command, args, { cwd: FIXTURES, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, lifetimeMs: 300_000 });
  try {
    const exit = await child.exited;
    // Deno colours its report even when told not to; the text is what matters.
    const output = `${child.stdout()}\n${child.stderr()}`.replace(/\x1b\[[0-9;]*m/g, "");
    assert.is.not(exit.code, 0, `the runner reports the failing case\n${output}`);
    assert.match(output, runner.leakyFailed, output);
    assert.match(output, runner.fixedPassed, output);
    if (runtime === "bun") {
      assert.match(output, /Session grew \d+ → \d+ → \d+ objects \(\+10, \+10 per 10 iterations\)/, output);
      assert.match(output, /Bun renumbers objects in every heap snapshot/);
    } else {
      assert.match(output, /LeakAssertionError|leak after 10 iterations/, output);
      assert.match(output, /1 leak after 10 iterations/, output);
      assert.match(output, /Array \S+openSessions grew 3 → 13 → 23 elements, holding 20 leaked objects \(10 Session, 10 Array\) — \S+ at sessions\.ts:\d+:\d+/, output);
    }
  } finally {
    await child.kill();
  }
});

test.run();
