// capture over the inspector of a real Node process, and convert between formats.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { readSnapshot, type HeapSnapshot } from "@heapgraph/snapshot";
import { currentRuntime, repoRoot, runtimes, withProcess } from "@heapgraph/testkit";
import { bunJscShopFile, filesIn, runCli, runJson, tempDir } from "./cli-helpers.ts";

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
      const byUrl = await runJson<{ file: string; endpoint: string; protocol: string; nodeCount: number; bytes: number }>(["capture", "--url", url, "-o", plain]);
      assert.is(byUrl.endpoint, url);
      assert.is(byUrl.protocol, "cdp");
      const saved = await readSnapshot(plain);
      assert.is(saved.nodeCount, byUrl.nodeCount);
      assert.is(needles(saved), 3);
      assert.is(readFileSync(plain).length, byUrl.bytes, "the bytes as the target sent them");

      const gz = join(tmp.dir, "by-port.heapsnapshot.gz");
      const byPort = await runCli(["capture", "--port", port, "--output", gz]);
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
    const run = await runCli(["capture", "--port", String(port), "-o", join(tmp.dir, "x.heapsnapshot")]);
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
    const out = await runJson<{ inputFormat: string; nodeCount: number; edgeCount: number; gzip: boolean }>(["convert", jsc, gz]);
    assert.equal(out, { ...out, inputFormat: "jsc", nodeCount: original.nodeCount, edgeCount: original.edgeCount, gzip: true });
    assert.equal([...readFileSync(gz).subarray(0, 2)], [0x1f, 0x8b]);
    const v8 = await readSnapshot(gz);
    assert.is(v8.format, "v8");
    assert.is(v8.nodeCount, original.nodeCount);
    assert.is(v8.edgeCount, original.edgeCount);

    const plain = join(tmp.dir, "bun.heapsnapshot");
    const back = await runCli(["convert", gz, plain]);
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

test.run();
