// Labels keep their location (issue 14, item 7): wherever a label is cut, a trailing
// `basename:line:col` survives whole; the middle (the path, then the name) goes instead.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { backrefs, buildGraph, byType, pathToRoot } from "@heapgraph/graph";
import { readSnapshot } from "@heapgraph/snapshot";
import { currentRuntime, takeRealSnapshot, testWhen, type SnapshotRuntime } from "@heapgraph/testkit";
import { chainText, printable, selectionTable, toDot } from "../src/index.ts";

const LABEL = "function (anonymous)() at file:///srv/app/node_modules/pkg/pages/api.js:12:5";
const length = (s: string) => [...s].length;

test("a cut keeps basename:line:col whole, then the text before the path, then whole directories", () => {
  assert.is(printable(LABEL, 45), "function (anonymous)() at …/pages/api.js:12:5");
  assert.is(printable(LABEL, 60), "function (anonymous)() at …/pkg/pages/api.js:12:5");
  assert.is(printable(LABEL, 30), "function (anonymou…api.js:12:5", "the name is cut when the location needs the room");
  assert.is(printable(LABEL, 12), "…api.js:12:5");
  assert.is(printable(LABEL, 11), "function (…", "when even the location does not fit, the plain cut");
  assert.is(printable("poll() at C:\\srv\\app\\src\\poller.js:8", 27), "poll() at …\\src\\poller.js:8", "Windows paths, a line without column");
  assert.is(printable("Timeout(setInterval 1000 ms → poll() at /srv/app/src/poller.js:8:3)", 50), "Timeout(setInterval 1000 ms → poll(…poller.js:8:3)", "in parentheses");
  for (const n of [5, 12, 20, 33, 45, 60, 79]) assert.ok(length(printable(LABEL, n)) <= n, `at most ${n} code points`);
  assert.is(printable(LABEL, 200), LABEL, "no cut, no change");
});

test("text without a trailing location is cut at its end as before; escapes are never split", () => {
  assert.is(printable("a".repeat(50), 10), "aaaaaaaaa…");
  assert.is(printable('"meeting at 12:30"'.repeat(3), 20), '"meeting at 12:30""…', "a quoted string ends with a quote, not a location");
  assert.is(printable("handler\n() at /a/b/c/d/e/f/g/name.js:1:2", 24), "handler\\n() …name.js:1:2");
  assert.is(printable("f() at /dir/we\u0000ird.js:1:2", 16), "f() at /dir/we…", "a basename holding an escape is no location: plain cut");
});

const SCENARIO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "graph", "test", "scenarios", "smaller-truths.mjs");

testWhen(currentRuntime() !== "bun", "Bun's snapshots carry no script locations")(`a real closure's label keeps its file, line and column in drawings, tables and chains (${currentRuntime()})`, async () => {
  const graph = buildGraph(await readSnapshot(await takeRealSnapshot(currentRuntime() as SnapshotRuntime, SCENARIO)));
  const holder = byType(graph, "TruthFunctions")[0];
  const closure = holder.edges().find((e) => e.name === "deep")!.to;
  const label = closure.describe();
  assert.match(label, /^function \(anonymous\)\(\) at (file:\/\/)?\/.{60,}\/pages\/api\.js:\d+:\d+$/, "longer than any cut");
  const where = /api\.js:\d+:\d+$/.exec(label)![0];
  const selection = backrefs(graph, [closure], { maxDepth: 1 });
  const dot = toDot(selection);
  const line = dot.split("\n").find((l) => l.includes("function (anonymous)"));
  assert.ok(line && line.includes(" at …/") && line.includes(`/pages/${where}`), `the drawing keeps the location: ${line}`);
  const preview = selectionTable(selection).rows.find((r) => r.some((c) => c.startsWith("function (anonymous)")));
  assert.ok(preview?.some((c) => c.endsWith(where) && length(c) <= 50), `the table keeps it: ${JSON.stringify(preview)}`);
  const text = chainText(pathToRoot(graph, closure).steps);
  assert.ok(text.split("\n").some((l) => l.includes(where)), `the chain keeps it:\n${text}`);
});

test.run();
