// The live objgraph-style counting calls over the test process itself: typestats,
// mostCommonTypes, showMostCommonTypes, growth and showGrowth (peak semantics, default and own
// trackers), count, byType, at, atAddrs, getLeakingObjects.
// Every call takes a real heap snapshot of this process; Bun cannot hand live objects back.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { currentRuntime } from "@heapgraph/testkit";
import {
  at,
  atAddrs,
  byType,
  count,
  defaultGrowthTracker,
  getLeakingObjects,
  growth,
  GrowthTracker,
  heapIdOf,
  isHeapNode,
  liveGraph,
  LiveError,
  NotSupportedError,
  resetGrowth,
  showGrowth,
  showMostCommonTypes,
  mostCommonTypes,
  queries,
  typestats,
} from "../src/index.ts";
import { onBun, onBunOnly, rejection, sink, withLiveObjects } from "./live-helpers.ts";

class TypeProbe {
  readonly serial: number;
  constructor(serial: number) {
    this.serial = serial;
  }
}
class GrowthProbe {
  readonly serial: number;
  constructor(serial: number) {
    this.serial = serial;
  }
}
class ByTypeProbe {
  readonly serial: number;
  constructor(serial: number) {
    this.serial = serial;
  }
}
class AtProbe {}
class LeakProbe {}

const held: Record<string, unknown[]> = {};

/** objgraph's show_growth line: name padded to `width`, count in 9 columns, signed delta in 9. */
function growthLine(lines: string[], name: string): { count: number; delta: number; line: string } | undefined {
  const line = lines.find((l) => l.startsWith(`${name} `));
  if (!line) return undefined;
  const m = /^(\S+) +(\d+) +([+-]\d+)$/.exec(line);
  assert.ok(m, `objgraph's growth format: ${JSON.stringify(line)}`);
  return { count: Number(m![2]), delta: Number(m![3]), line };
}

test("showMostCommonTypes prints objgraph's lines, name padded to the longest, then the count", async () => {
  held.types = Array.from({ length: 7 }, (_, i) => new TypeProbe(i));
  const out = sink();
  await showMostCommonTypes({ limit: 5, file: out });
  const lines = out.lines();
  assert.is(lines.length, 5);
  const width = lines[0].lastIndexOf(" ");
  for (const line of lines) {
    assert.match(line, /^.+ \d+$/);
    assert.is(line.lastIndexOf(" "), width, `counts line up: ${JSON.stringify(lines)}`);
  }
  const counts = lines.map((l) => Number(l.slice(width + 1)));
  assert.equal(counts, [...counts].sort((a, b) => b - a), "most common first");

  const only = sink();
  await showMostCommonTypes({ filter: (n) => n.className === "TypeProbe", file: only });
  assert.equal(only.lines(), ["TypeProbe 7"]);
});

test("showMostCommonTypes({ shortnames: false }) names the class with its definition site", async () => {
  const out = sink();
  await showMostCommonTypes({ filter: (n) => n.className === "TypeProbe", shortnames: false, file: out });
  const [line] = out.lines();
  if (onBun) assert.is(line, "TypeProbe 7", "Bun writes no script locations");
  else assert.match(line, /live-counting\.test\.ts:\d+:TypeProbe 7$/);
});

test("typestats() maps class names to live instance counts; mostCommonTypes() gives objgraph's [name, count] pairs", async () => {
  const stats = await typestats();
  assert.instance(stats, Map);
  assert.is(stats.get("TypeProbe"), 7);
  assert.ok((stats.get("Object") ?? 0) > 0);
  // Among node handles of one graph (objgraph's objects=), no new snapshot is taken.
  const graph = await liveGraph();
  const probes = queries.byType(graph, "TypeProbe");
  const arrays = queries.byType(graph, "Array").slice(0, 3);
  const qualified = await typestats({ objects: probes, shortnames: false });
  const [[key, value]] = [...qualified];
  assert.is(value, 7);
  if (onBun) assert.is(key, "TypeProbe", "Bun writes no script locations");
  else assert.match(key, /live-counting\.test\.ts:\d+:TypeProbe$/);
  assert.equal(await typestats({ objects: [...probes, ...arrays], filter: (n) => n.className === "TypeProbe" }), new Map([["TypeProbe", 7]]));
  assert.equal(await mostCommonTypes({ objects: [...arrays, ...probes], limit: 1 }), [["TypeProbe", 7]], "most instances first, at most limit");
  assert.equal(await mostCommonTypes({ objects: [...arrays, ...probes] }), [["TypeProbe", 7], ["Array", 3]]);
  assert.equal(await mostCommonTypes({ objects: [] }), [], "objgraph's objects=[]: nothing");
});

