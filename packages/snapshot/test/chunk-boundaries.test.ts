// The parser keeps its state across chunks: a snapshot full of awkward strings (every JSON
// escape, V8's \u escapes, surrogate pairs written both raw and escaped, a lone surrogate, raw
// UTF-8, a BOM, control characters) and an escaped key is cut into two chunks at every byte
// offset, and each result must equal the one-chunk read and JSON.parse of the same text.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { syntheticSnapshot } from "@heapgraph/testkit";
import { readSnapshot } from "../src/index.ts";
import { snapshotDifferences } from "./reader-helpers.ts";

const NAMES = [
  "plain",
  'quote " backslash \\ slash / newline \n tab \t return \r feed \f back \b',
  "héllo wörld 😀 ✓",
  "\ufeffbom first",
  "lone \udc00 surrogate",
  "control \u0001\u001f",
  "",
  "ESCAPED_PAIR",
  "V8_ESCAPES",
];

function awkwardText(): string {
  const s = syntheticSnapshot({
    nodes: Object.fromEntries(NAMES.map((name, i) => [`n${i}`, { type: "string" as const, name, size: 16 + i }])),
    roots: NAMES.map((_, i) => `n${i}`),
    edges: [["n0", "property", "ключ", "n2"], ["n2", "element", 7, "n0"]],
    locations: [{ node: "n1", scriptId: 3, line: 40, column: 2 }],
  }).text;
  return s
    .replace('"ESCAPED_PAIR"', '"pair \\ud83d\\ude00 escaped"')
    .replace('"V8_ESCAPES"', '"h\\u00E9llo w\\u00F6rld \\uF600"')
    .replace('"samples":', '"\\u0073amples":');
}

test("a two-chunk read equals the whole read at every split offset", async () => {
  const bytes = new TextEncoder().encode(awkwardText());
  const whole = await readSnapshot(bytes);
  for (let k = 1; k < bytes.length; k++) {
    const split = await readSnapshot([bytes.subarray(0, k), bytes.subarray(k)]);
    const diff = snapshotDifferences(whole, split);
    if (diff.length) assert.unreachable(`split at byte ${k}: ${diff.join("; ")}`);
  }
});

test("the strings decode exactly as JSON.parse decodes them", async () => {
  const text = awkwardText();
  const snap = await readSnapshot(text);
  assert.equal([...snap.strings], JSON.parse(text).strings);
  assert.ok(snap.strings.includes("pair 😀 escaped"), "an escaped surrogate pair joins into one character");
  assert.ok(snap.strings.includes("lone \udc00 surrogate"), "a lone surrogate survives");
  assert.ok(snap.strings.includes("\ufeffbom first"), "a BOM inside a string is kept");
  assert.equal([...snap.extraSections.keys()], [], "the escaped key is recognized as samples");
});

test("a string longer than a chunk and than the batch size decodes whole", async () => {
  const long = "x".repeat(200_000) + "é" + "\\".repeat(3) + "y".repeat(70_000);
  const text = syntheticSnapshot({ nodes: { s: { type: "string", name: long } }, roots: ["s"] }).text;
  const bytes = new TextEncoder().encode(text);
  for (const size of [1 << 16, 4097, 1_000_000]) {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
    const snap = await readSnapshot(chunks);
    assert.ok(snap.strings.includes(long), `chunks of ${size}`);
  }
});

test.run();
