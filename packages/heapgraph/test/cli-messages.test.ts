// What the command says, run in this process through main(argv, io): every numeric flag's
// message says what the flag takes; output file names are checked against their format before
// any work; a graph too large to draw is explained with the command's own flags; counts and
// plurals are right; `--limit all` lists every row.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { findLeaks, mostCommonTypes } from "@heapgraph/graph";
import { currentRuntime } from "@heapgraph/testkit";
import { loadCommands } from "../src/cli/commands.ts";
import { filesIn, forgetGraphs, leakFiles, libraryGraph, mainJson, nodeShopFile, runMain, tempDir } from "./cli-helpers.ts";

test.after(forgetGraphs);

const runtime = currentRuntime();
/** Every command, loaded (main loads only the one it runs). */
const COMMANDS = await loadCommands();
const missing = "no-such-file.heapsnapshot";

/** The options of every command that take a number (`--limit N`, `--port P`, `--id ID`). */
function numericFlags(): { command: string; positionals: readonly string[]; flag: string }[] {
  const out: { command: string; positionals: readonly string[]; flag: string }[] = [];
  for (const command of COMMANDS) {
    for (const [name, spec] of Object.entries(command.options)) {
      if (spec.type === "string" && (spec.value === "N" || spec.value === "P" || spec.value === "ID")) out.push({ command: command.name, positionals: command.positionals, flag: name });
    }
  }
  return out;
}

test(`every numeric flag of every command (${runtime}): -5, 2.5 and words say what the flag takes, never "takes no value"`, async () => {
  const flags = numericFlags();
  const names = flags.map((f) => `${f.command} --${f.flag}`);
  for (const expected of ["summary --limit", "chain --id", "chain --depth", "refs --depth", "refs --too-many", "backrefs --too-many", "leaks --limit", "dominators --top", "strings --min-count", "capture --port", "demo --requests", "detached --limit"]) {
    assert.ok(names.includes(expected), `${expected} is among the numeric flags (${names.join(", ")})`);
  }
  for (const { command, positionals, flag } of flags) {
    for (const value of ["-5", "2.5", "lots"]) {
      const argv = [command, ...positionals.map(() => missing), `--${flag}`, value];
      const run = await runMain(argv);
      assert.is(run.code, 2, `${argv.join(" ")}: ${run.stderr}`);
      assert.is(run.stdout, "");
      assert.match(run.stderr, new RegExp(`^heapgraph: ${command}: --${flag} takes (a|one) [^\\n]+, got "${value.replace(".", "\\.")}" \\(see heapgraph ${command} --help\\)\\n$`), argv.join(" "));
      assert.not.match(run.stderr, /takes no value|needs a value|no such file/, argv.join(" "));
    }
  }
});

