// The index cache through the command: a second command on the same snapshot reads the cache
// (seen in the progress bar's "reading cache" step and in --debug), with the same answers; a
// stale, truncated, foreign, corrupt or newer-format cache is rebuilt, with the same answers and
// a fresh valid cache after; a damaged section is found when a command first reads it, and the
// command then rebuilds the cache and answers from the snapshot (a command that does not read
// that section answers from the cache, rightly); an unwritable cache directory is a warning; --no-cache writes
// nothing; no temporary file is left; `cache info` and `cache clear` see the files.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { currentRuntime, takeRealSnapshot, type SnapshotRuntime } from "@heapgraph/testkit";
import { mostCommonTypes } from "@heapgraph/graph";
import { loadGraph, openGraph } from "../src/index.ts";
import { runMain } from "./cli-helpers.ts";

const runtime = currentRuntime();

/** Runs the command with HEAPGRAPH_CACHE_DIR set to `cacheDir`. */
async function run(cacheDir: string, args: string[], tty = false) {
  const before = process.env.HEAPGRAPH_CACHE_DIR;
  process.env.HEAPGRAPH_CACHE_DIR = cacheDir;
  try {
    return await runMain(args, { tty });
  } finally {
    if (before === undefined) delete process.env.HEAPGRAPH_CACHE_DIR;
    else process.env.HEAPGRAPH_CACHE_DIR = before;
  }
}

