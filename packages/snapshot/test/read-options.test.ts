// readSnapshot's options and edges: progress reports (bounded, ordered, with the file size),
// abort, required format, bad arguments, missing files, and V8 layout variants (7 node fields,
// 6 fields with 7 types, no detachedness, root_index) from the synthetic builder.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syntheticSnapshot } from "@heapgraph/testkit";
import { readJscSnapshot, readSnapshot, SnapshotFormatError, SnapshotIoError, type ReadProgress } from "../src/index.ts";
import { assertOptionsError, rejectionOf, sampleSnapshot, testWithSamples } from "./reader-helpers.ts";

testWithSamples("node24")("progress: a bounded number of reports, in order, ending with done at the file size", async () => {
  const file = await sampleSnapshot("node24");
  const size = statSync(file).size;
  const reports: ReadProgress[] = [];
  await readSnapshot(file, { onProgress: (p) => reports.push({ ...p }) });
  assert.ok(reports.length >= 4 && reports.length <= 110, `${reports.length} reports`);
  for (let k = 1; k < reports.length; k++) assert.ok(reports[k].bytesRead >= reports[k - 1].bytesRead, "bytesRead never goes back");
  assert.ok(reports.every((r) => r.totalBytes === size), "totalBytes is the file size");
  const phases = reports.map((r) => r.phase).filter((p, k, all) => p !== all[k - 1]);
  assert.equal(phases.filter((p) => p !== "sections"), ["nodes", "edges", "strings", "checking", "done"]);
  assert.equal(reports.at(-1), { phase: "done", bytesRead: size, totalBytes: size });

  // Unknown size (a stream): still bounded, totalBytes null; a throwing callback changes nothing.
  const bytes = new Uint8Array(readFileSync(file));
  async function* tiny() {
    for (let at = 0; at < bytes.length; at += 1024) yield bytes.subarray(at, at + 1024);
  }
  const streamed: ReadProgress[] = [];
  const snap = await readSnapshot(tiny(), {
    onProgress: (p) => {
      streamed.push(p);
      throw new Error("ignored");
    },
  });
  assert.ok(snap.nodeCount > 0);
  assert.ok(streamed.length <= 120, `${streamed.length} reports for ${bytes.length / 1024} chunks`);
  assert.ok(streamed.every((r) => r.totalBytes === null));
  const hinted: ReadProgress[] = [];
  await readSnapshot(tiny(), { totalBytes: bytes.length, onProgress: (p) => hinted.push(p) });
  assert.ok(hinted.every((r) => r.totalBytes === bytes.length), "the totalBytes option is used for streams");
});

testWithSamples("node24")("abort: a signal stops the read with its reason", async () => {
  const file = await sampleSnapshot("node24");
  const controller = new AbortController();
  const reading = readSnapshot(file, {
    signal: controller.signal,
    onProgress: (p) => p.phase === "edges" && controller.abort(new Error("enough")),
  });
  assert.match(String(await rejectionOf(reading, "aborted read")), /enough/);
});

testWithSamples("bun-jsc", "bun")("format: a required format rejects the other one", async () => {
  const jsc = await sampleSnapshot("bun-jsc");
  const v8 = await sampleSnapshot("bun");
  assert.is((await readJscSnapshot(jsc)).format, "jsc");
  assert.is((await readSnapshot(v8, { format: "v8" })).format, "v8");
  const wrong = await rejectionOf(readJscSnapshot(v8), "V8 read as JSC");
  assert.instance(wrong, SnapshotFormatError);
  assert.is((wrong as SnapshotFormatError).code, "NOT_A_HEAP_SNAPSHOT");
  assert.is((wrong as SnapshotFormatError).fileName, v8);
});

