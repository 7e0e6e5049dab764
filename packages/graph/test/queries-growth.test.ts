import { test } from "uvu";
import { snapshotRuntimes, testWhen } from "@heapgraph/testkit";
import * as assert from "uvu/assert";
import {
  buildGraph,
  byType,
  compare,
  count,
  growth,
  GrowthTracker,
  idsAreStable,
  newObjects,
  typestats,
  type HeapGraph,
} from "../src/index.ts";
import { graphOf } from "./graph-of.ts";
import { runtime, scenarioGraphs, syntheticGraph, throwsQuery } from "./queries-snapshots.ts";

const stable = runtime() !== "bun";

function cacheLeak(by = runtime()): Promise<Record<"before" | "after", HeapGraph>> {
  return scenarioGraphs("objgraph-cache-leak", ["before", "after"], by);
}

test("counting queries (count, growth, GrowthTracker) need no dominators; their counts equal classStats", () => {
  const nodes = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`n${k}`, { type: "object" as const, name: k % 3 ? "Item" : "Other", size: k % 5 ? 16 : 0 }]));
  const { snapshot } = graphOf({ nodes, roots: Object.keys(nodes) });
  const phases = new Set<string>();
  const graph = buildGraph(snapshot, { onProgress: (p) => phases.add(p.phase) });
  const counted = count(graph, "Item");
  const rows = growth(graph, graph, { limit: Infinity });
  new GrowthTracker().update(graph, { limit: Infinity });
  assert.equal(rows, [], "a graph does not grow against itself");
  for (const heavy of ["dominators", "retained sizes", "class stats", "distances"]) assert.not.ok(phases.has(heavy), `${heavy} ran for a count`);
  const { names } = graph.classes();
  const stats = graph.classStats();
  const item = names.indexOf("Item");
  assert.is(counted, stats.count[item]);
  assert.equal([...graph.classCounts().count], [...stats.count]);
  assert.equal([...graph.classCounts().selfSize], [...stats.selfSize]);
  assert.ok(counted > 0 && counted < 20, `zero-sized Items are not counted (${counted})`);
});

test(`growth (${runtime()}): the cache leak shows MyBigFatObject +2`, async () => {
  const { before, after } = await cacheLeak();
  const rows = growth(before, after, { limit: Infinity });
  const fat = rows.filter((r) => r.name === "MyBigFatObject");
  assert.is(fat.length, 1);
  assert.is(fat[0].delta, 2);
  assert.is(fat[0].previous, 0);
  assert.is(fat[0].count, 2);
  assert.ok(fat[0].sizeDelta > 0);
  for (const r of rows) assert.ok(r.delta > 0 && r.delta === r.count - r.previous);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].delta >= rows[i].delta);
  const top = growth(before, after);
  assert.ok(top.length <= 10);
  assert.equal(top, rows.slice(0, top.length));
  // objgraph's third MyBigFatObject, made and dropped inside the call, is gone.
  assert.is(byType(after, "MyBigFatObject").length, 2);
});

test(`growth (${runtime()}): a filter narrows both snapshots`, async () => {
  const { before, after } = await cacheLeak();
  const rows = growth(before, after, { filter: (n) => n.className === "MyBigFatObject" });
  assert.equal(rows.map((r) => [r.name, r.delta]), [["MyBigFatObject", 2]]);
});

test(`GrowthTracker (${runtime()}): objgraph's peak semantics, with the state in the open`, async () => {
  const { before, after } = await cacheLeak();
  const tracker = new GrowthTracker();
  const first = tracker.update(before, { limit: Infinity, all: true });
  assert.equal(first.length, typestats(before).length, "the first update reports every class (all: true shows noise too)");
  assert.not.ok(first.some((r) => r.name === "MyBigFatObject"));
  const second = tracker.update(after, { limit: Infinity, all: true });
  const fat = second.find((r) => r.name === "MyBigFatObject");
  assert.equal(fat && [fat.delta, fat.previous, fat.count], [2, 0, 2]);
  assert.is(tracker.peaks().get(fat!.qualifiedName), 2);
  // Nothing is above its peak any more, whichever snapshot comes next.
  assert.equal(tracker.update(after, { all: true }), []);
  assert.equal(tracker.update(before, { all: true }), []);
  // Peaks can be given, and reset.
  const seeded = new GrowthTracker({ peaks: [[fat!.qualifiedName, 5]] });
  assert.not.ok(seeded.update(after, { limit: Infinity }).some((r) => r.name === "MyBigFatObject"));
  tracker.reset();
  assert.ok(tracker.update(after, { limit: Infinity }).some((r) => r.name === "MyBigFatObject" && r.delta === 2));
  throwsQuery(() => new GrowthTracker({ peaks: [["x", -1]] }), "INVALID_OPTIONS");
});

