// The index cache file on every runtime: a written image comes back equal, each section read when
// first used, and every way a cache file can be wrong (missing, truncated, bytes flipped, another
// snapshot's, the snapshot changed, a newer format, another version) is reported with its status,
// never returned as an image; a damaged section is found when that section is read, and that read
// throws instead of giving wrong data; a cache renamed over an opened one does not disturb it. Writes are atomic (no temporary file left, also on failure); the
// directory helpers name, list, bound and clear the files.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { currentRuntime } from "@heapgraph/testkit";
import {
  clearIndexCaches,
  indexCacheDir,
  indexCacheInfo,
  indexCachePath,
  INDEX_CACHE_FORMAT,
  pruneIndexCaches,
  readIndexCache,
  snapshotFingerprint,
  decodeIndexCache,
  SnapshotIoError,
  writeIndexCache,
  type IndexCacheKey,
  type IndexImage,
} from "../src/index.ts";

const runtime = currentRuntime();

function image(): IndexImage {
  return {
    meta: { engine: 1, note: "caf\u00e9 \u{1F600}", nested: { list: [1, 2, 3] } },
    sections: [
      { name: "u8", data: new Uint8Array([1, 2, 3]) },
      { name: "f64", data: new Float64Array([0.5, -1, 1e300, Number.MAX_SAFE_INTEGER]) },
      { name: "u32", data: new Uint32Array(100_000).map((_, i) => i * 7) },
      { name: "i32-view", data: new Int32Array([9, -9, 99, -99, 999]).subarray(1, 4) },
      { name: "empty", data: new Float32Array(0) },
    ],
  };
}

async function setup(): Promise<{ dir: string; snapshot: string; cache: string; key: IndexCacheKey }> {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-index-cache-"));
  const snapshot = join(dir, "app.heapsnapshot");
  writeFileSync(snapshot, `{"snapshot":{}, "filler": "${"x".repeat(300_000)}"}`);
  const cache = indexCachePath(join(dir, "cache"), snapshot);
  const key = { path: snapshot, ...(await snapshotFingerprint(snapshot)), versions: "heapgraph test, engine 1" };
  return { dir, snapshot, cache, key };
}