test("bad arguments and options are SnapshotOptionsErrors naming the bad value; a missing file is a SnapshotIoError", async () => {
  const sources: [string, unknown, ...RegExp[]][] = [
    ["a number", 42, /readSnapshot source/, /a number \(42\)/],
    ["null", null, /readSnapshot source/, /from null/],
    ["a plain object", { a: 1 }, /readSnapshot source/, /\[object Object\]/],
    ["an https URL", new URL("https://example.com/a"), /readSnapshot source/, /https:\/\/example\.com\/a/],
    ["an Int16Array", new Int16Array(4), /readSnapshot source/, /\[object Int16Array\]/],
    ["an iterable of numbers", [1, 2], /readSnapshot source/, /a chunk/, /a number \(1\)/],
  ];
  for (const [what, source, ...named] of sources) assertOptionsError(await rejectionOf(readSnapshot(source as never), what), what, ...named);
  const options: [string, unknown, ...RegExp[]][] = [
    ["bad onProgress", { onProgress: 3 }, /readSnapshot options/, /onProgress/, /got 3/],
    ["an unknown option", { bogus: true }, /readSnapshot options/, /bogus/],
    ["a negative totalBytes", { totalBytes: -1 }, /totalBytes/, /got -1/],
    ["an unknown format", { format: "hprof" }, /format/, /got "hprof"/],
    ["options that are a string", "v8", /readSnapshot options/, /got "v8"/],
  ];
  for (const [what, value, ...named] of options) assertOptionsError(await rejectionOf(readSnapshot("{}", value as never), what), what, ...named);
  assertOptionsError(await rejectionOf(readJscSnapshot("{}", { format: "v8" } as never), "format given to readJscSnapshot"), "readJscSnapshot", /readJscSnapshot options/, /format/);
  const missing = join(tmpdir(), `heapgraph-no-such-file-${process.pid}.heapsnapshot`);
  const error = await rejectionOf(readSnapshot(missing), "a missing file");
  assert.instance(error, SnapshotIoError);
  assert.is((error as SnapshotIoError).code, "NOT_FOUND");
  assert.is((error as SnapshotIoError).path, missing);
  const dir = await rejectionOf(readSnapshot(tmpdir()), "a directory");
  assert.instance(dir, SnapshotIoError);
  assert.is((dir as SnapshotIoError).code, "READ_FAILED");
});

test("layouts: 7 node fields, 6 fields with 7 types, no detachedness, and root_index, all from meta", async () => {
  for (const layout of ["node20", "node24", "legacy"] as const) {
    const s = syntheticSnapshot({
      layout,
      rootIndex: true,
      nodes: { a: { type: "object", name: "Foo", size: 32, detachedness: 2, traceNodeId: 5 }, b: { type: "closure", name: "bar", size: 8 } },
      roots: ["a"],
      edges: [["a", "property", "bar", "b"], ["b", "context", "x", "a"], ["a", "element", 3, "b"]],
      locations: [{ node: "b", scriptId: 7, line: 12, column: 3 }],
    });
    const snap = await readSnapshot(s.text);
    assert.is(snap.nodeCount, 4, layout);
    assert.is(snap.rootOrdinal, 0);
    const a = s.ordinal.a, b = s.ordinal.b;
    assert.is(snap.nodeTypeNames[snap.nodeType[a]], "object");
    assert.is(snap.strings[snap.nodeName[a]], "Foo");
    assert.is(snap.nodeId[a], s.id.a);
    assert.is(snap.nodeSelfSize[a], 32);
    assert.is(snap.nodeDetachedness?.[a] ?? null, layout === "legacy" ? null : 2, `${layout} detachedness`);
    assert.is(snap.nodeTraceId?.[a] ?? null, layout === "node20" ? 5 : null, `${layout} trace ids`);
    const e = snap.firstEdge[a];
    assert.is(snap.edgeTypeNames[snap.edgeType[e]], "property");
    assert.is(snap.strings[snap.edgeNameOrIndex[e]], "bar");
    assert.is(snap.edgeTarget[e], b);
    assert.is(snap.edgeTypeNames[snap.edgeType[e + 1]], "element");
    assert.is(snap.edgeNameOrIndex[e + 1], 3, "element edges keep their index");
    assert.is(snap.locations?.objectOrdinal[0], b);
    assert.is(snap.locations?.line[0], 12);
    assert.is(snap.locations?.column[0], 3);
  }
});

test("a root that is not the first node is found through root_index", async () => {
  const s = syntheticSnapshot({ nodes: { a: { type: "object", name: "A" } }, roots: ["a"] });
  const j = JSON.parse(s.text);
  const F = j.snapshot.meta.node_fields.length;
  // Swap node 0 and node 2 ("a") and fix the edges that point at them.
  const rec = (k: number) => j.nodes.slice(k * F, k * F + F);
  const n0 = rec(0), n2 = rec(2);
  const edgesOf = (k: number) => {
    let start = 0;
    for (let i = 0; i < k; i++) start += j.nodes[i * F + 4];
    return j.edges.slice(start * 3, (start + j.nodes[k * F + 4]) * 3);
  };
  const e0 = edgesOf(0), e1 = edgesOf(1), e2 = edgesOf(2);
  const swap = (v: number) => (v === 0 ? 2 * F : v === 2 * F ? 0 : v);
  j.nodes = [...n2, ...rec(1), ...n0];
  j.edges = [...e2, ...e1, ...e0].map((v: number, k: number) => (k % 3 === 2 ? swap(v) : v));
  j.snapshot.root_index = 2 * F;
  const snap = await readSnapshot(JSON.stringify(j));
  assert.is(snap.rootOrdinal, 2);
  assert.is(snap.strings[snap.nodeName[snap.edgeTarget[snap.firstEdge[2]]]], "(GC roots)");
});

test.run();