test(`newObjects (${runtime()}): objects whose ids the first snapshot lacks, by class`, async () => {
  const { before, after } = await cacheLeak();
  if (!stable) {
    throwsQuery(() => newObjects(before, after), "IDS_NOT_STABLE", /Bun/);
    return;
  }
  const fresh = newObjects(before, after);
  const fat = fresh.classes.filter((c) => c.name === "MyBigFatObject");
  assert.is(fat.length, 1);
  assert.equal([...fat[0].ids], byType(after, "MyBigFatObject").map((n) => n.id).sort((a, b) => a - b));
  assert.is(fresh.count, fresh.classes.reduce((n, c) => n + c.count, 0));
  for (const c of fresh.classes) {
    assert.is(c.ids.length, c.count);
    for (const id of c.ids) {
      assert.is(before.nodeById(id), undefined, `@${id} is new`);
      assert.ok(after.nodeById(id));
    }
  }
});

test(`compare (${runtime()}): DevTools' comparison view, matched by id`, async () => {
  const { before, after } = await cacheLeak();
  if (!stable) {
    throwsQuery(() => compare(before, after), "IDS_NOT_STABLE");
    return;
  }
  const rows = compare(before, after);
  const fat = rows.find((r) => r.name === "MyBigFatObject");
  assert.ok(fat);
  assert.equal([fat!.added, fat!.removed, fat!.countDelta], [2, 0, 2]);
  assert.is(fat!.sizeDelta, fat!.addedSize);
  assert.is(fat!.addedSize, byType(after, "MyBigFatObject").reduce((n, x) => n + x.selfSize, 0));
  for (const r of rows) {
    assert.ok(r.added > 0 || r.removed > 0);
    assert.is(r.countDelta, r.added - r.removed);
    assert.is(r.sizeDelta, r.addedSize - r.removedSize);
  }
  // The deltas add up to the change in object count; objects whose class changed (a plain object
  // that gained properties changes its inferred class) are added to one class and freed from another.
  const total = (g: HeapGraph) => typestats(g).reduce((n, r) => n + r.count, 0);
  const everything = compare(before, after, { all: true });
  assert.is(everything.reduce((n, r) => n + r.countDelta, 0), total(after) - total(before));
  assert.ok(everything.reduce((n, r) => n + r.added, 0) >= newObjects(before, after).count);
  assert.equal(everything.hidden, { classes: 0, objects: 0, bytes: 0, reasons: {} }, "all: true hides nothing");
  // By default noise is left out, and counted: rows plus hidden add up to everything added.
  assert.is(rows.reduce((n, r) => n + r.added, 0) + rows.hidden.objects, everything.reduce((n, r) => n + r.added, 0));
  assert.not.ok(rows.some((r) => r.name === "(compiled code)" || r.name === "(string)"), "engine internals are hidden");
  // Against itself, nothing changed.
  assert.equal(compare(after, after), []);
});

test("compare counts an object whose class changed as freed and added", () => {
  const snap = (name: string) =>
    syntheticGraph({
      nodes: { g: { type: "object", name: "global", size: 4, id: 101 }, a: { type: "object", name, size: 8, id: 201 } },
      roots: ["g"],
      edges: [["g", "property", "a", "a"]],
    }).graph;
  const rows = compare(snap("Old"), snap("New"));
  assert.equal(
    rows.map((r) => [r.name, r.added, r.removed]),
    [["New", 1, 0], ["Old", 0, 1]],
  );
});

test("ids numbered consecutively in node order are not stable; stableIds overrides", () => {
  const nodes = { g: { type: "object" as const, name: "global", size: 4 }, a: { type: "object" as const, name: "A", size: 8 } };
  const v8 = syntheticGraph({ nodes, roots: ["g"], edges: [["g", "property", "a", "a"]] }).graph;
  assert.ok(idsAreStable(v8));
  const renumbered = syntheticGraph({
    nodes: { "(root)": { type: "synthetic", name: "", id: 1 }, "(GC roots)": { type: "synthetic", name: "(GC roots)", id: 2 }, g: { ...nodes.g, id: 3 }, a: { ...nodes.a, id: 4 } },
    roots: ["g"],
    edges: [["g", "property", "a", "a"]],
  }).graph;
  assert.not.ok(idsAreStable(renumbered));
  throwsQuery(() => newObjects(v8, renumbered), "IDS_NOT_STABLE", /snapshot 2 of 2/);
  const forced = newObjects(v8, renumbered, { stableIds: true });
  assert.is(forced.count, forced.classes.reduce((n, c) => n + c.count, 0), "stableIds: true answers instead of refusing");
  throwsQuery(() => compare(v8, v8, { stableIds: false }), "IDS_NOT_STABLE");
});

testWhen(snapshotRuntimes().includes("bun"), "Bun is not installed")(`Bun's real snapshots are refused for id-based questions (from ${runtime()})`, async () => {
  const { before, after } = await cacheLeak("bun");
  assert.not.ok(idsAreStable(before));
  assert.not.ok(idsAreStable(after));
  throwsQuery(() => newObjects(before, after), "IDS_NOT_STABLE", /numbers its objects consecutively/);
  throwsQuery(() => compare(before, after), "IDS_NOT_STABLE");
  // Class-level growth needs no ids and works.
  assert.ok(growth(before, after, { limit: Infinity }).some((r) => r.name === "MyBigFatObject" && r.delta === 2));
  if (stable) {
    const { before: b } = await cacheLeak();
    assert.ok(idsAreStable(b));
  }
});

test.run();
