// writeSnapshot: every sink (path, .gz path, WritableStream, callback), atomic files, V8's
// section order with allocation traces and fields this version does not know, and the way a
// Bun JavaScriptCore snapshot becomes a file Chrome DevTools' loader opens.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DevToolsAPI, parse as devtoolsParse } from "heap-snapshot-toolkit";
import { syntheticSnapshot } from "@heapgraph/testkit";
import { readSnapshot, SnapshotIoError, writeSnapshot, type HeapSnapshot } from "../src/index.ts";
import { assertOptionsError, rejectionOf, sampleSnapshot, snapshotDifferences, testWithSamples } from "./reader-helpers.ts";

function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-write-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A small snapshot with everything the writer must carry: allocation traces (a nested trace tree),
 * an unknown node field, an unknown edge field, an unknown header key and an unknown section.
 */
function everythingText(): string {
  const s = syntheticSnapshot({
    nodes: {
      a: { type: "object", name: "Foo", size: 32, traceNodeId: 2 },
      b: { type: "closure", name: "make", size: 8, traceNodeId: 3 },
    },
    roots: ["a"],
    edges: [["a", "property", "make", "b"], ["b", "context", "self", "a"]],
    locations: [{ node: "b", scriptId: 4, line: 9, column: 1 }],
  });
  const j = s.json;
  const meta = j.snapshot.meta as { node_fields: string[]; node_types: unknown[]; edge_fields: string[]; edge_types: unknown[] };
  const F = meta.node_fields.length;
  const nodes: number[] = [];
  for (let i = 0; i < j.nodes.length; i += F) nodes.push(...j.nodes.slice(i, i + F), 1000 + i / F);
  const edges: number[] = [];
  for (let i = 0; i < j.edges.length; i += 3) edges.push(j.edges[i], j.edges[i + 1], (j.edges[i + 2] / F) * (F + 1), 7);
  const name = j.strings.length;
  const text = {
    snapshot: {
      ...j.snapshot,
      meta: { ...meta, node_fields: [...meta.node_fields, "flags"], node_types: [...meta.node_types, "number"], edge_fields: [...meta.edge_fields, "weight"], edge_types: [...meta.edge_types, "number"] },
      trace_function_count: 2,
      producer: { name: "test", version: 3 },
    },
    nodes,
    edges,
    trace_function_infos: [1, name, name + 1, 4, 10, 2, 2, name, name + 1, 4, 20, 5],
    trace_tree: [1, 0, 0, 0, [2, 0, 1, 32, [3, 1, 1, 8, []]]],
    samples: [100, 5, 200, 9],
    locations: j.locations.map((v, k) => (k % 4 === 0 ? (v / F) * (F + 1) : v)),
    future_section: { kinds: ["x", "y"], n: 2 },
    strings: [...j.strings, "makeFoo", "app.js"],
  };
  return JSON.stringify(text);
}

async function devtoolsOpen(text: string) {
  const stream = new ReadableStream<string>({
    start(controller) {
      controller.enqueue(text);
      controller.close();
    },
  });
  return (await devtoolsParse(stream as never)) as {
    nodeCount: number;
    aggregatesWithFilter(filter: unknown): Record<string, { name: string; count: number }>;
  };
}

test("everything the reader read is written back: traces, unknown fields, keys and sections", async () => {
  const original = await readSnapshot(everythingText());
  assert.ok(original.traces, "traces are read");
  assert.equal([...original.traces.tree], [1, 0, 0, 0, -1, 2, 0, 1, 32, -1, 3, 1, 1, 8, -1, -2, -2, -2]);
  assert.equal([...original.traces.samples], [100, 5, 200, 9]);
  assert.equal([...original.extraNodeFields.get("flags")!], [1000, 1001, 1002, 1003]);
  assert.equal([...original.extraEdgeFields.get("weight")!], [7, 7, 7, 7]);
  assert.equal(original.header.producer, { name: "test", version: 3 });
  assert.equal(original.extraSections.get("future_section"), { kinds: ["x", "y"], n: 2 });
  assert.equal([...original.nodeTraceId!], [0, 0, 2, 3]);
  const chunks: Uint8Array[] = [];
  await writeSnapshot(original, (chunk) => void chunks.push(chunk));
  const text = new TextDecoder().decode(concat(chunks));
  const keys = Object.keys(JSON.parse(text));
  assert.equal(keys, ["snapshot", "nodes", "edges", "trace_function_infos", "trace_tree", "samples", "locations", "future_section", "strings"], "V8's section order");
  assert.equal(snapshotDifferences(original, await readSnapshot(text)), []);
  const devtools = await devtoolsOpen(text);
  assert.is(devtools.nodeCount, original.nodeCount, "DevTools opens it, allocation traces included");
});

