// Damaged input must fail with a SnapshotFormatError, never another exception, never a hang:
// real snapshots (Bun's V8 and JavaScriptCore output, small enough to read hundreds of times)
// are cut at every section boundary, inside numbers, strings and escapes, and at random
// offsets; bytes are damaged in ways that cannot stay valid; headers are made to lie.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readSnapshot, SnapshotFormatError, type SnapshotFormatErrorCode, type SnapshotSource } from "../src/index.ts";
import { syntheticSnapshot } from "@heapgraph/testkit";
import { rejectionOf, sampleSnapshot, testWithSamples, within } from "./reader-helpers.ts";

const enc = new TextEncoder();

/** Reads `source`, which must fail with a SnapshotFormatError (with one of `codes` when given) within 10 s. */
async function assertFormatError(source: SnapshotSource, what: string, codes?: SnapshotFormatErrorCode[]): Promise<SnapshotFormatError> {
  const error = await within(10_000, what, rejectionOf(readSnapshot(source), what));
  if (!(error instanceof SnapshotFormatError)) throw new Error(`${what}: ${String(error)} is not a SnapshotFormatError`, { cause: error });
  if (codes && !codes.includes(error.code)) assert.unreachable(`${what}: ${error.code} not in ${codes.join("/")}: ${error.message}`);
  return error;
}

