// The several-snapshot subcommands (growth, compare, leaks) on memlab's three snapshots of a
// real Node process (testkit/scenarios/emitter-leak.mjs: 20 requests leak through an emitter),
// run in this process through main(argv, io).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compare, findLeaks, growth } from "@heapgraph/graph";
import { currentRuntime } from "@heapgraph/testkit";
import { filesIn, forgetGraphs, leakFiles, libraryGraph, mainJson, runMain, tempDir } from "./cli-helpers.ts";

test.after(forgetGraphs);

const runtime = currentRuntime();

test(`growth and compare (${runtime}): class-level growth and DevTools' comparison, as the library says`, async () => {
  const { baseline, target } = await leakFiles();
  const [before, after] = await Promise.all([libraryGraph(baseline), libraryGraph(target)]);
  const [grown, compared] = await Promise.all([
    mainJson<{ types: { name: string; qualifiedName: string; count: number; previous: number; delta: number }[] }>(["growth", baseline, target, "--limit", "15"]),
    mainJson<{ types: { name: string; added: number; removed: number; countDelta: number; sizeDelta: number }[] }>(["compare", baseline, target, "--limit", "30"]),
  ]);
  assert.equal(
    grown.types.map((t) => [t.qualifiedName, t.count, t.previous, t.delta]),
    growth(before, after, { limit: 15 }).map((r) => [r.qualifiedName, r.count, r.previous, r.delta]),
  );
  assert.ok(grown.types.some((t) => t.name === "LeakRequest" && t.delta === 20), "20 more LeakRequest objects");
  assert.equal(
    compared.types.map((t) => [t.name, t.added, t.removed, t.countDelta, t.sizeDelta]),
    compare(before, after).slice(0, 30).map((r) => [r.name, r.added, r.removed, r.countDelta, r.sizeDelta]),
  );
  assert.ok(compared.types.some((t) => t.name === "LeakRequest" && t.added === 20 && t.removed === 0 && t.countDelta === 20));
  const text = await runMain(["growth", baseline, target]);
  assert.is(text.code, 0);
  assert.is(text.stderr, "");
  assert.match(text.stdout, /LeakRequest\s+21\s+\+20/);
});

test(`leaks (${runtime}): the clusters of findLeaks, the top chain printed, and an HTML report with the chain graph`, async () => {
  const { baseline, target, final } = await leakFiles();
  const graphs = await Promise.all([libraryGraph(baseline), libraryGraph(target), libraryGraph(final)]);
  const tmp = tempDir("leaks");
  try {
    const html = join(tmp.dir, "leaks.html");
    const svg = join(tmp.dir, "leaks.svg");
    const out = await mainJson<{
      clusters: { count: number; retainedSize: number; representativeId: number; classes: { name: string; count: number }[]; trace: { id: number; edge: { name: string } | null }[] }[];
    }>(["leaks", baseline, target, final, "--html", html, "--svg", svg]);
    const expected = findLeaks(graphs[0], graphs[1], graphs[2], { limit: 10 });
    assert.ok(expected.length > 0);
    assert.equal(
      out.clusters.map((c) => [c.count, c.retainedSize, c.representativeId, c.trace.map((s) => s.id)]),
      expected.map((c) => [c.count, c.retainedSize, c.representativeId, c.trace.map((s) => s.id)]),
    );
    const holding = out.clusters.find((c) => c.classes.some((k) => k.name === "LeakRequest" && k.count === 20));
    assert.ok(holding, "a cluster holds the 20 leaked requests");
    assert.is(out.clusters[0].trace[0].edge, null, "traces are root first");
    assert.equal(filesIn(tmp.dir), ["leaks.html", "leaks.svg"]);
    const report = readFileSync(html, "utf8");
    assert.match(report, /<svg[\s>]/);
    assert.match(report, /LeakRequest/);
    assert.match(readFileSync(svg, "utf8"), /^<\?xml|<svg/);

    const text = await runMain(["leaks", baseline, target, final]);
    assert.is(text.code, 0);
    assert.is(text.stderr, "");
    assert.match(text.stdout, /Leak clusters: \d+/);
    assert.match(text.stdout, /Retaining chain of the largest cluster's biggest object/);
  } finally {
    tmp.remove();
  }
});

test(`leaks (${runtime}) with nothing leaked: exit 0 and says so`, async () => {
  const { baseline } = await leakFiles();
  const run = await runMain(["leaks", baseline, baseline, baseline]);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, /^No leaks: nothing allocated between/);
});

test.run();
