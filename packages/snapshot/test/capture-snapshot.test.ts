import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromiumExecutable, repoRoot, withChromium } from "@heapgraph/testkit";
import { CaptureError, captureSnapshot, listInspectorTargets, openCaptureSession, type CaptureProgress } from "../src/index.ts";
import { filesIn, namedEdges, nodesNamed, readSavedSnapshot, rejection, startInspectTarget, tempDir, type TargetKind } from "./acquisition-helpers.ts";

// Node by the ws:// URL it printed, Deno by its inspector's http:// address (discovery).
for (const kind of ["node", "deno"] as const satisfies TargetKind[]) {
  const how = kind === "node" ? "ws:// URL" : "http:// address";
  test(`capture from ${kind} --inspect by ${how} finds the target's structure, streamed and saved`, async () => {
    const target = await startInspectTarget(kind);
    const tmp = tempDir(`capture-${kind}`);
    try {
      const saveTo = join(tmp.dir, `${kind}.heapsnapshot`);
      const progress: CaptureProgress[] = [];
      const where = kind === "node" ? target.url : `http://127.0.0.1:${target.port}`;
      const snap = await captureSnapshot(where, { saveTo, onProgress: (p) => progress.push(p) });
      assert.is(snap.format, "v8");
      const needles = nodesNamed(snap, "CaptureNeedle", "object");
      assert.is(needles.length, 3);
      const markers = needles.map((o) => snap.strings[snap.nodeName[namedEdges(snap, o).get("marker")!]]).sort();
      assert.equal(markers, ["capture-needle-0", "capture-needle-1", "capture-needle-2"]);
      assert.equal(filesIn(tmp.dir), [`${kind}.heapsnapshot`]);
      const saved = await readSavedSnapshot(saveTo);
      assert.is(saved.nodeCount, snap.nodeCount);
      assert.is(progress[0].phase, "gc");
      assert.ok(progress.some((p) => p.phase === "snapshot" && p.total > 0), "V8 reported build progress");
      const last = progress[progress.length - 1];
      assert.is(last.phase, "done");
      assert.ok(last.bytes > 0);
      assert.is(last.bytes, readFileSync(saveTo).length);
    } finally {
      await target.child.kill();
      tmp.remove();
    }
  });
}

test("capture from node --inspect by { host, port }: discovery, and ids that match across one session", async () => {
  const target = await startInspectTarget("node");
  try {
    const targets = await listInspectorTargets({ host: "127.0.0.1", port: target.port });
    assert.is(targets.length, 1);
    assert.is(targets[0].type, "node");
    assert.is(targets[0].webSocketDebuggerUrl, target.url);
    const session = await openCaptureSession({ host: "127.0.0.1", port: target.port, match: { url: "inspect-target" } });
    try {
      assert.is(session.protocol, "cdp");
      assert.is(session.endpoint, target.url);
      const first = await session.capture({ gc: false });
      const second = await session.capture();
      const ids = (snap: typeof first) => nodesNamed(snap, "CaptureNeedle", "object").map((o) => snap.nodeId[o]).sort();
      assert.is(ids(first).length, 3);
      assert.equal(ids(second), ids(first));
    } finally {
      session.close();
    }
  } finally {
    await target.child.kill();
  }
});

test("capture from bun --inspect speaks WebKit's protocol and reads the JavaScriptCore snapshot", async () => {
  const target = await startInspectTarget("bun");
  const tmp = tempDir("capture-bun");
  try {
    const saveTo = join(tmp.dir, "bun.json");
    const session = await openCaptureSession(target.url);
    try {
      assert.is(session.protocol, "webkit");
      const snap = await session.capture({ saveTo });
      assert.is(snap.format, "jsc");
      assert.is(nodesNamed(snap, "CaptureNeedle").length, 3);
      assert.is(JSON.parse(readFileSync(saveTo, "utf8")).type, "Inspector", "the file is what Bun sent");
      const saved = await readSavedSnapshot(saveTo);
      assert.is(saved.format, "jsc");
      assert.is(saved.nodeCount, snap.nodeCount);
    } finally {
      session.close();
    }
  } finally {
    await target.child.kill();
    tmp.remove();
  }
});

test("capture from headless Chromium: the page's detached <li> nodes have detachedness 2", async () => {
  if (!chromiumExecutable()) throw new Error("chromium is not installed; the Chromium capture test needs it");
  const page = pathToFileURL(join(repoRoot, "testkit", "scenarios", "detached-dom.html")).href;
  await withChromium(page, async ({ port, browserUrl }) => {
    // The browser-level endpoint has no heap: a typed error that points to the pages.
    const wrong = await rejection(captureSnapshot(browserUrl));
    assert.instance(wrong, CaptureError);
    assert.is((wrong as CaptureError).code, "NOT_CDP");
    assert.match(wrong.message, /capture a page/);
    // The page sets its title once its script has run.
    const deadline = Date.now() + 20_000;
    while (!(await listInspectorTargets({ port })).some((t) => t.type === "page" && t.title === "detached-dom ready")) {
      if (Date.now() > deadline) throw new Error("the page did not become ready within 20 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    const snap = await captureSnapshot({ port, match: { title: "detached-dom ready", url: /detached-dom\.html$/ } });
    assert.ok(snap.nodeDetachedness, "Chromium writes detachedness");
    const detached = nodesNamed(snap, "<li>").filter((o) => snap.nodeDetachedness![o] === 2);
    const attached = nodesNamed(snap, "<li>").filter((o) => snap.nodeDetachedness![o] === 1);
    assert.is(detached.length, 2);
    assert.is(attached.length, 2);
    assert.is(nodesNamed(snap, "Widget", "object").length, 4);
  });
});

test("saveTo accepts a file: URL", async () => {
  const target = await startInspectTarget("node");
  const tmp = tempDir("capture-url");
  try {
    const saveTo = pathToFileURL(join(tmp.dir, "by-url.heapsnapshot"));
    const snap = await captureSnapshot(target.url, { saveTo, gc: false });
    assert.ok(existsSync(saveTo));
    assert.is((await readSavedSnapshot(saveTo)).nodeCount, snap.nodeCount);
  } finally {
    await target.child.kill();
    tmp.remove();
  }
});

test.run();
