// The command as users run it, in a child process: the built bin under Node (dist/cli.js,
// which `npm install` links), src/cli.ts under Deno and Bun. A few runs only: its help, a
// success path (pipes: no progress bar, nothing on stderr), and the exit codes 1 and 2 with one
// line on stderr. Everything else runs in this process through main(argv, io).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mostCommonTypes } from "@heapgraph/graph";
import { currentRuntime } from "@heapgraph/testkit";
import { forgetGraphs, libraryGraph, nodeShopFile, runCli } from "./cli-helpers.ts";

test.after(forgetGraphs);

const runtime = currentRuntime();

test(`the real command (${runtime}): --help, summary --json, and exit codes 1 and 2`, async () => {
  const file = await nodeShopFile();
  const [help, summary, notFound, badValue] = await Promise.all([
    runCli(["chain", "--help"]),
    runCli(["summary", file, "--limit", "3", "--json"]),
    runCli(["chain", file, "--type", "NoSuchClassAnywhere"]),
    runCli(["summary", file, "--limit", "-3"]),
  ]);
  assert.is(help.code, 0, help.stderr);
  assert.is(help.stderr, "");
  assert.match(help.stdout, /^heapgraph chain: .*\n\nUsage: heapgraph chain FILE \(--id ID \| --type NAME\) \[options\]/);

  assert.is(summary.code, 0, summary.stderr);
  assert.is(summary.stderr, "", "stderr is a pipe: no progress bar, nothing at all");
  const out = JSON.parse(summary.stdout) as { nodeCount: number; types: { name: string; count: number }[] };
  const graph = await libraryGraph(file);
  assert.is(out.nodeCount, graph.nodeCount);
  assert.equal(out.types.map((t) => [t.name, t.count]), mostCommonTypes(graph, { limit: 3 }).map((t) => [t.name, t.count]));

  assert.is(notFound.code, 1, "a valid request with no answer");
  assert.is(notFound.stdout, "");
  assert.match(notFound.stderr, /^heapgraph: .*cli-shop[^:]*: no objects of class "NoSuchClassAnywhere"\n$/);

  assert.is(badValue.code, 2, "bad usage");
  assert.is(badValue.stdout, "");
  assert.is(badValue.stderr, 'heapgraph: summary: --limit takes a positive whole number or \"all\", got "-3" (see heapgraph summary --help)\n');
});

test.run();