/** A deterministic pseudo-random generator (the offsets must be the same on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Byte offsets worth cutting or damaging at, by kind. */
function offsetsOf(bytes: Uint8Array) {
  // One character per byte, so that string positions are byte offsets.
  const text = new TextDecoder("latin1").decode(bytes);
  const boundaries = new Set<number>([0, 1, bytes.length - 1]);
  for (const m of text.matchAll(/"(snapshot|nodes|edges|trace_function_infos|trace_tree|samples|locations|strings|version|type|nodeClassNames|edgeTypes|edgeNames)":/g)) {
    const at = m.index!;
    for (const d of [-1, 0, 1, m[0].length - 1, m[0].length, m[0].length + 1]) boundaries.add(at + d);
  }
  const inNumbers: number[] = [];
  const inStrings: number[] = [];
  const inEscapes: number[] = [];
  const start = text.indexOf('"nodes":');
  const stringsAt = text.lastIndexOf('"strings":');
  for (let i = start; i < bytes.length - 1 && inNumbers.length < 40; i += 997) {
    if (bytes[i] >= 0x30 && bytes[i] <= 0x39 && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39) inNumbers.push(i + 1);
  }
  if (stringsAt > 0) {
    for (const m of text.slice(stringsAt).matchAll(/"[a-z]{6,}"/gi)) if (inStrings.length < 20) inStrings.push(stringsAt + m.index! + 3);
    for (const m of text.slice(stringsAt).matchAll(/\\u[0-9a-fA-F]{4}|\\[nt"\\]/g)) {
      if (inEscapes.length >= 24) break;
      const at = stringsAt + m.index!;
      inEscapes.push(at + 1, at + 2, at + m[0].length - 1);
    }
  }
  return { boundaries: [...boundaries].filter((i) => i > 0 && i < bytes.length), inNumbers, inStrings, inEscapes };
}

for (const runtime of ["bun", "bun-jsc"] as const) {
  testWithSamples(runtime)(`${runtime}: cut anywhere, the read fails with TRUNCATED (or COUNT_MISMATCH once the header cannot fit)`, async () => {
    const bytes = new Uint8Array(readFileSync(await sampleSnapshot(runtime)));
    let end = bytes.length;
    while (bytes[end - 1] !== 0x7d) end--; // the final "}" (whitespace after it is optional)
    const { boundaries, inNumbers, inStrings, inEscapes } = offsetsOf(bytes);
    const next = random(7);
    const randoms = Array.from({ length: 60 }, () => 1 + Math.floor(next() * (end - 2)));
    const cuts = [...new Set([...boundaries, ...inNumbers, ...inStrings, ...inEscapes, ...randoms])].filter((k) => k < end);
    assert.ok(inNumbers.length > 5 && cuts.length > 100, `${cuts.length} cut offsets`);
    if (runtime === "bun") assert.ok(inStrings.length > 5 && inEscapes.length > 10, "cuts inside strings and escapes");
    for (const k of cuts) {
      // As a stream of unknown size, the reader runs into the end of the input...
      async function* cut() {
        yield bytes.subarray(0, k >> 1);
        yield bytes.subarray(k >> 1, k);
      }
      const error = await assertFormatError(cut(), `cut at ${k}`, ["TRUNCATED"]);
      assert.is(error.offset, k, `the offset of a cut at ${k}`);
      // ...while bytes of known size are refused as soon as the header's counts cannot fit.
      await assertFormatError(bytes.subarray(0, k), `cut bytes at ${k}`, runtime === "bun" ? ["TRUNCATED", "COUNT_MISMATCH"] : ["TRUNCATED"]);
    }
  });

  test(`${runtime}: damaged bytes fail with a format error at the damaged place`, async () => {
    const bytes = new Uint8Array(readFileSync(await sampleSnapshot(runtime)));
    const { boundaries, inNumbers, inStrings } = offsetsOf(bytes);
    const damaged = (at: number, insert: string, remove = 1) => {
      const add = enc.encode(insert);
      const out = new Uint8Array(bytes.length - remove + add.length);
      out.set(bytes.subarray(0, at));
      out.set(add, at);
      out.set(bytes.subarray(at + remove), at + add.length);
      return out;
    };
    for (const at of inNumbers) {
      const e = await assertFormatError(damaged(at, "x"), `letter in a number at ${at}`, ["BAD_NUMBER"]);
      assert.is(e.offset, at);
      assert.ok(e.section === "nodes" || e.section === "edges", `section ${e.section}`);
      await assertFormatError(damaged(at, "-"), `minus in a number at ${at}`, ["BAD_NUMBER"]);
      await assertFormatError(damaged(at, ".5"), `fraction at ${at}`, ["BAD_NUMBER"]);
      await assertFormatError(damaged(at, '"', 0), `quote in a number at ${at}`, ["BAD_NUMBER"]);
      await assertFormatError(damaged(at, "99999999999999999999", 0), `huge number at ${at}`, ["BAD_NUMBER", "BAD_EDGE_TARGET"]);
    }
    for (const at of inStrings) {
      await assertFormatError(damaged(at, "\\q", 0), `bad escape at ${at}`, ["BAD_JSON"]);
    }
    for (const at of boundaries) {
      const c = bytes[at];
      if (c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x3a || c === 0x2c) {
        await assertFormatError(damaged(at, "x"), `structure damaged at ${at}`);
      }
    }
  });
}

test("gzip cut anywhere after its header is TRUNCATED on every runtime; a bad checksum is BAD_GZIP; both say what they found", async () => {
  const names = Object.fromEntries(Array.from({ length: 400 }, (_, k) => [`n${k}`, { type: "object" as const, name: `Item${k % 7}` }]));
  const text = syntheticSnapshot({ nodes: names, roots: Object.keys(names) }).text;
  const gz = gzipSync(enc.encode(text));
  for (const k of [12, 40, gz.length >> 1, gz.length - 9, gz.length - 4, gz.length - 1]) {
    const error = await assertFormatError(gz.subarray(0, k), `gzip cut at ${k} of ${gz.length}`, ["TRUNCATED"]);
    assert.ok((error.found ?? "").trim().length > 0, `cut at ${k}: found is empty in ${error.message}`);
  }
  const badCrc = gz.slice();
  badCrc[gz.length - 6] ^= 0xff;
  const error = await assertFormatError(badCrc, "gzip with a damaged checksum", ["BAD_GZIP"]);
  assert.ok((error.found ?? "").trim().length > 0, error.message);
});

testWithSamples("bun")("bun: gzip cut or damaged fails with a format error", async () => {
  const gz = gzipSync(readFileSync(await sampleSnapshot("bun")));
  for (const k of [1, 2, 10, 100, gz.length >> 2, gz.length >> 1, gz.length - 9, gz.length - 1]) {
    await assertFormatError(gz.subarray(0, k), `gzip cut at ${k}`, ["TRUNCATED", "BAD_GZIP", "NOT_A_HEAP_SNAPSHOT", "BAD_JSON"]);
  }
  for (const k of [20, gz.length >> 1, gz.length - 6]) {
    const bad = gz.slice();
    bad[k] ^= 0x55;
    await assertFormatError(bad, `gzip damaged at ${k}`);
  }
});

testWithSamples("bun")("headers that lie, and other impossible contents, fail with their own codes", async () => {
  const text = readFileSync(await sampleSnapshot("bun"), "utf8");
  const json = () => JSON.parse(text);
  const F = json().snapshot.meta.node_fields.length;
  const cases: [string, SnapshotFormatErrorCode, (j: Record<string, any>) => unknown][] = [
    ["one node more than the nodes", "COUNT_MISMATCH", (j) => j.snapshot.node_count++],
    ["one edge less than the edges", "COUNT_MISMATCH", (j) => j.snapshot.edge_count--],
    ["edge counts that do not add up", "COUNT_MISMATCH", (j) => (j.nodes[4] += 1)],
    ["a nodes array one value short", "COUNT_MISMATCH", (j) => j.nodes.pop()],
    ["no id field", "UNSUPPORTED_META", (j) => (j.snapshot.meta.node_fields[2] = "ident")],
    ["no node type names", "UNSUPPORTED_META", (j) => (j.snapshot.meta.node_types[0] = "number")],
    ["a count that is not a count", "UNSUPPORTED_META", (j) => (j.snapshot.node_count = -3)],
    ["root_index off the grid", "UNSUPPORTED_META", (j) => (j.snapshot.root_index = 1)],
    ["an edge into the middle of a node", "BAD_EDGE_TARGET", (j) => (j.edges[2] = 1)],
    ["an edge past the last node", "BAD_EDGE_TARGET", (j) => (j.edges[2] = j.snapshot.node_count * F)],
    ["a node name past the strings", "BAD_STRING_INDEX", (j) => (j.nodes[1] = j.strings.length)],
    ["an edge name past the strings", "BAD_STRING_INDEX", (j) => {
      const k = j.edges.findIndex((_: number, i: number) => i % 3 === 0 && j.edges[i] === 2);
      j.edges[k + 1] = j.strings.length + 5;
    }],
    ["a node type past the type list", "BAD_NUMBER", (j) => (j.nodes[0] = 99)],
    ["an edge type past the type list", "BAD_NUMBER", (j) => (j.edges[0] = 99)],
    ["a location line out of range", "BAD_LOCATION", (j) => (j.locations = [0, 2, 2 ** 33, 4])],
    ["a location record cut short", "BAD_LOCATION", (j) => (j.locations = [0, 2, 3])],
    ["no strings", "NOT_A_HEAP_SNAPSHOT", (j) => delete j.strings],
    ["no edges", "NOT_A_HEAP_SNAPSHOT", (j) => delete j.edges],
    ["strings that are not strings", "BAD_JSON", (j) => (j.strings = [1, 2])],
    ["nodes that are not an array", "BAD_JSON", (j) => (j.nodes = { a: 1 })],
  ];
  for (const [what, code, mutate] of cases) {
    const j = json();
    mutate(j);
    await assertFormatError(JSON.stringify(j), what, [code]);
  }
  const raw: [string, SnapshotFormatErrorCode, string][] = [
    ["empty input", "NOT_A_HEAP_SNAPSHOT", ""],
    ["only blanks", "NOT_A_HEAP_SNAPSHOT", " \n\t "],
    ["an array", "NOT_A_HEAP_SNAPSHOT", "[1,2,3]"],
    ["an empty object", "NOT_A_HEAP_SNAPSHOT", "{}"],
    ["some other JSON", "NOT_A_HEAP_SNAPSHOT", '{"name":"package","version":"1.0.0"}'],
    ["data after the end", "BAD_JSON", `${text.trimEnd()} {}`],
    ["a section twice", "BAD_JSON", text.replace('"samples":[]', '"samples":[],"samples":[]')],
    ["a header that is not JSON", "BAD_JSON", text.replace('"node_count"', 'node_count')],
    ["an exponent", "BAD_NUMBER", text.replace('"nodes":[9', '"nodes":[9e0')],
  ];
  for (const [what, code, input] of raw) await assertFormatError(input, what, [code]);
});

testWithSamples("bun-jsc")("JavaScriptCore input that lies fails with its own codes", async () => {
  const text = readFileSync(await sampleSnapshot("bun-jsc"), "utf8");
  const cases: [string, SnapshotFormatErrorCode, (j: Record<string, any>) => unknown][] = [
    ["a class past the class names", "BAD_STRING_INDEX", (j) => (j.nodes[6] = j.nodeClassNames.length)],
    ["an edge to no node", "BAD_EDGE_TARGET", (j) => (j.edges[1] = 999_999_999)],
    ["a property edge with no name", "BAD_STRING_INDEX", (j) => {
      const k = j.edges.findIndex((_: number, i: number) => i % 4 === 2 && j.edgeTypes[j.edges[i]] === "Property");
      j.edges[k + 1] = j.edgeNames.length;
    }],
    ["an edge type past the list", "BAD_NUMBER", (j) => (j.edges[2] = j.edgeTypes.length)],
    ["a node record cut short", "COUNT_MISMATCH", (j) => j.nodes.pop()],
    ["a node id twice", "BAD_NUMBER", (j) => (j.nodes[4] = j.nodes[8])],
    ["no root", "NOT_A_HEAP_SNAPSHOT", (j) => (j.nodes[0] = 999_999_998)],
    ["a debugging snapshot", "UNSUPPORTED_META", (j) => (j.type = "GCDebugging")],
    ["an unknown version", "UNSUPPORTED_META", (j) => (j.version = 99)],
    ["no edge names", "NOT_A_HEAP_SNAPSHOT", (j) => delete j.edgeNames],
  ];
  for (const [what, code, mutate] of cases) {
    const j = JSON.parse(text);
    mutate(j);
    await assertFormatError(JSON.stringify(j), what, [code]);
  }
});

test("a header claiming 4 billion nodes in a 1 KB input fails fast, with or without a known size", async () => {
  const lie = `{"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],"node_types":[["hidden","object"]],"edge_fields":["type","name_or_index","to_node"],"edge_types":[["element","property"]]},"node_count":4000000000,"edge_count":4000000000},"nodes":[0,0,1,0,0],"edges":[],"strings":[""]}`;
  const bytes = enc.encode(lie);
  const started = Date.now();
  const known = await assertFormatError(bytes, "4 billion nodes, size known", ["COUNT_MISMATCH"]);
  assert.is(known.section, "snapshot", "refused at the header, before any allocation");
  async function* unknownSize() {
    yield bytes;
  }
  await assertFormatError(unknownSize(), "4 billion nodes, size unknown", ["COUNT_MISMATCH"]);
  assert.ok(Date.now() - started < 5_000, `failed in ${Date.now() - started} ms`);
});

testWithSamples("bun")("errors from a file name it, with section, offset, expected and found", async () => {
  const text = readFileSync(await sampleSnapshot("bun"), "utf8");
  const at = text.indexOf('"edges":[') + '"edges":['.length + 2;
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-corrupt-"));
  try {
    const file = join(dir, "broken.heapsnapshot");
    writeFileSync(file, text.slice(0, at) + "x" + text.slice(at + 1));
    const error = await assertFormatError(file, "a letter in the edges", ["BAD_NUMBER"]);
    assert.is(error.fileName, file);
    assert.is(error.section, "edges");
    assert.is(error.offset, at);
    assert.is(error.found, '"x"');
    assert.ok(error.expected, "says what was expected");
    assert.ok(error.message.includes(file) && error.message.includes(`byte ${at}`) && error.message.includes("edges"), error.message);
    const named = await assertFormatError(text.slice(0, 100), "a cut text", ["TRUNCATED"]);
    assert.is(named.fileName, null);
    const hinted = await rejectionOf(readSnapshot(text.slice(0, 100), { fileName: "capture-1" }), "a named stream");
    assert.ok(hinted instanceof SnapshotFormatError && hinted.fileName === "capture-1" && hinted.message.startsWith("capture-1: "));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
