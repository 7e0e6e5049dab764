// Every kind of source gives the same snapshot: a path, file: URLs, bytes, an ArrayBuffer, a Blob, the
// text, gzip (file and bytes), a ReadableStream, and iterables of byte or string chunks cut at
// odd sizes (down to one byte, which splits every number, string, escape and UTF-8 sequence).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import type { SnapshotRuntime } from "@heapgraph/testkit";
import { readSnapshot, type HeapSnapshot } from "../src/index.ts";
import { CHROME_FIXTURE, sampleSnapshot, snapshotDifferences, testWithSamples } from "./reader-helpers.ts";

function* pieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function* asyncPieces(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length];
    yield bytes.slice(at, at + size);
    at += size;
  }
}

function streamOf(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  const it = pieces(bytes, size);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

async function assertAllSourcesAgree(file: string, label: string, tinyChunks: boolean): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const reference = await readSnapshot(file);
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-sources-"));
  try {
    const gz = gzipSync(bytes);
    const gzFile = join(dir, "copy.heapsnapshot.gz");
    writeFileSync(gzFile, gz);
    const text = new TextDecoder().decode(bytes);
    const sources: [string, () => Promise<HeapSnapshot>][] = [
      ["file: URL", () => readSnapshot(pathToFileURL(file))],
      ["file: URL string", () => readSnapshot(pathToFileURL(file).href)],
      ["bytes", () => readSnapshot(bytes)],
      ["ArrayBuffer", () => readSnapshot(bytes.slice().buffer)],
      ["Blob", () => readSnapshot(new Blob([bytes]))],
      ["text", () => readSnapshot(text)],
      ["gzip file", () => readSnapshot(gzFile)],
      ["gzip bytes", () => readSnapshot(gz)],
      ["gzip stream", () => readSnapshot(streamOf(gz, 4099))],
      ["ReadableStream", () => readSnapshot(streamOf(bytes, 65537))],
      ["iterable of string chunks", () => readSnapshot(splitText(text, 1000))],
      ["async chunks of 1..13 bytes", () => readSnapshot(asyncPieces(bytes, [1, 2, 3, 5, 7, 11, 13]))],
    ];
    if (tinyChunks) sources.push(["one-byte chunks", () => readSnapshot(pieces(bytes, 1))]);
    for (const [name, read] of sources) {
      assert.equal(snapshotDifferences(reference, await read()), [], `${label}: ${name}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function* splitText(text: string, size: number): Generator<string> {
  // Never split a surrogate pair: string chunks are encoded one by one.
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(at, end);
    at = end;
  }
}

// Bun's snapshots are the small ones (one-byte chunks stay fast), with raw UTF-8 in V8 format;
// Node 24's has V8's \u escapes and source code strings full of escapes.
for (const runtime of ["bun", "bun-jsc", "node24"] as SnapshotRuntime[]) {
  testWithSamples(runtime)(`${runtime}: every kind of source gives the same snapshot`, async () => {
    await assertAllSourcesAgree(await sampleSnapshot(runtime), runtime, runtime !== "node24");
  });
}

test("chromium: the gzip fixture, decompressed, and recompressed all agree", async () => {
  const plain = gunzipSync(readFileSync(CHROME_FIXTURE));
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-sources-"));
  try {
    const file = join(dir, "chrome.heapsnapshot");
    writeFileSync(file, plain);
    assert.equal(snapshotDifferences(await readSnapshot(CHROME_FIXTURE), await readSnapshot(file)), []);
    await assertAllSourcesAgree(file, "chromium", false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