test(`index cache (${runtime}): the second command reads the cache with the same answers; every bad cache is rebuilt; --no-cache and unwritable directories`, async () => {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-cli-cache-"));
  try {
    const file = join(dir, "app.heapsnapshot");
    copyFileSync(await takeRealSnapshot(runtime as SnapshotRuntime, "cli-shop"), file);
    const cacheDir = join(dir, "cache");
    const files = () => { try { return readdirSync(cacheDir); } catch { return []; } };

    // --no-cache: the answer, and nothing written.
    const fresh = await run(cacheDir, ["summary", file, "--json", "--no-cache", "--limit", "20"]);
    assert.is(fresh.code, 0, fresh.stderr);
    const freshChain = await run(cacheDir, ["chain", file, "--type", "ShopRecord", "--json", "--no-cache"]);
    assert.is(freshChain.code, 0, freshChain.stderr);
    assert.equal(files(), [], "--no-cache writes nothing");

    // First run analyses the file and writes the cache; the second reads it.
    const first = await run(cacheDir, ["summary", file, "--json", "--debug", "--limit", "20"]);
    assert.is(first.stdout, fresh.stdout);
    assert.match(first.stderr, /analysed from the file/);
    assert.equal(files().length, 1, `one cache file, no temporary file: ${files()}`);
    const cacheFile = join(cacheDir, files()[0]);
    const second = await run(cacheDir, ["summary", file, "--json", "--limit", "20"], true);
    assert.is(second.code, 0);
    assert.is(second.stdout, fresh.stdout, "same answer from the cache");
    assert.match(second.stderr, /reading cache/, "the progress bar shows the cache being read");
    assert.not.match(second.stderr, /dominators|retained sizes/, "no analysis phase ran");
    const chain = await run(cacheDir, ["chain", file, "--type", "ShopRecord", "--json", "--debug"]);
    assert.is(chain.stdout, freshChain.stdout, "a chain from the cache equals the fresh one");
    assert.match(chain.stderr, /read from/);

    // Every bad cache: rebuilt, same answer, and a valid cache after. "foreign": another
    // snapshot's cache copied over this one's.
    const good = readFileSync(cacheFile);
    const other = join(dir, "other.heapsnapshot");
    copyFileSync(file, other);
    assert.is((await run(cacheDir, ["summary", other, "--json", "--limit", "1"])).code, 0);
    const otherCache = join(cacheDir, files().find((f) => f.startsWith("other."))!);
    const damages: [string, () => void][] = [
      ["truncated", () => writeFileSync(cacheFile, good.subarray(0, good.length >> 1))],
      ["corrupt", () => { const b = Buffer.from(good); b[40] ^= 0x40; writeFileSync(cacheFile, b); }],
      ["newer", () => { const b = Buffer.from(good); b.writeUInt32LE(99, 8); writeFileSync(cacheFile, b); }],
      ["foreign", () => copyFileSync(otherCache, cacheFile)],
      ["stale", () => utimesSync(file, new Date(), new Date(Date.now() + 60_000))],
    ];
    for (const [status, damage] of damages) {
      damage();
      const rebuilt = await run(cacheDir, ["summary", file, "--json", "--debug", "--limit", "20"]);
      assert.is(rebuilt.code, 0, rebuilt.stderr);
      assert.is(rebuilt.stdout, fresh.stdout, `${status}: same answer`);
      assert.match(rebuilt.stderr, new RegExp(`cache ${status}`), `${status}: rebuilt (${rebuilt.stderr})`);
      // A changed snapshot is everyday life; a damaged or foreign cache gets a warning line.
      if (status === "stale") assert.not.match(rebuilt.stderr, /warning/);
      else assert.match(rebuilt.stderr, new RegExp(`warning: .*index cache .* not used \\(${status}:`));
      const again = await run(cacheDir, ["summary", file, "--json", "--debug", "--limit", "20"]);
      assert.match(again.stderr, /read from/, `${status}: a valid cache after the rebuild`);
      assert.is(again.stdout, fresh.stdout);
      assert.equal(files().length, 2, `${status}: two files, no temporary file (${files()})`);
    }

    // A damaged section: found when a command first reads it (not when the cache is opened).
    const damageSection = (name: string) => {
      const b = Buffer.from(readFileSync(cacheFile));
      const headerLength = b.readUInt32LE(12);
      const { sections } = JSON.parse(b.subarray(32, 32 + headerLength).toString("utf8")) as { sections: { name: string; offset: number; length: number }[] };
      const section = sections.find((s) => s.name === name);
      if (!section || section.length === 0) throw new Error(`no section ${name} in the cache`);
      b[Math.ceil((32 + headerLength) / 8) * 8 + section.offset + 3] ^= 0x10;
      writeFileSync(cacheFile, b);
    };
    damageSection("g.retainedSizes");
    const late = await run(cacheDir, ["summary", file, "--json", "--debug", "--limit", "20"]);
    assert.is(late.code, 0, late.stderr);
    assert.is(late.stdout, fresh.stdout, "a section found damaged late: the same answer, from the snapshot");
    assert.match(late.stderr, /warning: the index cache .* turned out damaged; rebuilding it/);
    assert.match(late.stderr, /g\.retainedSizes/, "the warning names the section");
    const afterLate = await run(cacheDir, ["summary", file, "--json", "--debug", "--limit", "20"]);
    assert.match(afterLate.stderr, /read from/, "a valid cache after the late rebuild");
    assert.not.match(afterLate.stderr, /warning/);
    assert.is(afterLate.stdout, fresh.stdout);
    // A damaged section summary does not read: summary answers from the cache (its sections are
    // sound); chain reads the edges, finds the damage, and rebuilds.
    damageSection("s.edgeTarget");
    const unaffected = await run(cacheDir, ["summary", file, "--json", "--debug", "--limit", "20"]);
    assert.is(unaffected.stdout, fresh.stdout);
    assert.match(unaffected.stderr, /read from/);
    const lateChain = await run(cacheDir, ["chain", file, "--type", "ShopRecord", "--json", "--debug"]);
    assert.is(lateChain.code, 0, lateChain.stderr);
    assert.is(lateChain.stdout, freshChain.stdout);
    assert.match(lateChain.stderr, /turned out damaged; rebuilding it/);
    assert.match((await run(cacheDir, ["chain", file, "--type", "ShopRecord", "--json", "--debug"])).stderr, /read from/);
    assert.equal(files().length, 2, `no temporary file (${files()})`);

    // An unwritable cache directory (under a regular file): a warning, and the right answer.
    writeFileSync(join(dir, "plain-file"), "");
    const unwritable = await run(join(dir, "plain-file", "cache"), ["summary", file, "--json", "--limit", "20"]);
    assert.is(unwritable.code, 0);
    assert.is(unwritable.stdout, fresh.stdout);
    assert.match(unwritable.stderr, /warning: .*cannot write the index cache/);

    // cache info and clear.
    const info = JSON.parse((await run(cacheDir, ["cache", "info", "--json"])).stdout);
    assert.equal(info.files.map((f: { path: string }) => f.path).sort(), [cacheFile, otherCache].sort());
    const cleared = JSON.parse((await run(cacheDir, ["cache", "clear", "--json"])).stdout);
    assert.is(cleared.removedFiles, 2);
    assert.equal(files(), []);
    const bad = await run(cacheDir, ["cache", "drop"]);
    assert.is(bad.code, 2);
    const convertHelp = await run(cacheDir, ["convert", "--help"]);
    assert.not.match(convertHelp.stdout, /--no-cache/, "convert analyses nothing: no --no-cache");
    assert.match((await run(cacheDir, ["summary", "--help"])).stdout, /--no-cache/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`loadGraph (${runtime}): the library call analyses fully and writes the cache; the next open is from it; cache: false writes nothing`, async () => {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-lib-cache-"));
  try {
    const file = await takeRealSnapshot(runtime as SnapshotRuntime, "cli-shop");
    const cacheDir = join(dir, "cache");
    const fresh = await loadGraph(file, { cache: false, cacheDir });
    assert.equal(readdirSync(dir), [], "cache: false writes nothing");
    const first = await loadGraph(file, { cacheDir });
    assert.is(readdirSync(cacheDir).length, 1);
    const phases = new Set<string>();
    const second = await openGraph(file, { cacheDir, onProgress: (p) => phases.add(p.phase) });
    assert.is(second.source, "cache");
    assert.ok(phases.has("reading cache"));
    for (const graph of [first, second.graph]) {
      assert.equal(mostCommonTypes(graph, { limit: 20 }), mostCommonTypes(fresh, { limit: 20 }));
      assert.is(graph.retainedSizes()[graph.rootOrdinal], fresh.retainedSizes()[fresh.rootOrdinal]);
    }
    assert.not.ok(phases.has("dominators") || phases.has("retained sizes"), [...phases].join(", "));
    assert.is(await second.saveCache(), false, "nothing new to store");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
