// heapgraph watch's bookkeeping, without processes: the steady-growth rule (a leak is marked, a
// one-time jump and noise are not) and the series (JSON and CSV shapes, bounded memory).
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { ClassSample } from "../src/web/watch/class-sample.ts";
import { steadyGrowth } from "../src/web/watch/steady-growth.ts";
import { WatchError } from "../src/web/watch/watch-error.ts";
import { WATCH_CSV_HEADER, WatchSeries } from "../src/web/watch/watch-series.ts";

function sample(i: number, counts: Record<string, number>): ClassSample {
  return { time: 1_700_000_000_000 + i * 1000, pauseMs: 10, nodeCount: 1000 + i, counts: new Map(Object.entries(counts).map(([k, n]) => [k, { count: n, selfSize: n * 32 }])) };
}

test("steadyGrowth: a steady leak is marked from the 4th sample; a one-time jump, noise and a slow trickle are not", () => {
  assert.is(steadyGrowth([100, 140, 180]).growing, false, "3 samples are too few");
  const leak = steadyGrowth([100, 140, 180, 220]);
  assert.ok(leak.growing);
  assert.is(leak.slope, 40);
  assert.is(leak.net, 120);
  assert.ok(steadyGrowth([100, 130, 130, 170, 200, 240, 260, 300]).growing, "a pause in the growth is allowed");
  assert.is(steadyGrowth([100, 100, 900, 900, 900, 900]).growing, false, "one jump");
  assert.is(steadyGrowth([100, 101, 1000, 1001, 1002, 1003, 1004, 1005]).growing, false, "one jump, then a trickle");
  assert.ok(steadyGrowth([100, 130, 160, 400, 430, 460, 490, 520]).growing, "a leak sampled at uneven intervals (one long capture) is still a leak");
  assert.is(steadyGrowth([500, 530, 480, 520, 470, 540, 490, 530]).growing, false, "noise");
  assert.is(steadyGrowth([10, 12, 14, 16, 18, 20]).growing, false, "below the floor of 20 instances");
  assert.ok(steadyGrowth([10, 12, 14, 16, 18, 20], { floor: 5 }).growing, "the floor is an option");
  assert.is(steadyGrowth([0, 0, 0, 0, 1000, 1040, 1080, 1120, 1160, 1200, 1240, 1280]).growing, true, "judged on the last 8 samples");
  assert.is(steadyGrowth([300, 260, 220, 180]).growing, false, "shrinking");
});

test("steadyGrowth: options out of range are a WatchError naming the option and the value", () => {
  try {
    steadyGrowth([1, 2, 3], { window: 2 });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, WatchError);
    assert.is((error as WatchError).code, "INVALID_OPTIONS");
    assert.match((error as Error).message, /window.*"window":2/);
  }
});

test("WatchSeries: aligned counts, growing classes, JSON and CSV (hostile names quoted), thinning keeps memory bounded", () => {
  const series = new WatchSeries({ maxSamples: 16 });
  for (let i = 0; i < 40; i++) {
    const counts: Record<string, number> = { Leak: 10 + 25 * i, Stable: 300, 'a,"b"\nc': 50 };
    if (i === 5) counts.Once = 7;
    series.add(sample(i, counts));
  }
  assert.ok(series.length <= 16, `at most maxSamples kept (${series.length})`);
  assert.equal(series.growing(), ["Leak"]);
  const json = series.json({ target: "ws://127.0.0.1:9229/x", every: 1 });
  assert.is(json.format, "heapgraph-watch");
  assert.is(json.samples.length, series.length);
  assert.is(json.samples.at(-1)!.time, 1_700_000_000_000 + 39_000, "the latest sample is kept");
  assert.is(json.samples[0]!.time, 1_700_000_000_000, "the first one too: the whole span, coarser");
  for (const c of json.classes) assert.is(c.count.length, json.samples.length, `${c.name}: one count per sample`);
  const leak = json.classes.find((c) => c.name === "Leak")!;
  assert.ok(leak.growing);
  assert.is(leak.count.at(-1), 10 + 25 * 39);
  assert.is(leak.selfSize.at(-1), (10 + 25 * 39) * 32);
  assert.is(json.classes.find((c) => c.name === "Stable")!.growing, false);
  assert.not.ok(json.classes.some((c) => c.name === "Once"), "a class that is 0 in every sample left is dropped");
  assert.equal(series.json({ target: "t", every: 1 }, 1).classes.map((c) => c.name), ["Leak"], "top 1, and the growing ones");
  const csv = WATCH_CSV_HEADER + series.csvLines();
  assert.is(csv.split("\n")[0], "time,class,count,self_size,growing");
  assert.ok(csv.includes(`2023-11-14T22:13:59.000Z,Leak,985,31520,1\n`), csv);
  assert.ok(csv.includes(`,"a,""b""\nc",50,1600,0\n`), "a name with a comma, quote and line break is quoted");
});

test.run();
