// Bad input and bad usage: the exit code, one line on stderr naming the file and the problem,
// nothing on stdout, and no output file (not even a partial one).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { byType } from "@heapgraph/graph";
import { currentRuntime } from "@heapgraph/testkit";
import { bunShopFile, CHROME_FILE, filesIn, libraryGraph, nodeShopFile, runCli, tempDir, type CliRun } from "./cli-helpers.ts";

const runtime = currentRuntime();

/** The run failed with `code`, printed nothing on stdout, and exactly one line on stderr matching `line`. */
function failedWith(run: CliRun, code: number, line: RegExp): void {
  assert.is(run.code, code, `exit code (stderr: ${run.stderr})`);
  assert.is(run.stdout, "");
  assert.ok(run.stderr.endsWith("\n") && run.stderr.indexOf("\n") === run.stderr.length - 1, `one line: ${JSON.stringify(run.stderr)}`);
  assert.match(run.stderr, /^heapgraph: /);
  assert.match(run.stderr, line);
  assert.not.match(run.stderr, /\n\s+at /, "no stack trace");
}

test(`bad input files (${runtime}): missing, a directory, truncated, truncated gzip, JSON that is not a snapshot: exit 2, no output file`, async () => {
  const nodeFile = await nodeShopFile();
  const tmp = tempDir("bad-input");
  try {
    const bytes = readFileSync(nodeFile);
    const cut = join(tmp.dir, "cut.heapsnapshot");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const gzBytes = readFileSync(CHROME_FILE);
    const cutGz = join(tmp.dir, "cut.heapsnapshot.gz");
    writeFileSync(cutGz, gzBytes.subarray(0, Math.floor(gzBytes.length / 2)));
    const notSnapshot = join(tmp.dir, "package.json");
    writeFileSync(notSnapshot, JSON.stringify({ name: "not-a-snapshot", version: "1.0.0" }));
    const missing = join(tmp.dir, "missing.heapsnapshot");
    const out = join(tmp.dir, "out.heapsnapshot");
    const svg = join(tmp.dir, "chain.svg");
    const runs = await Promise.all([
      runCli(["summary", missing]),
      runCli(["summary", tmp.dir]),
      runCli(["convert", cut, out]),
      runCli(["summary", cutGz]),
      runCli(["chain", notSnapshot, "--id", "1", "--svg", svg]),
    ]);
    failedWith(runs[0], 2, /missing\.heapsnapshot: no such file$/m);
    failedWith(runs[1], 2, /: is a directory/);
    failedWith(runs[2], 2, /cut\.heapsnapshot: .*(truncated|cut short|ends before)/i);
    failedWith(runs[3], 2, /cut\.heapsnapshot\.gz: /);
    failedWith(runs[4], 2, /package\.json: not a heap snapshot/);
    assert.equal(filesIn(tmp.dir), ["cut.heapsnapshot", "cut.heapsnapshot.gz", "package.json"], "no output and no partial file");
  } finally {
    tmp.remove();
  }
});

test(`requests without an answer (${runtime}): unknown id, unknown class, compare across Bun's renumbered ids: exit 1, no output file`, async () => {
  const [file, bunFile] = await Promise.all([nodeShopFile(), bunShopFile()]);
  const graph = await libraryGraph(file);
  let unknown = 999_999_999;
  while (graph.nodeById(unknown)) unknown += 2;
  const tmp = tempDir("no-answer");
  try {
    const svg = join(tmp.dir, "chain.svg");
    const [byId, byClass, refsById, bunCompare] = await Promise.all([
      runCli(["chain", file, "--id", String(unknown), "--svg", svg]),
      runCli(["chain", file, "--type", "NoSuchClassAnywhere", "--html", join(tmp.dir, "chain.html")]),
      runCli(["refs", file, "--id", `@${unknown}`, "--json"]),
      runCli(["compare", bunFile, bunFile]),
    ]);
    failedWith(byId, 1, new RegExp(`cli-shop[^:]*: no object has id @${unknown}$`, "m"));
    failedWith(byClass, 1, /no objects of class "NoSuchClassAnywhere"/);
    failedWith(refsById, 1, new RegExp(`no object has id @${unknown}`));
    failedWith(bunCompare, 1, /heap ids do not identify objects across these snapshots .* use heapgraph growth/);
    assert.equal(filesIn(tmp.dir), []);
  } finally {
    tmp.remove();
  }
});

test(`bad usage (${runtime}): exit 2 with a pointer to --help; --debug adds the stack`, async () => {
  const file = await nodeShopFile();
  const tmp = tempDir("usage");
  try {
    const item = byType(await libraryGraph(file), "ShopLineItem")[0];
    const [noCommand, unknownCommand, unknownOption, noTarget, badLimit, extra, noDir, debug] = await Promise.all([
      runCli([]),
      runCli(["frobnicate"]),
      runCli(["summary", file, "--colour"]),
      runCli(["chain", file]),
      runCli(["summary", file, "--limit", "zero"]),
      runCli(["growth", file, file, file]),
      runCli(["chain", file, "--id", String(item.id), "--svg", join(tmp.dir, "no", "such", "dir", "chain.svg")]),
      runCli(["summary", join(tmp.dir, "missing.heapsnapshot"), "--debug"]),
    ]);
    assert.is(noCommand.code, 2);
    assert.match(noCommand.stderr, /Usage: heapgraph COMMAND/);
    failedWith(unknownCommand, 2, /unknown command "frobnicate"; the commands are demo, summary/);
    failedWith(unknownOption, 2, /summary: unknown option --colour \(see heapgraph summary --help\)/);
    failedWith(noTarget, 2, /chain: give either --id ID or --type NAME/);
    failedWith(badLimit, 2, /--limit must be a whole number of at least 1, got "zero"/);
    failedWith(extra, 2, /growth: unexpected argument/);
    failedWith(noDir, 2, /cannot write .*chain\.svg: no such directory/);
    assert.is(debug.code, 2);
    assert.match(debug.stderr, /^heapgraph: .*missing\.heapsnapshot: no such file\n/);
    assert.match(debug.stderr, /\n\s+at /, "--debug shows the stack");
    assert.equal(filesIn(tmp.dir), []);
  } finally {
    tmp.remove();
  }
});

test.run();
