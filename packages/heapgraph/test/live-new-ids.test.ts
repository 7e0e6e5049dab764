// objgraph's get_new_ids: the NewIdsTracker on two snapshots of one process (checked against the
// graph package's newObjects), and getNewIds over the test process itself, with atAddrs.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newObjects } from "@heapgraph/graph";
import { atAddrs, getNewIds, LiveError, NewIdsTracker, NotSupportedError } from "../src/index.ts";
import { forgetGraphs, leakFiles, libraryGraph } from "./cli-helpers.ts";
import { onBunOnly, rejection, sink, withLiveObjects } from "./live-helpers.ts";

test.after(forgetGraphs);

class NewIdsProbe {
  readonly serial: number;
  constructor(serial: number) {
    this.serial = serial;
  }
}

const held: unknown[] = [];

test("NewIdsTracker: old, current and new per class across two snapshots, the new ids as newObjects finds them", async () => {
  const { baseline, target } = await leakFiles();
  const [before, after] = await Promise.all([libraryGraph(baseline), libraryGraph(target)]);
  const tracker = new NewIdsTracker();
  const first = tracker.update(before);
  const firstRequest = first.find((r) => r.name === "LeakRequest")!;
  assert.equal(firstRequest, { name: "LeakRequest", old: 0, current: 1, new: 1, delta: 1 }, "the first update finds everything new");

  const rows = tracker.update(after, { sortBy: "new" });
  const request = rows.find((r) => r.name === "LeakRequest")!;
  assert.equal(request, { name: "LeakRequest", old: 1, current: 21, new: 20, delta: 20 });
  const news = rows.map((r) => r.new);
  assert.equal(news, [...news].sort((a, b) => b - a), "sorted by the new column, largest first");
  const expected = newObjects(before, after).classes.filter((c) => c.name === "LeakRequest").flatMap((c) => c.ids);
  assert.equal(tracker.newIds().get("LeakRequest"), [...expected].sort((a, b) => a - b), "the ids of the 20 new requests");
  const byDelta = tracker.update(after);
  assert.equal(byDelta.find((r) => r.name === "LeakRequest"), { name: "LeakRequest", old: 21, current: 21, new: 0, delta: 0 });
  tracker.reset();
  assert.is(tracker.newIds().size, 0);
});

withLiveObjects("getNewIds(): objgraph's table, and the ids of what was allocated since the last call, for atAddrs", async () => {
  const tracker = new NewIdsTracker();
  const quiet = sink();
  await getNewIds({ tracker, limit: 0, file: quiet });
  assert.is(quiet.text(), "", "limit 0 prints nothing");
  held.push(new NewIdsProbe(1), new NewIdsProbe(2));
  const out = sink();
  const newIds = await getNewIds({ tracker, limit: Infinity, sortBy: "new", file: out });
  const lines = out.lines();
  assert.match(lines[0], /^=+$/);
  assert.match(lines[1], /^Type +Old_ids  Current_ids      New_ids Count_Deltas$/);
  assert.is(lines[1].length, lines[0].length, "the rules are as wide as the header");
  assert.match(lines.at(-1)!, /^=+$/);
  const probe = lines.find((l) => l.startsWith("NewIdsProbe "));
  assert.ok(probe, out.text().slice(0, 2000));
  assert.match(probe!, /^NewIdsProbe +0 +2 +\+2 +\+2$/);
  const ids = newIds.get("NewIdsProbe")!;
  assert.is(ids.length, 2);
  const objects = await atAddrs(ids);
  assert.ok(objects.includes(held[0]) && objects.includes(held[1]), "atAddrs gives the probes themselves");
  assert.equal((await getNewIds({ tracker, skipUpdate: true })).get("NewIdsProbe"), ids, "skipUpdate: the last answer, no snapshot");
});

onBunOnly("getNewIds throws NotSupportedError on Bun (ids are renumbered in every snapshot)", async () => {
  const error = await rejection(getNewIds({ limit: 0 }));
  assert.instance(error, NotSupportedError);
});

test("getNewIds refuses bad options before any snapshot", async () => {
  for (const options of [{ sortBy: "size" }, { limit: -1 }, { tracker: {} }, { sort_by: "new" }]) {
    const error = await rejection(getNewIds(options as never));
    assert.instance(error, LiveError);
    assert.is((error as LiveError).code, "INVALID_OPTIONS", error.message);
    assert.match(error.message, /^getNewIds: /);
  }
  const error = await rejection(atAddrs([12, -1]));
  assert.instance(error, LiveError);
  assert.is((error as LiveError).code, "INVALID_ARGUMENT");
});

test.run();
