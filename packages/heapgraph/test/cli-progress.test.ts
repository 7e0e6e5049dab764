// The progress bar, in this process: the line for a step in a narrow terminal (the step always
// shows, a long file name is shortened), and a command-long sequence of progress events whose
// percentage never goes down. The bar as `summary` draws it is checked in cli-help.test.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { GraphPhase } from "@heapgraph/graph";
import { currentRuntime } from "@heapgraph/testkit";
import type { CliIo } from "../src/cli/cli-io.ts";
import { ProgressBar, progressLine } from "../src/cli/progress-bar.ts";
import { phaseFraction, readingFraction } from "../src/cli/progress-plan.ts";

const runtime = currentRuntime();
const LONG = "node24-cli-shop-c81cdc3d3614-a-file-name-longer-than-the-terminal-is-wide.heapsnapshot.gz";

function fakeIo(columns: number, stderrIsTTY = true): CliIo & { lines: () => string[] } {
  let err = "";
  return { out: () => {}, err: (t) => void (err += t), stderrIsTTY, columns, lines: () => err.split("\r\x1b[K").filter((l) => l !== "") };
}

test(`progressLine (${runtime}): the step and the percentage stay visible however long the file name and however narrow the terminal`, () => {
  for (const columns of [20, 30, 40, 60, 80, 120, 200]) {
    for (const step of ["reading", "dominators", "retained sizes"]) {
      const line = progressLine({ step, file: LONG, fraction: 0.42 }, columns);
      assert.ok(line.length <= Math.max(20, columns - 1), `${columns}: ${JSON.stringify(line)} fits`);
      assert.ok(line.includes(step), `${columns}: ${JSON.stringify(line)} shows ${step}`);
      assert.ok(line.includes(" 42% "), `${columns}: ${JSON.stringify(line)} shows the percentage`);
    }
  }
  assert.is(progressLine({ step: "dominators", file: "app.heapsnapshot", fraction: 0.5 }, 80), `heapgraph: [${"#".repeat(12)}${"-".repeat(12)}]  50% app.heapsnapshot: dominators`);
  const shortened = progressLine({ step: "reading", file: LONG, fraction: 0.1 }, 80);
  assert.match(shortened, /^heapgraph: \[[#-]{24}\]  10% node24-cli[^ ]*….*\.gz: reading$/, "the file name keeps its start and its end");
  assert.is(progressLine({ step: "finding leaks", fraction: null }, 80), "heapgraph: finding leaks …");
  assert.is(progressLine({ step: "receiving the snapshot", detail: "12 MB", fraction: 0.5 }, 80).endsWith("receiving the snapshot (12 MB)"), true);
});

test(`ProgressBar (${runtime}): one bar over reading and the engine's phases of two files, never going back, the step always shown`, () => {
  const io = fakeIo(40);
  const bar = new ProgressBar(io);
  const parts = [{ index: 0, count: 2 }, { index: 1, count: 2 }];
  const phases: GraphPhase[] = ["retainers", "detachedness", "classes", "dominators", "shallow sizes", "retained sizes"];
  const expectedSteps: string[] = [];
  for (const part of parts) {
    for (const f of [0, 0.5, 1]) bar.update("reading", readingFraction(part, f), { file: LONG });
    expectedSteps.push("reading");
    for (const phase of phases) {
      for (const f of [0, 0.5, 1]) bar.update(phase, phaseFraction(part, phase, f * 100, 100), { file: LONG });
      expectedSteps.push(phase);
    }
  }
  // The first file's lazy phases may run after the second file is read: they show at the percentage reached.
  bar.update("class stats", phaseFraction(parts[0], "class stats", 50, 100), { file: LONG });
  bar.update("finding leaks", null);
  const lines = io.lines();
  const percents = lines.map((l) => /(\d+)% /.exec(l)?.[1]).filter((p): p is string => p !== undefined).map(Number);
  assert.ok(percents.length >= 2 * phases.length, `drawn often (${lines.length} lines)`);
  assert.equal(percents, [...percents].sort((a, b) => a - b), `never goes back: ${percents.join(" ")}`);
  assert.ok(percents[0] === 0 && percents.at(-1)! >= Math.floor(100 * phaseFraction(parts[1], "retained sizes", 100, 100)) - 1, `from 0% to the last phase's share: ${percents.join(" ")}`);
  assert.ok(percents.filter((p, i) => i > 0 && p > percents[i - 1]).length > phases.length, "and moves on with each step");
  for (const line of lines) assert.ok(line.length <= 39, `fits 40 columns: ${JSON.stringify(line)}`);
  for (const step of [...expectedSteps, "class stats", "finding leaks"]) assert.ok(lines.some((l) => l.includes(step)), `${step} is shown`);
  assert.ok(lines.filter((l) => l.includes("class stats")).every((l) => l.includes(`${percents.at(-1)}%`)), "a late phase shows at the highest percentage");
  bar.clear();
  assert.is(io.lines().length, lines.length, "clearing draws no new line");
});

test(`ProgressBar (${runtime}): nothing at all when stderr is not a terminal`, () => {
  const io = fakeIo(80, false);
  const bar = new ProgressBar(io);
  bar.update("reading", 0.5, { file: "a.heapsnapshot" });
  bar.update("dominators", 0.7, { file: "a.heapsnapshot" });
  bar.clear();
  assert.equal(io.lines(), []);
});

test.run();