test(`output file names (${runtime}): an extension that does not fit the format is refused before any work, naming the flag, the file and the extensions`, async () => {
  const tmp = tempDir("extensions");
  try {
    const at = (name: string) => join(tmp.dir, name);
    const refused: [string[], RegExp][] = [
      [["refs", missing, "--id", "1", "--svg", at("x.png")], /refs: --svg takes a file name ending in \.svg, got ".*x\.png"/],
      [["chain", missing, "--id", "1", "--html", at("x.svg")], /chain: --html takes a file name ending in \.html or \.htm, got ".*x\.svg"/],
      [["backrefs", missing, "--id", "1", "--dot", at("x.svg")], /backrefs: --dot takes a file name ending in \.dot or \.gv, got ".*x\.svg"/],
      [["leaks", missing, missing, missing, "--svg", at("x.html")], /leaks: --svg takes a file name ending in \.svg, got/],
      [["leaks", missing, missing, missing, "--html", at("report")], /leaks: --html takes a file name ending in \.html or \.htm, got ".*report"/],
      [["capture", "--port", "9229", "-o", at("x.txt")], /capture: -o\/--output takes a file name ending in \.heapsnapshot or \.heapsnapshot\.gz, got ".*x\.txt"/],
      [["capture", "--port", "9229", "-o", at("x.gz")], /capture: -o\/--output takes a file name ending in \.heapsnapshot or \.heapsnapshot\.gz/],
      [["convert", missing, at("x.json")], /convert: OUT takes a file name ending in \.heapsnapshot or \.heapsnapshot\.gz, got ".*x\.json"/],
      [["demo", "--out", at("report.svg")], /demo: --out takes a file name ending in \.html or \.htm, got ".*report\.svg"/],
    ];
    for (const [argv, line] of refused) {
      const run = await runMain(argv);
      assert.is(run.code, 2, `${argv.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, line);
      assert.match(run.stderr, /\(see heapgraph \w+ --help\)\n$/);
      assert.not.match(run.stderr, /no such file/, "refused before the input is read");
    }
    // The right endings (any case) pass the check: the command goes on and finds no input file.
    const accepted = [
      ["chain", missing, "--id", "1", "--svg", at("a.SVG"), "--html", at("a.htm"), "--dot", at("a.gv")],
      ["refs", missing, "--id", "1", "--dot", at("a.dot"), "--html", at("a.html")],
      ["convert", missing, at("a.heapsnapshot.gz")],
      ["convert", missing, at("a.heapsnapshot")],
    ];
    for (const argv of accepted) {
      const run = await runMain(argv);
      assert.is(run.code, 2);
      assert.match(run.stderr, /no-such-file\.heapsnapshot: no such file/, argv.join(" "));
    }
    assert.equal(filesIn(tmp.dir), [], "nothing written");
  } finally {
    tmp.remove();
  }
});

test(`a graph too large to draw (${runtime}): said in the command's terms, with the flags that draw less, and the DOT file kept`, async () => {
  const file = await nodeShopFile();
  const tmp = tempDir("too-large");
  try {
    const dot = join(tmp.dir, "refs.dot");
    const svg = join(tmp.dir, "refs.svg");
    const run = await runMain(["refs", file, "--type", "global", "--depth", "4", "--too-many", "200", "--dot", dot, "--svg", svg]);
    assert.is(run.code, 1, run.stderr);
    assert.is(run.stdout, "");
    assert.match(run.stderr, /^heapgraph: the graph is too large to draw in reasonable time \([\d,]+ objects and [\d,]+ references; /);
    assert.match(run.stderr, /Draw less: lower --depth \(now 4\) or --too-many \(now 200\)/);
    assert.match(run.stderr, /refs\.dot was written: lay it out with Graphviz's own dot/);
    assert.not.match(run.stderr, /renderSvg|maxDepth|tooMany|raise/);
    assert.ok(existsSync(dot), "the DOT file is written");
    assert.not.ok(existsSync(svg), "no SVG");
    const noDot = await runMain(["refs", file, "--type", "global", "--depth", "5", "--too-many", "100", "--internals", "--svg", svg]);
    assert.is(noDot.code, 1, noDot.stderr);
    assert.match(noDot.stderr, /Draw less: lower --depth \(now 5\) or --too-many \(now 100\), leave out --internals; or write --dot FILE alone/);
    assert.not.match(noDot.stderr, /renderSvg|maxDepth|tooMany|raise/);
  } finally {
    tmp.remove();
  }
});

test(`counts and plurals (${runtime}): leaks --limit says how many clusters there are; one reference is "1 reference"`, async () => {
  const { baseline, target, final } = await leakFiles();
  const graphs = await Promise.all([libraryGraph(baseline), libraryGraph(target), libraryGraph(final)]);
  // With --all: the single-object and runtime clusters hidden by default make more than one.
  const all = findLeaks(graphs[0], graphs[1], graphs[2], { all: true });
  assert.ok(all.length > 1, "the scenario leaves more than one cluster");
  const text = await runMain(["leaks", baseline, target, final, "--all", "--limit", "1"]);
  assert.is(text.code, 0, text.stderr);
  // The answer first: one headline, then how many more there are; the table after it says the same.
  assert.match(text.stdout, new RegExp(`^Leaks, largest first:\\n {2}1\\. ${escape(all[0].headline)} {2}\\[.*\\]\\n {2}… and ${all.length - 1} more\\n`));
  assert.match(text.stdout, new RegExp(`\\nLeak clusters: ${all.length} \\(showing 1\\), largest first\\n`));
  assert.match(text.stdout, new RegExp(`… and ${all.length - 1} more rows?\\n`));
  const json = await mainJson<{ clusterCount: number; clusters: unknown[] }>(["leaks", baseline, target, final, "--all", "--limit", "1"]);
  assert.is(json.clusterCount, all.length);
  assert.is(json.clusters.length, 1);

  const file = await nodeShopFile();
  const one = await mainJson<{ nodes: unknown[]; edges: unknown[] }>(["refs", file, "--type", "ShopLineItem", "--depth", "1", "--too-many", "1"]);
  assert.is(one.edges.length, 1);
  const oneText = await runMain(["refs", file, "--type", "ShopLineItem", "--depth", "1", "--too-many", "1"]);
  assert.match(oneText.stdout, /: 2 objects, 1 reference \(depth 1, at most 1 per object\)\n/);
  assert.not.match(oneText.stdout, /\b1 references\b|\b1 objects\b/);
});

test(`summary --limit all (${runtime}) lists every type, and --help says so`, async () => {
  const file = await nodeShopFile();
  const graph = await libraryGraph(file);
  const every = mostCommonTypes(graph, { limit: Infinity });
  assert.ok(every.length > 10);
  const out = await mainJson<{ types: { name: string; count: number }[] }>(["summary", file, "--limit", "all"]);
  assert.equal(out.types.map((t) => [t.name, t.count]), every.map((t) => [t.name, t.count]));
  const text = await runMain(["summary", file, "--limit", "all"]);
  assert.is(text.code, 0);
  assert.not.match(text.stdout, /more rows?/);
  const help = await runMain(["summary", "--help"]);
  assert.match(help.stdout, /--limit N +how many types to list \(default 10; all: every type\)/);
});


/** `text` as a regular expression matching itself. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test.run();
