import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { currentRuntime, repoRoot, runtimes, testWhen, withProcess } from "@heapgraph/testkit";
import { HeapgraphError, heapIdOf, NotSupportedError, objectAt, takeSnapshot } from "../src/index.ts";
import { assertOptionsError, namedEdges, ordinalOfId, rejection, tempDir } from "./acquisition-helpers.ts";

const bun = currentRuntime() === "bun";
/** The cases that need an in-process V8 inspector (Node, Deno); Bun has none (its own case checks the error). */
const withInspector = testWhen(!bun, "Bun has no in-process V8 inspector");
const onBun = testWhen(bun, "checks Bun's NotSupportedError; this runtime is not Bun");
const deno = runtimes().find((r) => r.kind === "deno");
const onDeno = testWhen(deno !== undefined && currentRuntime() === "deno", "checks Deno without --allow-sys; this runtime is not Deno");

class HeapIdProbe {
  label: string;
  tag: string;
  constructor(label: string) {
    this.label = label;
    this.tag = "heap-id-probe-tag";
  }
}

withInspector("heapIdOf(x), then a snapshot: the node with that id is x", async () => {
  // A literal, so that the label is one flat string node (concatenation would make a cons string).
  const x = new HeapIdProbe("heap-id-probe-1");
  const id = await heapIdOf(x);
  assert.ok(Number.isSafeInteger(id) && id > 0 && id % 2 === 1, `a V8 heap object id is odd and positive: ${id}`);
  assert.is(await heapIdOf(x), id, "the same object keeps its id");
  // Let the object move (young -> old generation) before the snapshot.
  for (let i = 0; i < 3; i++) new Array(50_000).fill(0).map((_, j) => ({ j }));
  const snap = await takeSnapshot();
  const ordinal = ordinalOfId(snap, id);
  assert.ok(ordinal >= 0, `a node with id ${id}`);
  assert.is(snap.strings[snap.nodeName[ordinal]], "HeapIdProbe");
  const edges = namedEdges(snap, ordinal);
  assert.is(snap.strings[snap.nodeName[edges.get("label")!]], x.label);
  assert.is(snap.strings[snap.nodeName[edges.get("tag")!]], "heap-id-probe-tag");
  assert.is(x.label, "heap-id-probe-1"); // x stays alive until here
});

withInspector("objectAt(heapIdOf(x)) is x itself; ids from a snapshot lead back to live objects", async () => {
  const x = new HeapIdProbe("round-trip");
  const fn = () => x;
  assert.ok((await objectAt(await heapIdOf(x))) === x);
  assert.ok((await objectAt(await heapIdOf(fn))) === fn);
  (globalThis as Record<string, unknown>).heapIdHeld = x;
  try {
    const snap = await takeSnapshot({ gc: false });
    const ordinal = snap.nodeName.findIndex((n, o) => snap.strings[n] === "HeapIdProbe" && namedEdges(snap, o).has("label") &&
      snap.strings[snap.nodeName[namedEdges(snap, o).get("label")!]] === "round-trip");
    assert.ok(ordinal >= 0);
    assert.ok((await objectAt(snap.nodeId[ordinal])) === x);
  } finally {
    delete (globalThis as Record<string, unknown>).heapIdHeld;
  }
});

withInspector("objectAt of an id no live object has is undefined", async () => {
  assert.is(await objectAt(2 ** 31 - 1), undefined);
});

test("bad arguments and options are refused with a SnapshotOptionsError naming the bad value, on every runtime", async () => {
  assertOptionsError(await rejection(objectAt(-3)), "a negative id", /objectAt id/, /got -3/);
  assertOptionsError(await rejection(objectAt(1.5)), "a fractional id", /objectAt id/, /got 1\.5/);
  assertOptionsError(await rejection(heapIdOf(42 as never)), "a number", /heapIdOf value/, /object or a function/, /got 42/);
  assertOptionsError(await rejection(heapIdOf(null as never)), "null", /heapIdOf value/, /got null/);
  assertOptionsError(await rejection(heapIdOf({}, { timeoutMs: -1 })), "a negative timeout", /heapIdOf options/, /timeoutMs/, /got -1/);
  assertOptionsError(await rejection(objectAt(1, { wait: 5 } as never)), "an unknown option", /objectAt options/, /wait/);
});

onBun("on Bun, heapIdOf and objectAt throw NotSupportedError that says why", async () => {
  for (const attempt of [heapIdOf({}), objectAt(1)]) {
    const error = await rejection(attempt);
    assert.instance(error, NotSupportedError);
    assert.instance(error, HeapgraphError);
    assert.is((error as NotSupportedError).code, "NOT_SUPPORTED");
    assert.is((error as NotSupportedError).runtime, "bun");
    assert.match(error.message, /renumbers objects/);
  }
});

onDeno("on Deno without --allow-sys, heapIdOf throws NotSupportedError naming the flag", async () => {
  const tmp = tempDir("heap-id-deno");
  try {
    const script = join(tmp.dir, "no-sys.ts");
    const entry = pathToFileURL(join(repoRoot, "packages", "snapshot", "src", "index.ts")).href;
    writeFileSync(script, `import { heapIdOf } from ${JSON.stringify(entry)};
try { await heapIdOf({}); console.log("no error"); }
catch (e) { console.log("error", e.name, e.code, e.message); }
`);
    const line = await withProcess(deno!.executable, ["run", "--config", join(repoRoot, "deno.json"), "--allow-read", "--allow-env", "--quiet", script], async (child) => {
      await child.exited;
      return child.stdout() + child.stderr();
    });
    assert.match(line, /error NotSupportedError NOT_SUPPORTED/);
    assert.match(line, /--allow-sys/);
  } finally {
    tmp.remove();
  }
});

test.run();
