// A `locations` record that points at no node is skipped with one warning (DevTools loads such
// files); damage that is still fatal in that section is BAD_LOCATION, not an edge's code.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readSnapshot, snapshotFromJson, SnapshotFormatError, type ReadWarning } from "../src/index.ts";
import { chromeFixtureText, rejectionOf } from "./reader-helpers.ts";

interface Json {
  snapshot: { node_count: number; meta: { node_fields: string[]; location_fields: string[] } };
  locations: number[];
  [key: string]: unknown;
}

const original = chromeFixtureText();
const BASE = JSON.parse(original) as Json;
/** The fixture's JSON, with a locations array of its own to damage (parsed once: the tests only change locations). */
const json = (): Json => ({ ...BASE, locations: BASE.locations.slice() });

/** The fixture with the object_index of location records `records` set to `values`. */
function damaged(records: number[], values: (j: Json) => number[]): { text: string; width: number; count: number } {
  const j = json();
  const width = j.snapshot.meta.location_fields.length;
  const v = values(j);
  records.forEach((r, k) => (j.locations[r * width] = v[k]));
  return { text: JSON.stringify(j), width, count: j.locations.length / width };
}

test("locations pointing past the nodes or into a node are skipped with one LOCATION_WITHOUT_NODE warning", async () => {
  const F = json().snapshot.meta.node_fields.length;
  const { text, width, count } = damaged([0, 5], (j) => [j.snapshot.node_count * F, F + 1]);
  assert.ok(count > 6, "the fixture has locations");
  const warnings: ReadWarning[] = [];
  const snap = await readSnapshot(text, { fileName: "page.heapsnapshot", onWarning: (w) => warnings.push(w) });
  assert.is(warnings.length, 1, "one warning for both records");
  const [w] = warnings;
  assert.is(w.code, "LOCATION_WITHOUT_NODE");
  assert.is(w.section, "locations");
  assert.is(w.count, 2);
  assert.is(w.found, String(json().snapshot.node_count * F));
  assert.is(w.fileName, "page.heapsnapshot");
  assert.ok(w.offset !== null && text.slice(w.offset, w.offset + w.found.length) === w.found, `offset ${w.offset} is where the first bad value is`);
  assert.match(w.message, /2 location records point at no node/);
  // The others are all kept, in order, with their own fields.
  const loc = snap.locations!;
  assert.is(loc.count, count - 2);
  const lineField = json().snapshot.meta.location_fields.indexOf("line");
  const kept = json().locations.filter((_, i) => Math.floor(i / width) !== 0 && Math.floor(i / width) !== 5);
  for (let r = 0; r < loc.count; r++) {
    assert.is(loc.objectOrdinal[r], kept[r * width] / F, `record ${r} object`);
    assert.is(loc.line[r], kept[r * width + lineField], `record ${r} line`);
  }
});

test("without a listener the file still loads; a listener that throws does not stop the read; snapshotFromJson warns too", async () => {
  const F = json().snapshot.meta.node_fields.length;
  const { text, count } = damaged([1], (j) => [j.snapshot.node_count * F + 3]);
  assert.is((await readSnapshot(text)).locations!.count, count - 1);
  const thrown = await readSnapshot(text, { onWarning: () => { throw new Error("listener failed"); } });
  assert.is(thrown.locations!.count, count - 1);
  const warnings: ReadWarning[] = [];
  const fromJson = snapshotFromJson(JSON.parse(text), { onWarning: (w) => warnings.push(w) });
  assert.is(fromJson.locations!.count, count - 1);
  assert.equal(warnings.map((w) => [w.code, w.count, w.fileName]), [["LOCATION_WITHOUT_NODE", 1, null]]);
  const clean: ReadWarning[] = [];
  await readSnapshot(original, { onWarning: (w) => clean.push(w) });
  assert.is(clean.length, 0, "an undamaged file has no warnings");
});

test("a location record cut short or a line past 32 bits is BAD_LOCATION, naming the section", async () => {
  for (const [what, mutate] of [
    ["cut short", (j: Json) => j.locations.pop()],
    ["line out of range", (j: Json) => (j.locations[j.snapshot.meta.location_fields.indexOf("line")] = 2 ** 33)],
  ] as const) {
    const j = json();
    mutate(j);
    const error = await rejectionOf(readSnapshot(JSON.stringify(j)), what);
    assert.instance(error, SnapshotFormatError, what);
    assert.is((error as SnapshotFormatError).code, "BAD_LOCATION", what);
    assert.is((error as SnapshotFormatError).section, "locations", what);
  }
});

test.run();
