import { test } from "uvu";
import * as assert from "uvu/assert";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { join } from "node:path";
import { CaptureError, captureSnapshot, HeapgraphError, listInspectorTargets, openCaptureSession, ProtocolReplyError, type CaptureErrorCode } from "../src/index.ts";
import { assertOptionsError, filesIn, rejection, startInspectTarget, tempDir } from "./acquisition-helpers.ts";

/** A loopback port that nothing listens on (it was free a moment ago). */
async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Runs a capture that must fail with `code` within `withinMs`, leaving `saveTo` absent. */
async function expectFailure(
  code: CaptureErrorCode,
  withinMs: number,
  capture: (saveTo: string) => Promise<unknown>,
  endpointPart: string | number,
): Promise<CaptureError> {
  const tmp = tempDir("capture-error");
  try {
    const started = Date.now();
    const error = await rejection(capture(join(tmp.dir, "out.heapsnapshot")));
    const elapsed = Date.now() - started;
    assert.instance(error, CaptureError, `${error.name}: ${error.message}`);
    const e = error as CaptureError;
    assert.is(e.code, code, e.message);
    assert.ok(e.endpoint.includes(String(endpointPart)), `${e.endpoint} names ${endpointPart}`);
    assert.ok(e.message.includes(e.endpoint), "the message names the endpoint");
    assert.ok(elapsed < withinMs, `failed after ${elapsed} ms, limit ${withinMs} ms`);
    assert.equal(filesIn(tmp.dir), [], "no file, not even a partial one");
    return e;
  } finally {
    tmp.remove();
  }
}

test("nothing listening: REFUSED, for discovery and for a ws:// URL", async () => {
  const port = await freePort();
  await expectFailure("REFUSED", 5_000, (saveTo) => captureSnapshot({ port }, { saveTo }), port);
  await expectFailure("REFUSED", 5_000, (saveTo) => captureSnapshot(`ws://127.0.0.1:${port}/nobody`, { saveTo }), port);
});

test("an HTTP server that is not an inspector: NOT_CDP, for discovery and for a ws:// URL", async () => {
  const server = createHttpServer((_req, res) => res.end("hello, I am a web page"));
  const port = await listen(server);
  try {
    const e = await expectFailure("NOT_CDP", 5_000, (saveTo) => captureSnapshot({ port }, { saveTo }), port);
    assert.match(e.message, /hello, I am/);
    await expectFailure("NOT_CDP", 5_000, (saveTo) => captureSnapshot(`ws://127.0.0.1:${port}/devtools/page/1`, { saveTo }), port);
  } finally {
    await close(server);
  }
});

test("a stopped target: TIMEOUT within the connect timeout, for discovery and for a ws:// URL", async () => {
  const target = await startInspectTarget("node");
  try {
    process.kill(target.child.pid, "SIGSTOP");
    const options = (saveTo: string) => ({ saveTo, connectTimeoutMs: 1_000 });
    await expectFailure("TIMEOUT", 4_000, (saveTo) => captureSnapshot({ port: target.port }, options(saveTo)), target.port);
    await expectFailure("TIMEOUT", 4_000, (saveTo) => captureSnapshot(target.url, options(saveTo)), target.port);
  } finally {
    await target.child.kill();
  }
});

test("a target that stops sending mid-snapshot: TIMEOUT after the idle timeout, no file", async () => {
  const target = await startInspectTarget("node", 60_000);
  try {
    let stopped = false;
    await expectFailure("TIMEOUT", 15_000, (saveTo) => captureSnapshot(target.url, {
      saveTo,
      idleTimeoutMs: 1_500,
      onProgress: (p) => {
        if (!stopped && p.phase === "snapshot" && p.bytes > 0) {
          stopped = true;
          process.kill(target.child.pid, "SIGSTOP");
        }
      },
    }), target.port);
    assert.ok(stopped, "the target was stopped while it was sending");
  } finally {
    await target.child.kill();
  }
});

for (const kind of ["node", "deno"] as const) {
  test(`a ${kind} target killed during the capture: TARGET_CLOSED, no file`, async () => {
    const target = await startInspectTarget(kind, 60_000);
    try {
      let killed = false;
      await expectFailure("TARGET_CLOSED", 15_000, (saveTo) => captureSnapshot(target.url, {
        saveTo,
        onProgress: (p) => {
          if (!killed && p.phase === "snapshot" && p.bytes > 0) {
            killed = true;
            process.kill(-target.child.pid, "SIGKILL");
          }
        },
      }), target.port);
      assert.ok(killed, "the target was killed while it was sending");
      await target.child.exited;
    } finally {
      await target.child.kill();
    }
  });
}