test(`index cache file (${runtime}): written atomically, read back as equal sections and meta; every damaged or unmatched file is refused with its status`, async () => {
  const { dir, snapshot, cache, key } = await setup();
  try {
    assert.is((await readIndexCache(cache, key)).status, "missing");
    rmSync(join(dir, "cache"), { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(join(dir, "cache")));
    const bytes = await writeIndexCache(cache, image(), key);
    assert.equal(readdirSync(join(dir, "cache")), [cache.split(/[\\/]/).pop()], "only the cache file, no temporary file");
    const found = await readIndexCache(cache, key);
    assert.is(found.status, "hit");
    if (found.status !== "hit") return;
    assert.is(found.bytes, bytes);
    assert.equal(found.image.meta, image().meta);
    const expected = image().sections;
    assert.equal(found.image.sections.map((s) => s.name), expected.map((s) => s.name));
    found.image.sections.forEach((s, i) => {
      assert.is(s.data.constructor, expected[i].data.constructor, s.name);
      assert.equal(Array.from(s.data), Array.from(expected[i].data), s.name);
    });
    const decoded = decodeIndexCache(new Uint8Array(readFileSync(cache)), key);
    assert.is(decoded.status, "hit", "the same file in memory");
    if (decoded.status === "hit") {
      assert.equal(decoded.image.sections.map((s) => Array.from(s.data)), expected.map((s) => Array.from(s.data)));
      assert.is(new Set(decoded.image.sections.map((s) => s.data.buffer)).size, 1, "in memory, every section is a view of the one buffer");
    }

    const good = readFileSync(cache);
    const variant = async (bytesOf: (b: Buffer) => Buffer, k: IndexCacheKey = key) => {
      writeFileSync(cache, bytesOf(Buffer.from(good)));
      return (await readIndexCache(cache, k)).status;
    };
    assert.is(await variant((b) => b.subarray(0, b.length - 1000)), "truncated");
    assert.is(await variant((b) => b.subarray(0, 20)), "truncated");
    // A flipped bit in a section (the u32 one, the largest): the header is sound, so the file
    // opens; the section's first read finds it, and throws; the other sections still read.
    assert.is(await variant((b) => ((b[b.length - 5000] ^= 0x10), b)), "hit", "a damaged section is found when read, not when opened");
    const damaged = await readIndexCache(cache, key);
    if (damaged.status !== "hit") throw new Error("expected the damaged file to open");
    const sectionOf = (name: string) => damaged.image.sections.find((s) => s.name === name)!;
    assert.equal(Array.from(sectionOf("f64").data), Array.from(expected[1].data), "an intact section reads");
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        void sectionOf("u32").data;
        assert.unreachable("a damaged section must not be returned");
      } catch (error) {
        assert.instance(error, SnapshotIoError);
        assert.is((error as SnapshotIoError).code, "READ_FAILED");
        assert.match((error as Error).message, /"u32" is damaged/);
      }
    }
    assert.is(decodeIndexCache(new Uint8Array(readFileSync(cache)), key).status, "corrupt", "in memory, every section is checked at once");
    // Opened, then another cache renamed over it (as another process's rewrite does) before
    // its sections are read: they still come from the file that was opened.
    writeFileSync(cache, good);
    const opened = await readIndexCache(cache, key);
    if (opened.status !== "hit") throw new Error("expected the cache to open");
    const replacement = join(dir, "replacement.hgindex");
    await writeIndexCache(replacement, { meta: image().meta, sections: image().sections.slice(1).reverse() }, key);
    await import("node:fs/promises").then((fs) => fs.rename(replacement, cache));
    assert.equal(opened.image.sections.map((s) => Array.from(s.data)), expected.map((s) => Array.from(s.data)), "the opened file's sections");
    assert.is(await variant((b) => ((b[40] ^= 0x01), b)), "corrupt", "a flipped bit in the header");
    assert.is(await variant((b) => ((b[0] = 0x7b), b)), "corrupt", "not a cache file at all");
    assert.is(await variant((b) => (b.writeUInt32LE(INDEX_CACHE_FORMAT + 1, 8), b)), "newer");
    assert.is(await variant((b) => b, { ...key, path: join(dir, "other.heapsnapshot") }), "foreign");
    assert.is(await variant((b) => b, { ...key, versions: "heapgraph 9.9.9, engine 1" }), "version");
    writeFileSync(cache, good);
    // The snapshot changes: same size, another content and time.
    writeFileSync(snapshot, readFileSync(snapshot, "utf8").replace("xxxx", "yyyy"));
    utimesSync(snapshot, new Date(), new Date(Date.now() + 5000));
    const changed = { ...key, ...(await snapshotFingerprint(snapshot)) };
    assert.is.not(changed.sample, key.sample, "the sampled hash sees the changed bytes");
    const stale = await readIndexCache(cache, changed);
    assert.is(stale.status, "stale");
    assert.match(stale.status === "stale" ? stale.reason : "", /changed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`index cache file (${runtime}): an unwritable place fails with WRITE_FAILED and leaves nothing; the directory is named, listed, bounded and cleared`, async () => {
  const { dir, snapshot, key } = await setup();
  try {
    writeFileSync(join(dir, "not-a-dir"), "");
    try {
      await writeIndexCache(join(dir, "not-a-dir", "x.hgindex"), image(), key);
      assert.unreachable("a cache under a regular file cannot be written");
    } catch (error) {
      assert.instance(error, SnapshotIoError);
      assert.is((error as SnapshotIoError).code, "WRITE_FAILED");
    }
    assert.equal(indexCacheDir({ HEAPGRAPH_CACHE_DIR: dir, XDG_CACHE_HOME: "/elsewhere" }), dir);
    assert.equal(indexCacheDir({ XDG_CACHE_HOME: dir }), join(dir, "heapgraph"));
    assert.match(indexCacheDir({}), /[\\/]\.cache[\\/]heapgraph$/);
    const cacheDir = join(dir, "cache");
    await import("node:fs/promises").then((fs) => fs.mkdir(cacheDir));
    assert.is.not(indexCachePath(cacheDir, snapshot), indexCachePath(cacheDir, join(dir, "b", "app.heapsnapshot")), "same name, other folder: other cache file");
    const files = ["a", "b", "c"].map((n) => join(cacheDir, `${n}.hgindex`));
    for (const [i, file] of files.entries()) {
      await writeIndexCache(file, image(), key);
      utimesSync(file, new Date(), new Date(Date.now() - (3 - i) * 60_000));
    }
    writeFileSync(join(cacheDir, "unrelated.txt"), "keep me");
    const info = await indexCacheInfo(cacheDir);
    assert.equal(info.files.map((f) => f.path), [...files].reverse(), "most recently used first");
    const one = info.files[0].bytes;
    const removed = await pruneIndexCaches(cacheDir, one * 2, files[0]);
    assert.equal(removed, [files[1]], "the least recently used beyond the bound goes; the kept one stays");
    assert.equal(await clearIndexCaches(cacheDir), { files: 2, bytes: one * 2 });
    assert.equal(readdirSync(cacheDir), ["unrelated.txt"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
