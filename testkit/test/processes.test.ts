import { test } from "uvu";
import * as assert from "uvu/assert";
import { runtimes, spawnTracked, withProcess } from "../src/index.ts";

const node = runtimes().find((r) => r.kind === "node")!.executable;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A parent that starts a grandchild in the same process group and prints both pids.
const FAMILY = `
const { spawn } = require("node:child_process");
const g = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
console.log("family", process.pid, g.pid);
setInterval(() => {}, 1000);
`;

test("withProcess kills the whole process group, also when the body throws", async () => {
  let pids: number[] = [];
  try {
    await withProcess(node, ["-e", FAMILY], async (child) => {
      const m = await child.waitForLine(/family (\d+) (\d+)/, { stream: "stdout" });
      pids = [Number(m[1]), Number(m[2])];
      assert.ok(pids.every(alive));
      throw new Error("the test failed here");
    });
    assert.unreachable("the body threw");
  } catch (error) {
    assert.match((error as Error).message, /the test failed here/);
  }
  assert.is(pids.length, 2);
  const deadline = Date.now() + 5_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(pids.filter(alive), [], "no process of the group is left");
});

test("waitForLine times out with the output so far, and fails fast when the process exits", async () => {
  const quiet = spawnTracked(node, ["-e", "console.log('hello'); setInterval(() => {}, 1000)"]);
  try {
    await quiet.waitForLine(/hello/);
    const started = Date.now();
    const error = await quiet.waitForLine(/never/, { timeoutMs: 300 }).then(() => null, (e: Error) => e);
    assert.ok(error && /did not appear within 300 ms/.test(error.message) && /hello/.test(error.message), String(error));
    assert.ok(Date.now() - started < 2_000);
  } finally {
    await quiet.kill();
  }
  const exiting = spawnTracked(node, ["-e", "console.error('bye'); process.exit(3)"]);
  try {
    const error = await exiting.waitForLine(/never/, { timeoutMs: 10_000 }).then(() => null, (e: Error) => e);
    assert.ok(error && /exited/.test(error.message) && /bye/.test(error.message), String(error));
    assert.equal(await exiting.exited, { code: 3, signal: null });
  } finally {
    await exiting.kill();
  }
});

test.run();
