// No noise by default: growth and compare hide engine internals (and heapgraph's own objects)
// and say so in one line; --all, --class, --type and --user (objgraph's filter) on growth,
// compare and summary. On the emitter-leak scenario's snapshots, through main(argv, io).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { growth, type HiddenSummary } from "@heapgraph/graph";
import { hiddenLine } from "@heapgraph/render";
import { currentRuntime } from "@heapgraph/testkit";
import { forgetGraphs, leakFiles, libraryGraph, mainJson, runMain } from "./cli-helpers.ts";

test.after(forgetGraphs);

const runtime = currentRuntime();
const ENGINE_CLASS = /^\((compiled code|string|number|system|object shape|concatenated string|sliced string|array)\)$/;

interface GrowthJson {
  types: { name: string; qualifiedName: string; delta: number }[];
  hidden: HiddenSummary;
}

test(`growth (${runtime}): engine internals hidden by default, one line says so; --all shows them`, async () => {
  const { baseline, target } = await leakFiles();
  const text = await runMain(["growth", baseline, target, "--limit", "all"]);
  assert.is(text.code, 0, text.stderr);
  assert.not.match(text.stdout, /^\((compiled code|string|number|system|object shape)\) /m);
  const lines = text.stdout.trimEnd().split("\n");
  assert.match(lines.at(-1)!, /^\(hid \d+ class(es)?, [\d,]+ objects? \([\d.]+ k?B\) of engine internals.* — --all to show\)$/);
  const hiding = await mainJson<GrowthJson>(["growth", baseline, target, "--limit", "all"]);
  assert.ok(hiding.hidden.classes > 0 && hiding.hidden.objects > 0 && (hiding.hidden.reasons.engine ?? 0) > 0, JSON.stringify(hiding.hidden));
  assert.ok(hiding.types.some((t) => t.name === "LeakRequest" && t.delta === 20));
  assert.not.ok(hiding.types.some((t) => ENGINE_CLASS.test(t.name)));
  const all = await mainJson<GrowthJson>(["growth", baseline, target, "--limit", "all", "--all"]);
  assert.ok(all.types.some((t) => ENGINE_CLASS.test(t.name)), "--all shows engine internals");
  assert.equal(all.hidden, { classes: 0, objects: 0, bytes: 0, reasons: {} });
  assert.not.match((await runMain(["growth", baseline, target, "--all"])).stdout, /\(hid /, "nothing hidden, no line");
  // The same as the library.
  const [before, after] = await Promise.all([libraryGraph(baseline), libraryGraph(target)]);
  assert.equal(hiding.hidden, growth(before, after).hidden);
});

test(`growth, compare, summary (${runtime}): --class (glob, /regex/, repeatable), --type and --user narrow`, async () => {
  const { baseline, target } = await leakFiles();
  const leak = await mainJson<GrowthJson>(["growth", baseline, target, "--class", "Leak*", "--class", "/^nothing-like-this$/"]);
  assert.equal(leak.types.map((t) => t.name), ["LeakRequest"]);
  const strings = await mainJson<GrowthJson>(["growth", baseline, target, "--class", "(string)", "--limit", "all"]);
  assert.ok(strings.types.every((t) => t.name === "(string)"), "naming an engine internal shows it");
  const closures = await mainJson<GrowthJson>(["growth", baseline, target, "--type", "closure", "--limit", "all"]);
  assert.ok(closures.types.length > 0 && closures.types.every((t) => t.name === "Function" || t.name.endsWith("Function")), JSON.stringify(closures.types.map((t) => t.name)));
  const compared = await mainJson<{ types: { name: string }[]; hidden: HiddenSummary }>(["compare", baseline, target, "--user", "--limit", "all"]);
  assert.ok(compared.types.some((t) => t.name === "LeakRequest"));
  assert.not.ok(compared.types.some((t) => ENGINE_CLASS.test(t.name) || /^(Detached )?Node \/ /.test(t.name)), "--user: no engine or embedder objects");
  const summary = await mainJson<{ types: { name: string }[] }>(["summary", target, "--user", "--limit", "all"]);
  assert.not.ok(summary.types.some((t) => ENGINE_CLASS.test(t.name)));
  assert.equal((await mainJson<{ types: { name: string }[] }>(["summary", target, "--class", "(string)"])).types.map((t) => t.name), ["(string)"]);
  const everything = await mainJson<{ types: { name: string }[] }>(["summary", target, "--limit", "all"]);
  assert.ok(everything.types.some((t) => t.name === "(compiled code)"), "summary lists every class by default, as DevTools");
});

test(`bad filters are usage errors that say what the flag takes (${runtime})`, async () => {
  const { baseline, target } = await leakFiles();
  const type = await runMain(["growth", baseline, target, "--type", "objekt"]);
  assert.is(type.code, 2);
  assert.match(type.stderr, /--type takes a node type: object, closure, .*got \["objekt"\]/);
  const regex = await runMain(["compare", baseline, target, "--class", "/(/"]);
  assert.is(regex.code, 2);
  assert.match(regex.stderr, /--class takes a class name glob or a valid \/regex\//);
  const help = await runMain(["growth", "--help"]);
  assert.match(help.stdout, /--class PATTERN +only classes whose name matches/);
  assert.match(help.stdout, /--all +show what is hidden by default/);
});

test("hiddenLine: counts, sizes and reasons in one line; nothing hidden, no line", () => {
  const none: HiddenSummary = { classes: 0, objects: 0, bytes: 0, reasons: {} };
  assert.is(hiddenLine(none, "--all"), "");
  assert.is(
    hiddenLine({ classes: 1, objects: 1, bytes: 2048, reasons: { heapgraph: 1 } }, "{ all: true }"),
    "(hid 1 class, 1 object (2 kB) of heapgraph's own objects — { all: true } to show)",
  );
  assert.is(
    hiddenLine({ classes: 14, objects: 2345, bytes: 10, reasons: { engine: 2000, heapgraph: 300, snapshot: 45 } }, "--all"),
    "(hid 14 classes, 2,345 objects (10 B) of engine internals, heapgraph's own objects and the snapshot machinery — --all to show)",
  );
});

test.run();