test("a Bun target killed while it builds its snapshot: TARGET_CLOSED, no file", async () => {
  const target = await startInspectTarget("bun", 100_000);
  try {
    const session = await openCaptureSession(target.url);
    await expectFailure("TARGET_CLOSED", 15_000, (saveTo) => {
      const capture = session.capture({ saveTo, gc: false });
      setTimeout(() => process.kill(-target.child.pid, "SIGKILL"), 50);
      return capture;
    }, target.port);
  } finally {
    await target.child.kill();
  }
});

test("no target matches the chooser: NO_TARGET, listing what is there", async () => {
  const target = await startInspectTarget("node");
  try {
    const e = await expectFailure("NO_TARGET", 5_000, (saveTo) =>
      captureSnapshot({ port: target.port, match: { url: "no-such-script" } }, { saveTo }), target.port);
    assert.match(e.message, /inspect-target\.mjs/);
  } finally {
    await target.child.kill();
  }
});

test("Bun's inspector by port: NOT_CDP that says to pass the ws:// URL", async () => {
  const target = await startInspectTarget("bun");
  try {
    const e = await expectFailure("NOT_CDP", 5_000, (saveTo) => captureSnapshot({ port: target.port }, { saveTo }), target.port);
    assert.match(e.message, /Bun's inspector/);
    assert.match(e.message, /ws:\/\//);
  } finally {
    await target.child.kill();
  }
});

test("the wrong protocol forced on a target: PROTOCOL", async () => {
  const target = await startInspectTarget("node");
  try {
    const e = await expectFailure("PROTOCOL", 5_000, (saveTo) => captureSnapshot(target.url, { saveTo, protocol: "webkit" }), target.port);
    assert.match(e.message, /Heap\.enable/);
    // The inspector's error reply is the cause: a HeapgraphError with the method and the inspector's numeric code.
    const reply = e.cause as ProtocolReplyError;
    assert.instance(reply, ProtocolReplyError);
    assert.instance(reply, HeapgraphError);
    assert.is(reply.code, "PROTOCOL_REPLY");
    assert.is(reply.method, "Heap.enable");
    assert.is(reply.protocolCode, -32601, "Node does not know WebKit's Heap domain");
  } finally {
    await target.child.kill();
  }
});

test("bad targets and options are refused with a SnapshotOptionsError naming the bad value, before any connection", async () => {
  const port = await freePort(); // nothing listens: a call that got past its checks would fail with REFUSED instead
  for (const [target, options, ...named] of [
    ["localhost:9229", {}, /captureSnapshot target/, /got "localhost:9229"/],
    [{ port: 0 }, {}, /captureSnapshot target/],
    [{ port, bogus: 1 }, {}, /captureSnapshot target/, /bogus/],
    [{ port }, { connectTimeoutMs: -1 }, /captureSnapshot options/, /connectTimeoutMs/, /got -1/],
    [{ port }, { protocol: "firefox" }, /captureSnapshot options/, /protocol/, /got "firefox"/],
    [{ port }, { saveTo: 42 }, /captureSnapshot options/, /saveTo/, /got 42/],
    [{ port }, { onProgress: "log" }, /captureSnapshot options/, /onProgress/, /got "log"/],
  ] as const) {
    const what = `${JSON.stringify(target)} ${JSON.stringify(options)}`;
    assertOptionsError(await rejection(captureSnapshot(target as never, options as never)), what, ...named);
  }
  assertOptionsError(await rejection(openCaptureSession({ port }, { protocol: "cdp", extra: true } as never)), "openCaptureSession", /openCaptureSession options/, /extra/);
  assertOptionsError(await rejection(openCaptureSession(42 as never)), "openCaptureSession target", /openCaptureSession target/, /got 42/);
  assertOptionsError(await rejection(listInspectorTargets({ port: 70_000 })), "listInspectorTargets port", /listInspectorTargets address/, /port/, /got 70000/);
  assertOptionsError(await rejection(listInspectorTargets({ port }, { timeoutMs: 0 })), "listInspectorTargets timeout", /listInspectorTargets options/, /timeoutMs/, /got 0/);
});

test("a session's capture and collectGarbage check their options before sending anything", async () => {
  const target = await startInspectTarget("node");
  try {
    const session = await openCaptureSession(target.url);
    try {
      assertOptionsError(await rejection(session.capture({ gc: "no" } as never)), "capture", /capture options/, /gc/, /got "no"/);
      assertOptionsError(await rejection(session.collectGarbage({ timeoutMs: "soon" } as never)), "collectGarbage", /collectGarbage options/, /timeoutMs/);
      const snap = await session.capture({ gc: false });
      assert.ok(snap.nodeCount > 0, "the session still works after refused options");
    } finally {
      session.close();
    }
  } finally {
    await target.child.kill();
  }
});

test.run();