test("growth() returns objgraph's [name, count, delta] for the classes above their peak, and raises the peaks", async () => {
  const tracker = new GrowthTracker();
  const filter = (n: { className: string }) => n.className === "GrowthProbe";
  held.growthTuples = Array.from({ length: 3 }, (_, i) => new GrowthProbe(100 + i));
  assert.equal(await growth({ tracker, filter }), [["GrowthProbe", 3, 3]], "the first call: everything");
  held.growthTuples.push(new GrowthProbe(103));
  assert.equal(await growth({ tracker, filter, limit: Infinity }), [["GrowthProbe", 4, 1]], "then what passed its peak, by how much");
  held.growthTuples = [];
});

test("showGrowth: the first call reports every class, later calls what passed its peak, by how much", async () => {
  const tracker = new GrowthTracker();
  const first = sink();
  await showGrowth({ tracker, limit: Infinity, file: first });
  assert.ok(first.lines().length > 20, "the first call reports everything");
  assert.is(growthLine(first.lines(), "GrowthProbe"), undefined, "no GrowthProbe yet");

  held.growth = Array.from({ length: 5 }, (_, i) => new GrowthProbe(i));
  const second = sink();
  await showGrowth({ tracker, limit: Infinity, file: second });
  const five = growthLine(second.lines(), "GrowthProbe");
  assert.equal([five?.count, five?.delta], [5, 5]);
  const width = second.lines()[0].length - 19;
  assert.is(five!.line.length, width + 19, "objgraph's %-*s%9d %+9d");
  assert.is(five!.line.slice(width), `${"5".padStart(9)} ${"+5".padStart(9)}`);

  held.growth.push(new GrowthProbe(5), new GrowthProbe(6), new GrowthProbe(7));
  const third = sink();
  await showGrowth({ tracker, limit: Infinity, file: third });
  assert.equal([growthLine(third.lines(), "GrowthProbe")?.count, growthLine(third.lines(), "GrowthProbe")?.delta], [8, 3]);

  // Down to 4, up to 6: still below the peak of 8, so not reported.
  held.growth.length = 4;
  held.growth.push(new GrowthProbe(8), new GrowthProbe(9));
  const fourth = sink();
  await showGrowth({ tracker, limit: Infinity, file: fourth });
  assert.is(growthLine(fourth.lines(), "GrowthProbe"), undefined, `below its peak: ${fourth.text()}`);
  assert.is(tracker.peaks().get([...tracker.peaks().keys()].find((k) => k.endsWith("GrowthProbe"))!), 8);

  resetGrowth(tracker);
  const fifth = sink();
  await showGrowth({ tracker, limit: Infinity, file: fifth });
  assert.equal([growthLine(fifth.lines(), "GrowthProbe")?.count, growthLine(fifth.lines(), "GrowthProbe")?.delta], [6, 6]);
});

test("showGrowth without a tracker uses defaultGrowthTracker, which resetGrowth() clears", async () => {
  resetGrowth();
  assert.is(defaultGrowthTracker.peaks().size, 0);
  const first = sink();
  await showGrowth({ limit: Infinity, file: first });
  assert.is(growthLine(first.lines(), "GrowthProbe")?.count, 6);
  assert.ok(defaultGrowthTracker.peaks().size > 20, "the default tracker holds the peaks");
  const second = sink();
  await showGrowth({ limit: Infinity, filter: (n) => n.className === "GrowthProbe", file: second });
  assert.is(second.text(), "", "nothing grew: nothing printed, as objgraph");
  resetGrowth();
  assert.is(defaultGrowthTracker.peaks().size, 0);
});

test("showGrowth and growth hide engine internals and heapgraph's own objects, and say so; { all: true } shows them", async () => {
  const tracker = new GrowthTracker();
  const out = sink();
  await showGrowth({ tracker, limit: Infinity, file: out });
  const lines = out.lines();
  assert.match(lines.at(-1)!, /^\(hid .* of engine internals.* — \{ all: true \} to show\)$/);
  assert.not.ok(lines.some((l) => /^\((compiled code|string|number|system|object shape)\) /.test(l)), "no engine internals");
  // A graph this process holds is heapgraph's, not the program's growth. Bun's collector scans
  // the stack conservatively and may keep the previous call's graph alive, so that one held graph
  // is no growth there: hold three.
  held.graphs = [];
  for (let i = 0; i < (onBun ? 3 : 1); i++) held.graphs.push(await liveGraph());
  const grown = await growth({ tracker, limit: Infinity });
  assert.not.ok(grown.some(([name]) => name === "Graph" || /^Zod/.test(name)), JSON.stringify(grown.slice(0, 10)));
  assert.ok((grown.hidden.reasons.heapgraph ?? 0) > 0, JSON.stringify(grown.hidden));
  held.graphs = [];
  const all = await growth({ tracker: new GrowthTracker(), all: true, limit: Infinity });
  assert.ok(all.some(([name]) => name === "(compiled code)"));
  assert.is(all.hidden.objects, 0);
  const probes = await growth({ tracker: new GrowthTracker(), classes: ["/^GrowthProbe$/", "(string)"], limit: Infinity });
  assert.ok(probes.every(([name]) => name === "GrowthProbe" || name === "(string)") && probes.some(([name]) => name === "(string)"), JSON.stringify(probes));
});

