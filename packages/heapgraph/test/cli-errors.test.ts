// Bad input and bad usage, run in this process through main(argv, io): the exit code, one line
// on stderr naming the file (or the option and its value) and the problem, nothing on stdout,
// and no output file (not even a partial one). cli-process.test.ts checks that the real
// command exits with these codes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { byType } from "@heapgraph/graph";
import { currentRuntime } from "@heapgraph/testkit";
import { bunShopFile, CHROME_FILE, type CliRun, filesIn, forgetGraphs, libraryGraph, nodeShopFile, runMain, tempDir } from "./cli-helpers.ts";

test.after(forgetGraphs);

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
      runMain(["summary", missing]),
      runMain(["summary", tmp.dir]),
      runMain(["convert", cut, out]),
      runMain(["summary", cutGz]),
      runMain(["chain", notSnapshot, "--id", "1", "--svg", svg]),
    ]);
    failedWith(runs[0], 2, /missing\.heapsnapshot: no such file$/m);
    failedWith(runs[1], 2, /: is a directory/);
    failedWith(runs[2], 2, /cut\.heapsnapshot: .*(truncated|cut short|ends before)/i);
    failedWith(runs[3], 2, /cut\.heapsnapshot\.gz: the file ends before the snapshot does .*\[TRUNCATED: /);
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
      runMain(["chain", file, "--id", String(unknown), "--svg", svg]),
      runMain(["chain", file, "--type", "NoSuchClassAnywhere", "--html", join(tmp.dir, "chain.html")]),
      runMain(["refs", file, "--id", `@${unknown}`, "--json"]),
      runMain(["compare", bunFile, bunFile]),
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
    const [noCommand, unknownCommand, unknownOption, noTarget, bothTargets, badLimit, extra, noDir, debug] = await Promise.all([
      runMain([]),
      runMain(["frobnicate"]),
      runMain(["summary", file, "--colour"]),
      runMain(["chain", file]),
      runMain(["refs", file, "--id", String(item.id), "--type", "ShopLineItem"]),
      runMain(["summary", file, "--limit", "zero"]),
      runMain(["growth", file, file, file]),
      runMain(["chain", file, "--id", String(item.id), "--svg", join(tmp.dir, "no", "such", "dir", "chain.svg")]),
      runMain(["summary", join(tmp.dir, "missing.heapsnapshot"), "--debug"]),
    ]);
    assert.is(noCommand.code, 2);
    assert.match(noCommand.stderr, /Usage: heapgraph COMMAND/);
    failedWith(unknownCommand, 2, /unknown command "frobnicate"; the commands are demo, summary/);
    failedWith(unknownOption, 2, /summary: unknown option --colour \(see heapgraph summary --help\)/);
    failedWith(noTarget, 2, /chain: give either --id ID or --type NAME/);
    failedWith(bothTargets, 2, /refs: give either --id ID or --type NAME/);
    failedWith(badLimit, 2, /summary: --limit takes a positive whole number or "all", got "zero" \(see heapgraph summary --help\)$/m);
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

test(`bad option values (${runtime}): each names the option, what it takes, and the value given, before any file is read`, async () => {
  const missing = "no-such-file.heapsnapshot";
  const cases: [string[], RegExp][] = [
    [["summary", missing, "--limit", "-3"], /summary: --limit takes a positive whole number or "all", got "-3"/],
    [["summary", missing, "--limit=-3"], /summary: --limit takes a positive whole number or "all", got "-3"/],
    [["summary", missing, "--limit", "0"], /--limit takes a positive whole number or "all", got "0"/],
    [["summary", missing, "--limit", "2.5"], /--limit takes a positive whole number or "all", got "2\.5"/],
    [["chain", missing, "--id", "-5"], /chain: --id takes a heap object id such as 12345 or @12345, got "-5"/],
    [["chain", missing, "--id", "@x1"], /--id takes a heap object id such as 12345 or @12345, got "@x1"/],
    [["chain", missing, "--type", "Item", "--to", "sideways"], /chain: --to takes one of root, global, module, got "sideways"/],
    [["refs", missing, "--id", "1", "--depth", "-1"], /refs: --depth takes a positive whole number, got "-1"/],
    [["backrefs", missing, "--id", "1", "--too-many", "many"], /backrefs: --too-many takes a positive whole number, got "many"/],
    [["strings", missing, "--min-count", "1"], /strings: --min-count takes a whole number of at least 2, got "1"/],
    [["capture", "--port", "70000", "-o", "x.heapsnapshot"], /capture: --port takes a whole number from 1 to 65535, got "70000"/],
    [["capture", "--url", "ftp://host", "-o", "x.heapsnapshot"], /capture: --url takes a ws:\/\/ or wss:\/\/ or http:\/\/ or https:\/\/ URL, got "ftp:\/\/host"/],
    [["capture", "--port", "9229"], /capture: -o FILE is required/],
    [["capture", "--port", "9229", "--url", "ws://h/x", "-o", "x.heapsnapshot"], /capture: give either --port P or --url URL/],
    [["summary", missing, "--json=3"], /summary: --json takes no value/],
    [["summary", missing, "--limit"], /summary: --limit needs a value/],
    [["summary", missing, "--limit", "--json"], /summary: --limit needs a value/],
    [["leaks", missing, missing, missing, "--svg", ""], /leaks: --svg takes a file name ending in \.svg, got ""/],
  ];
  const runs = await Promise.all(cases.map(([argv]) => runMain(argv)));
  runs.forEach((run, i) => failedWith(run, 2, cases[i][1]));
  for (const run of runs) assert.not.match(run.stderr, /no such file/, "the options are checked before the file is read");
});

test.run();