test("a path sink is atomic, .gz paths are gzipped, and nothing is left behind", async () => {
  const tmp = tempDir();
  try {
    const snap = await readSnapshot(everythingText());
    const plain = join(tmp.dir, "a.heapsnapshot");
    const gz = join(tmp.dir, "a.heapsnapshot.gz");
    const forcedPlain = join(tmp.dir, "b.heapsnapshot.gz");
    await writeSnapshot(snap, plain);
    await writeSnapshot(snap, gz);
    await writeSnapshot(snap, forcedPlain, { gzip: false });
    assert.is(readFileSync(plain)[0], 0x7b);
    assert.equal([...readFileSync(gz).subarray(0, 2)], [0x1f, 0x8b]);
    assert.is(readFileSync(forcedPlain)[0], 0x7b);
    for (const file of [plain, gz, forcedPlain]) assert.equal(snapshotDifferences(snap, await readSnapshot(file)), [], file);
    assert.equal(readdirSync(tmp.dir).sort(), ["a.heapsnapshot", "a.heapsnapshot.gz", "b.heapsnapshot.gz"]);

    // A failure half-way (a section that cannot be serialized comes after nodes and edges).
    const broken: HeapSnapshot = { ...snap, extraSections: new Map([["bad", { n: 1n }]]) };
    const target = join(tmp.dir, "broken.heapsnapshot");
    const error = await rejectionOf(writeSnapshot(broken, target), "writing a section with a BigInt");
    assert.instance(error, TypeError);
    assert.not.ok(existsSync(target), "no half-written file");
    assert.equal(readdirSync(tmp.dir).sort(), ["a.heapsnapshot", "a.heapsnapshot.gz", "b.heapsnapshot.gz"], "no temporary file either");

    const missing = await rejectionOf(writeSnapshot(snap, join(tmp.dir, "no", "such", "dir.heapsnapshot")), "a missing directory");
    assert.instance(missing, SnapshotIoError);
    assert.is((missing as SnapshotIoError).code, "WRITE_FAILED");
  } finally {
    tmp.remove();
  }
});

test("a WritableStream sink gets the bytes and is closed; a gzip stream too", async () => {
  const snap = await readSnapshot(everythingText());
  for (const gzip of [false, true]) {
    const chunks: Uint8Array[] = [];
    let closed = false;
    const stream = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c), close: () => void (closed = true) });
    await writeSnapshot(snap, stream, { gzip });
    assert.ok(closed, "closed at the end");
    assert.is(chunks[0][0], gzip ? 0x1f : 0x7b);
    assert.equal(snapshotDifferences(snap, await readSnapshot(chunks)), [], `gzip ${gzip}`);
  }
  const failing = new WritableStream<Uint8Array>({ write: () => Promise.reject(new Error("disk full")) });
  const error = await rejectionOf(writeSnapshot(snap, failing), "a failing stream");
  assert.match(String(error), /disk full/);
});

testWithSamples("node24")("an aborted write rejects with the reason and leaves no file", async () => {
  const snap = await readSnapshot(await sampleSnapshot("node24"));
  const tmp = tempDir();
  try {
    const controller = new AbortController();
    const target = join(tmp.dir, "aborted.heapsnapshot");
    let chunks = 0;
    const aborting = writeSnapshot(snap, (chunk) => {
      if (++chunks === 2) controller.abort(new Error("stop"));
      void chunk;
    }, { signal: controller.signal });
    assert.match(String(await rejectionOf(aborting, "abort")), /stop/);
    const controller2 = new AbortController();
    controller2.abort(new Error("before"));
    assert.match(String(await rejectionOf(writeSnapshot(snap, target, { signal: controller2.signal }), "pre-aborted")), /before/);
    assert.equal(readdirSync(tmp.dir), []);
  } finally {
    tmp.remove();
  }
});

testWithSamples("bun-jsc")("bun-jsc: a JavaScriptCore snapshot becomes a V8 file that DevTools opens with the same classes", async () => {
  const jsc = await readSnapshot(await sampleSnapshot("bun-jsc"));
  const chunks: Uint8Array[] = [];
  await writeSnapshot(jsc, (c) => void chunks.push(c));
  const text = new TextDecoder().decode(concat(chunks));
  const devtools = await devtoolsOpen(text);
  const classes = Object.values(devtools.aggregatesWithFilter(new DevToolsAPI.HeapSnapshotModel.NodeFilter()));
  const count = (name: string) => classes.find((c) => c.name === name)?.count ?? 0;
  assert.is(count("Customer"), 10);
  let orders = 0;
  for (let o = 0; o < jsc.nodeCount; o++) if (jsc.strings[jsc.nodeName[o]] === "Order") orders++;
  assert.is(count("Order"), orders, "as many Orders as the JSC snapshot has");
});

test("bad arguments and options are SnapshotOptionsErrors naming the bad value", async () => {
  const snap = await readSnapshot(everythingText());
  const check = async (what: string, writing: Promise<void>, ...named: RegExp[]) => assertOptionsError(await rejectionOf(writing, what), what, ...named);
  await check("a number sink", writeSnapshot(snap, 42 as never), /writeSnapshot sink/, /a number \(42\)/);
  await check("an https sink", writeSnapshot(snap, new URL("https://example.com/x")), /writeSnapshot sink/, /https:\/\/example\.com\/x/);
  await check("bad options", writeSnapshot(snap, () => {}, { gzip: "yes" } as never), /writeSnapshot options/, /gzip/, /got "yes"/);
  await check("an unknown option", writeSnapshot(snap, () => {}, { level: 9 } as never), /writeSnapshot options/, /level/);
  await check("not a snapshot", writeSnapshot({} as never, () => {}), /writeSnapshot snapshot/, /HeapSnapshot/);
  const noId = { ...snap, header: { ...snap.header, meta: { ...snap.header.meta, node_fields: ["type", "name"] } } };
  await check("a header without columns", writeSnapshot(noId, () => {}), /writeSnapshot snapshot/, /lacks "id"/, /\["type","name"\]/);
});

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

test.run();
