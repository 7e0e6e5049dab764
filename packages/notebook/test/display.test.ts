import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { currentRuntime, repoRoot, runtimes } from "@heapgraph/testkit";
import { detectKernel } from "../src/index.ts";

const CHILD_TIMEOUT_MS = 60_000;

/** Runs a file under the runtime running this test, as the matrix runs tests; returns stdout. */
function runHere(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const runtime = runtimes().find((r) => r.name === currentRuntime());
  if (!runtime) throw new Error(`runtime ${currentRuntime()} not found`);
  const [cmd, ...pre] = runtime.command;
  return new Promise((done, fail) => {
    const child = spawn(cmd, [...pre, file], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`${file} ran past ${CHILD_TIMEOUT_MS} ms`));
    }, CHILD_TIMEOUT_MS);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

test("outside a kernel, detectKernel() says none (reading Deno.jupyter outside `deno jupyter` throws; that is caught)", () => {
  assert.is(detectKernel(), "none");
});

test("outside a kernel, display() prints each bundle's text/plain", async () => {
  const { code, stdout, stderr } = await runHere(join("packages", "notebook", "test", "fixtures", "display-outside-kernel.ts"));
  assert.is(code, 0, stderr);
  assert.is(
    stdout.replace(/\r\n/g, "\n"),
    [
      "kernel=none",
      "3 < 4 & Foo",
      "[graph: why Foo stays (SVG 2pt × 3pt)]",
      "**bold** Markdown",
      '{\n  "retained": 42\n}',
      "plain string",
      "",
    ].join("\n"),
  );
});

test.run();
