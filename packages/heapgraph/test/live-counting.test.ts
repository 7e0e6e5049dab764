// The live objgraph-style counting calls over the test process itself: showMostCommonTypes,
// showGrowth (peak semantics, default and own trackers), count, byType, at, getLeakingObjects.
// Every call takes a real heap snapshot of this process; Bun cannot hand live objects back.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { currentRuntime } from "@heapgraph/testkit";
import {
  at,
  byType,
  count,
  defaultGrowthTracker,
  getLeakingObjects,
  GrowthTracker,
  heapIdOf,
  isHeapNode,
  LiveError,
  NotSupportedError,
  resetGrowth,
  showGrowth,
  showMostCommonTypes,
} from "../src/index.ts";
import { onBun, rejection, sink } from "./live-helpers.ts";

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

test("count(name) counts the live instances now", async () => {
  held.count = Array.from({ length: 11 }, (_, i) => new TypeProbe(100 + i));
  assert.is(await count("TypeProbe"), 18);
  held.count = [];
  assert.is(await count("TypeProbe"), 7);
  assert.is(await count("NoSuchClassAnywhere"), 0);
});

test("byType(name) returns the live objects themselves (Node, Deno); Bun throws NotSupportedError", async () => {
  const mine = [new ByTypeProbe(1), new ByTypeProbe(2), new ByTypeProbe(3)];
  held.byType = mine;
  if (onBun) {
    const error = await rejection(byType("ByTypeProbe"));
    assert.instance(error, NotSupportedError);
    assert.is((error as NotSupportedError).runtime, "bun");
    return;
  }
  const found = await byType("ByTypeProbe");
  assert.is(found.length, 3);
  for (const object of mine) assert.ok(found.includes(object), "the same objects, ===");
  assert.is((await byType("ByTypeProbe", { limit: 2 })).length, 2);
});

test("at(id) returns the live object with that heap id (Node, Deno); Bun throws NotSupportedError", async () => {
  if (onBun) {
    const error = await rejection(at(1));
    assert.instance(error, NotSupportedError);
    assert.is((error as NotSupportedError).code, "NOT_SUPPORTED");
    return;
  }
  const probe = new AtProbe();
  held.at = [probe];
  assert.ok((await at(await heapIdOf(probe))) === probe);
  assert.is(await at(2 ** 31 - 1), undefined);
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
