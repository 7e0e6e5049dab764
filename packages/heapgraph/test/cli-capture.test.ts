// capture over the inspector of a real Node process, and convert between formats, run in this
// process through main(argv, io) (the target is a real child process).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { CaptureError, openCaptureSession, readSnapshot, SnapshotOptionsError, type HeapSnapshot } from "@heapgraph/snapshot";
import { captureError } from "../src/cli/capture-error.ts";
import { CliError } from "../src/cli/cli-error.ts";
import { currentRuntime, repoRoot, runtimes, withProcess } from "@heapgraph/testkit";
import { bunJscShopFile, filesIn, runMain, mainJson, tempDir } from "./cli-helpers.ts";

const runtime = currentRuntime();
const TARGET = join(repoRoot, "testkit", "scenarios", "inspect-target.mjs");

function needles(snap: HeapSnapshot): number {
  let n = 0;
  for (let o = 0; o < snap.nodeCount; o++) {
    if (snap.strings[snap.nodeName[o]] === "CaptureNeedle" && snap.nodeTypeNames[snap.nodeType[o]] === "object") n++;
  }
  return n;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test(`capture (${runtime}) from node --inspect by --url and by --port, plain and gzip`, async () => {
  const node = runtimes().find((r) => r.kind === "node")!.executable;
  const tmp = tempDir("capture");
  try {
    await withProcess(node, ["--inspect=127.0.0.1:0", TARGET], async (target) => {
      const [, url, port] = await target.waitForLine(/Debugger listening on (ws:\/\/127\.0\.0\.1:(\d+)\/\S+)/, { stream: "stderr", timeoutMs: 20_000 });
      await target.waitForLine(/inspect-target ready/, { stream: "stdout", timeoutMs: 20_000 });
      const plain = join(tmp.dir, "by-url.heapsnapshot");
      const byUrl = await mainJson<{ file: string; endpoint: string; protocol: string; nodeCount: number; bytes: number }>(["capture", "--url", url, "-o", plain]);
      assert.is(byUrl.endpoint, url);
      assert.is(byUrl.protocol, "cdp");
      const saved = await readSnapshot(plain);
      assert.is(saved.nodeCount, byUrl.nodeCount);
      assert.is(needles(saved), 3);
      assert.is(readFileSync(plain).length, byUrl.bytes, "the bytes as the target sent them");

      const gz = join(tmp.dir, "by-port.heapsnapshot.gz");
      const byPort = await runMain(["capture", "--port", port, "--output", gz]);
      assert.is(byPort.code, 0, byPort.stderr);
      assert.is(byPort.stderr, "");
      assert.match(byPort.stdout, /wrote .*by-port\.heapsnapshot\.gz/);
      const head = readFileSync(gz).subarray(0, 2);
      assert.equal([...head], [0x1f, 0x8b], "gzip");
      assert.is(needles(await readSnapshot(gz)), 3);
    }, { lifetimeMs: 120_000 });
    assert.equal(filesIn(tmp.dir), ["by-port.heapsnapshot.gz", "by-url.heapsnapshot"], "no temporary files left");
  } finally {
    tmp.remove();
  }
});

test(`capture (${runtime}) from a port nothing listens on: exit 1, one line, no file`, async () => {
  const tmp = tempDir("capture-refused");
  try {
    const port = await closedPort();
    const run = await runMain(["capture", "--port", String(port), "-o", join(tmp.dir, "x.heapsnapshot")]);
    assert.is(run.code, 1);
    assert.is(run.stdout, "");
    assert.match(run.stderr, new RegExp(`^heapgraph: capture failed: REFUSED: .*127\\.0\\.0\\.1:${port}.*\\n$`));
    assert.is(run.stderr.split("\n").length, 2, "one line");
    assert.equal(filesIn(tmp.dir), []);
  } finally {
    tmp.remove();
  }
});

test(`convert (${runtime}): Bun's JavaScriptCore JSON to V8 gzip, and gzip back to plain`, async () => {
  const jsc = await bunJscShopFile();
  const tmp = tempDir("convert");
  try {
    const original = await readSnapshot(jsc);
    assert.is(original.format, "jsc");
    const gz = join(tmp.dir, "bun.heapsnapshot.gz");
    const out = await mainJson<{ inputFormat: string; nodeCount: number; edgeCount: number; gzip: boolean }>(["convert", jsc, gz]);
    assert.equal(out, { ...out, inputFormat: "jsc", nodeCount: original.nodeCount, edgeCount: original.edgeCount, gzip: true });
    assert.equal([...readFileSync(gz).subarray(0, 2)], [0x1f, 0x8b]);
    const v8 = await readSnapshot(gz);
    assert.is(v8.format, "v8");
    assert.is(v8.nodeCount, original.nodeCount);
    assert.is(v8.edgeCount, original.edgeCount);

    const plain = join(tmp.dir, "bun.heapsnapshot");
    const back = await runMain(["convert", gz, plain]);
    assert.is(back.code, 0, back.stderr);
    assert.is(back.stderr, "");
    assert.match(back.stdout, /^converted .* \(V8, [\d,]+ nodes\) to .*bun\.heapsnapshot \(V8, /);
    assert.is(readFileSync(plain, "utf8").slice(0, 12), '{"snapshot":');
    const again = await readSnapshot(plain);
    assert.is(again.nodeCount, original.nodeCount);
    assert.equal(again.strings, v8.strings);
    assert.equal(filesIn(tmp.dir), ["bun.heapsnapshot", "bun.heapsnapshot.gz"]);
  } finally {
    tmp.remove();
  }
});

test(`capture's errors (${runtime}): the library's INVALID_OPTIONS is a usage error, a refused connection a failed capture, a TypeError a bug`, async () => {
  const invalid = await openCaptureSession({ host: "127.0.0.1", port: 0 }).then(
    () => assert.unreachable("port 0 is refused"),
    (error: unknown) => error,
  );
  assert.instance(invalid, SnapshotOptionsError);
  assert.is((invalid as SnapshotOptionsError).code, "INVALID_OPTIONS");
  const usage = captureError(invalid);
  assert.instance(usage, CliError);
  assert.is((usage as CliError).code, "USAGE");
  assert.is((usage as CliError).exitCode, 2);
  assert.match((usage as CliError).message, /^capture: openCaptureSession target.* \(see heapgraph capture --help\)$/);
  const refused = captureError(new CaptureError("REFUSED", "ws://127.0.0.1:1", "connection refused"));
  assert.is((refused as CliError).code, "CAPTURE_FAILED");
  const bug = new TypeError("x is not a function");
  assert.is(captureError(bug), bug, "a TypeError is no usage error: it stays an internal error");
});

test.run();