test("count(name) counts the live instances now", async () => {
  held.count = Array.from({ length: 11 }, (_, i) => new TypeProbe(100 + i));
  assert.is(await count("TypeProbe"), 18);
  held.count = [];
  assert.is(await count("TypeProbe"), 7);
  assert.is(await count("NoSuchClassAnywhere"), 0);
});

withLiveObjects("byType(name) returns the live objects themselves, === to the ones the code holds", async () => {
  const mine = [new ByTypeProbe(1), new ByTypeProbe(2), new ByTypeProbe(3)];
  held.byType = mine;
  const found = await byType("ByTypeProbe");
  assert.is(found.length, 3);
  for (const object of mine) assert.ok(found.includes(object), "the same objects, ===");
  assert.is((await byType("ByTypeProbe", { limit: 2 })).length, 2);
});

withLiveObjects("at(id) returns the live object with that heap id, atAddrs(ids) those of many", async () => {
  const probes = [new AtProbe(), new AtProbe()];
  held.at = probes;
  const ids = await Promise.all(probes.map((p) => heapIdOf(p)));
  assert.ok((await at(ids[0])) === probes[0]);
  assert.is(await at(2 ** 31 - 1), undefined);
  const found = await atAddrs([ids[1], 2 ** 31 - 1, ids[0]]);
  assert.is(found.length, 2, "the id with no object is left out");
  assert.ok(found[0] === probes[1] && found[1] === probes[0], "in the order given");
  assert.equal(await atAddrs([]), []);
});

onBunOnly("byType, at and atAddrs throw NotSupportedError on Bun", async () => {
  for (const attempt of [byType("ByTypeProbe"), at(1), atAddrs([1])]) {
    const error = await rejection(attempt);
    assert.instance(error, NotSupportedError);
    assert.is((error as NotSupportedError).runtime, "bun");
    assert.is((error as NotSupportedError).code, "NOT_SUPPORTED");
  }
});

test("getLeakingObjects: node handles of one fresh graph, each held only by native roots or objects", async () => {
  (globalThis as Record<string, unknown>).leakProbe = new LeakProbe();
  try {
    const roots = await getLeakingObjects();
    assert.ok(roots.every((n) => isHeapNode(n) && n.graph === roots[0].graph));
    if (currentRuntime() !== "bun") assert.ok(roots.length > 0, "Node and Deno keep some objects through native handles");
    assert.not.ok(roots.some((n) => n.className === "LeakProbe"), "an object the global holds is not leaking");
    for (const node of roots.slice(0, 200)) {
      const holders = node.retainers().filter((e) => e.type !== "weak").map((e) => e.from);
      assert.ok(holders.length > 0);
      for (const h of holders) assert.ok(h.type === "synthetic" || h.type === "native", `@${node.id} ${node.className} is held by ${h.type} ${h.className}`);
    }
    const out = sink();
    await showMostCommonTypes({ objects: roots, limit: Infinity, file: out });
    const total = out.lines().reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(" ") + 1)), 0);
    assert.ok(total <= roots.length, "counting among the leaking objects only");
  } finally {
    delete (globalThis as Record<string, unknown>).leakProbe;
  }
});

test("an empty objects list counts nothing, as objgraph's objects=[]", async () => {
  assert.is(await count("TypeProbe", { objects: [] }), 0);
  const out = sink();
  await showMostCommonTypes({ objects: [], file: out });
  assert.is(out.text(), "");
  if (!onBun) assert.equal(await byType("TypeProbe", { objects: [] }), []);
});

test("bad arguments and options throw LiveError before any snapshot", async () => {
  const cases: [Promise<unknown>, string][] = [
    [showGrowth({ limt: 3 } as never), "INVALID_OPTIONS"],
    [showMostCommonTypes({ limit: 0 }), "INVALID_OPTIONS"],
    [showGrowth({ tracker: {} as never }), "INVALID_OPTIONS"],
    [count(""), "INVALID_ARGUMENT"],
    [count(42 as never), "INVALID_ARGUMENT"],
    [showMostCommonTypes({ objects: [{}] as never }), "INVALID_ARGUMENT"],
  ];
  for (const [promise, code] of cases) {
    const error = await rejection(promise);
    assert.instance(error, LiveError);
    assert.is((error as LiveError).code, code, error.message);
  }
});

test.run();
