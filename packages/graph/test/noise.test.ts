// The noise mask (graph.noiseMask()) and the queries that hide noise by default: growth,
// compare, GrowthTracker, and the class/type/user filters of typestats.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticEdge, SyntheticNode } from "@heapgraph/testkit";
import { classRegExp, compare, growth, GrowthTracker, mostCommonTypes, NOISE_REASONS, noiseFilter, SHOWN, HIDDEN, typestats, type HeapGraph } from "../src/index.ts";
import { runtime, scenarioGraphs, syntheticGraph, throwsQuery } from "./queries-snapshots.ts";

/** A closure defined in `script` (its `shared -> script -> name` chain, as V8 writes it), and its location. */
function closureIn(key: string, name: string, scriptId: number, script: string): { nodes: Record<string, SyntheticNode>; edges: SyntheticEdge[]; location: { node: string; scriptId: number; line: number; column: number } } {
  return {
    nodes: {
      [key]: { type: "closure", name, size: 32 },
      [`${key}.sfi`]: { type: "code", name: name, size: 40 },
      [`${key}.script`]: { type: "code", name: "system / Script", size: 80 },
      [`${key}.url`]: { type: "string", name: script, size: 48 },
    },
    edges: [
      [key, "internal", "shared", `${key}.sfi`],
      [`${key}.sfi`, "internal", "script_or_debug_info", `${key}.script`],
      [`${key}.script`, "internal", "name", `${key}.url`],
    ],
    location: { node: key, scriptId, line: 3, column: 1 },
  };
}

/**
 * One heap with one of each kind of noise: an app's object and closure, zod's closure with what
 * only it holds and what it shares with the app, a zod schema known by its shape, the snapshot
 * stream and its buffer, a node:events closure, an embedder object, engine internals, and a
 * boilerplate only compiled code holds. `extra` adds nodes (for growth).
 */
function noisyHeap(extra: { apps?: number; zods?: number; strings?: number } = {}): { graph: HeapGraph; at: Record<string, number> } {
  const app = closureIn("appFn", "handler", 1, "file:///srv/app.mjs");
  const zod = closureIn("zodFn", "parse", 2, "file:///srv/node_modules/zod/v4/core/core.js");
  const events = closureIn("eventsFn", "emit", 3, "node:events");
  const nodes: Record<string, SyntheticNode> = {
    g: { type: "object", name: "global", size: 16 },
    app: { type: "object", name: "App", size: 24 },
    zodOnly: { type: "object", name: "Object", size: 24 },
    shared: { type: "object", name: "Object", size: 24 },
    schema: { type: "object", name: "ZodString", size: 24 },
    schemaBag: { type: "object", name: "Object", size: 24 },
    stream: { type: "object", name: "HeapSnapshotStream", size: 64 },
    streamBuffer: { type: "object", name: "ArrayBuffer", size: 64 },
    env: { type: "native", name: "Node / Environment", size: 100 },
    div: { type: "native", name: "HTMLDivElement", size: 100 },
    text: { type: "string", name: "hello", size: 16 },
    num: { type: "number", name: "heap number", size: 16 },
    ctx: { type: "object", name: "system / Context", size: 40 },
    sys: { type: "hidden", name: "system / Foo", size: 8 },
    code: { type: "code", name: "(code)", size: 100 },
    boilerplate: { type: "object", name: "Object", size: 24 },
    ...app.nodes,
    ...zod.nodes,
    ...events.nodes,
  };
  const edges: SyntheticEdge[] = [
    ["g", "property", "app", "app"],
    ["g", "property", "handler", "appFn"],
    ["g", "property", "parse", "zodFn"],
    ["g", "property", "shared", "shared"],
    ["g", "property", "schema", "schema"],
    ["g", "property", "stream", "stream"],
    ["g", "property", "emit", "eventsFn"],
    ["g", "property", "env", "env"],
    ["g", "property", "div", "div"],
    ["g", "property", "text", "text"],
    ["g", "property", "num", "num"],
    ["g", "property", "sys", "sys"],
    ["g", "property", "code", "code"],
    ["appFn", "context", "ctx", "ctx"],
    ["zodFn", "property", "cache", "zodOnly"],
    ["zodFn", "property", "shared", "shared"],
    ["schema", "property", "_zod", "schemaBag"],
    ["schema", "property", "~standard", "schemaBag"],
    ["stream", "property", "buffer", "streamBuffer"],
    ["code", "internal", "boilerplate", "boilerplate"],
    ...app.edges,
    ...zod.edges,
    ...events.edges,
  ];
  for (let k = 0; k < (extra.apps ?? 0); k++) {
    nodes[`app${k}`] = { type: "object", name: "App", size: 24 };
    edges.push(["g", "property", `app${k}`, `app${k}`]);
  }
  for (let k = 0; k < (extra.zods ?? 0); k++) {
    nodes[`zod${k}`] = { type: "object", name: "Object", size: 24 };
    edges.push(["zodFn", "property", `z${k}`, `zod${k}`]);
  }
  for (let k = 0; k < (extra.strings ?? 0); k++) {
    nodes[`s${k}`] = { type: "string", name: `text ${k}`, size: 16 };
    edges.push(["app", "property", `s${k}`, `s${k}`]);
  }
  const { graph, at } = syntheticGraph({ nodes, edges, roots: ["g"], locations: [app.location, zod.location, events.location] });
  return { graph, at };
}

test("noiseMask: one reason per node, by type, by name, by defining script, by shape, and for what only noise holds", () => {
  const { graph, at } = noisyHeap();
  const mask = graph.noiseMask();
  assert.is(graph.noiseMask(), mask, "cached");
  const reason = (key: string) => NOISE_REASONS[mask[at[key]]];
  const expected: Record<string, string> = {
    g: "user",
    app: "user",
    appFn: "user",
    shared: "user", // zod holds it, and so does the app
    div: "user",
    zodFn: "heapgraph",
    zodOnly: "heapgraph", // only zod holds it
    schema: "heapgraph",
    schemaBag: "heapgraph",
    stream: "snapshot",
    streamBuffer: "snapshot",
    eventsFn: "runtime",
    env: "runtime",
    text: "engine",
    num: "engine",
    ctx: "engine",
    sys: "engine",
    code: "engine",
    "appFn.sfi": "engine",
    boilerplate: "engine", // only compiled code holds it
    "zodFn.sfi": "heapgraph", // held only by zod's closure: heapgraph's, not the engine's
  };
  for (const [key, want] of Object.entries(expected)) assert.is(reason(key), want, key);
  assert.equal([...NOISE_REASONS], ["user", "engine", "heapgraph", "snapshot", "runtime"]);
});

test("noiseFilter: hides engine internals, heapgraph's and the snapshot's objects; counts what it hid", () => {
  const { graph, at } = noisyHeap();
  const { mask, hidden, narrowed } = noiseFilter(graph);
  assert.not.ok(narrowed);
  for (const key of ["app", "appFn", "shared", "div", "eventsFn", "env"]) assert.is(mask[at[key]], SHOWN, key);
  for (const key of ["zodFn", "zodOnly", "schema", "stream", "text", "num", "code", "boilerplate"]) assert.is(mask[at[key]], HIDDEN, key);
  assert.ok(hidden.objects > 0 && hidden.bytes > 0);
  assert.ok((hidden.reasons.engine ?? 0) > 0 && (hidden.reasons.heapgraph ?? 0) >= 4 && hidden.reasons.snapshot === 2);
  assert.is(hidden.reasons.runtime, undefined, "runtime internals are shown by default");
  // ZodString, HeapSnapshotStream, ArrayBuffer, (string), (number), (code), ... have nothing shown.
  assert.ok(hidden.classes >= 6, `${hidden.classes} classes hidden`);
  // all: true shows everything and hides nothing.
  const all = noiseFilter(graph, { all: true });
  assert.ok(all.mask.every((m) => m === SHOWN));
  assert.equal(all.hidden, { classes: 0, objects: 0, bytes: 0, reasons: {} });
});

test("noiseFilter: classes (globs, /regex/, RegExp), types and user narrow; naming an engine internal shows it", () => {
  const { graph, at } = noisyHeap();
  const shown = (options: Parameters<typeof noiseFilter>[1]) =>
    Object.keys(at).filter((key) => noiseFilter(graph, options).mask[at[key]] === SHOWN).sort();
  assert.equal(shown({ classes: "Ap*" }), ["app"]);
  assert.equal(shown({ classes: ["/^app$/i", /^HTML/] }), ["app", "div"]);
  assert.equal(shown({ classes: "(string)" }), ["appFn.url", "eventsFn.url", "text"], "(string) asked for by name is shown; zod's script name stays hidden");
  assert.equal(shown({ types: ["number"] }), ["num"]);
  assert.equal(shown({ types: "closure" }), ["appFn", "eventsFn"], "zod's closure stays hidden");
  assert.equal(shown({ types: "closure", all: true }), ["appFn", "eventsFn", "zodFn"]);
  assert.equal(shown({ user: true, types: "native" }), ["div"], "user: no embedder objects");
  assert.ok(noiseFilter(graph, { user: true }).narrowed);
  assert.is(noiseFilter(graph, { classes: "App" }).hidden.objects, 0, "what the caller filtered out is not 'hidden'");
  throwsQuery(() => noiseFilter(graph, { types: ["objekt"] }), "INVALID_OPTIONS", /objekt.*object/);
  throwsQuery(() => noiseFilter(graph, { classes: "/(/" }), "INVALID_OPTIONS", /regular expression/);
  throwsQuery(() => noiseFilter(graph, { classes: "" }), "INVALID_OPTIONS");
  throwsQuery(() => noiseFilter(graph, { everything: true } as never), "INVALID_OPTIONS");
  assert.ok(classRegExp("q", "a?c*").test("abcdef") && !classRegExp("q", "a.c").test("abc"), "glob: ? and * only; dots are literal");
});

test("growth, GrowthTracker and compare hide noise by default and say what they hid; all: true shows it", () => {
  const before = noisyHeap().graph;
  const after = noisyHeap({ apps: 3, zods: 5, strings: 4 }).graph;
  const rows = growth(before, after, { limit: Infinity });
  assert.equal(rows.map((r) => [r.name, r.delta]), [["App", 3]]);
  // (string) and Object (zod's objects; the shown ones did not grow) have no row.
  assert.equal(rows.hidden, { classes: 2, objects: 9, bytes: 5 * 24 + 4 * 16, reasons: { engine: 4, heapgraph: 5 } });
  const everything = growth(before, after, { limit: Infinity, all: true });
  assert.equal(everything.map((r) => [r.name, r.delta]).sort(), [["(string)", 4], ["App", 3], ["Object", 5]]);
  assert.equal(everything.hidden.objects, 0);
  assert.equal(growth(before, after, { classes: "(string)" }).map((r) => [r.name, r.delta]), [["(string)", 4]]);
  assert.equal(growth(before, after, { limit: 1 }).hidden, rows.hidden, "hidden does not depend on the limit");
  // The tracker: what was hidden since its last update.
  const tracker = new GrowthTracker();
  assert.ok(tracker.update(before, { limit: Infinity }).hidden.objects > 0, "the first update hid every noise object");
  const grew = tracker.update(after, { limit: Infinity });
  assert.equal(grew.map((r) => [r.name, r.delta]), [["App", 3]]);
  assert.equal(grew.hidden, rows.hidden);
  assert.is(tracker.update(after).hidden.objects, 0, "nothing new since");
  // compare: by id; the synthetic heaps number their nodes alike, so the shared nodes are the same objects.
  const compared = compare(before, after, { stableIds: true });
  assert.ok(compared.every((r) => r.name !== "(string)" && !(r.name === "Object" && r.added === 5)));
  assert.ok(compared.hidden.objects > 0);
  assert.ok(compare(before, after, { stableIds: true, all: true }).length > compared.length);
});

test("typestats and mostCommonTypes count everything by default; classes, types and user narrow", () => {
  const { graph } = noisyHeap({ strings: 3 });
  const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
  assert.ok(typestats(graph).some((r) => r.name === "(string)"), "everything, as DevTools' Summary");
  assert.equal(names(typestats(graph, { user: true })), ["App", "Function", "HTMLDivElement", "Object", "global"]);
  assert.equal(names(mostCommonTypes(graph, { types: ["string"], limit: 2 })), ["(string)"]);
  assert.equal(typestats(graph, { classes: "App" }).map((r) => [r.name, r.count]), [["App", 1]]);
});

test(`growth (${runtime()}): a real leak in a child process is shown, no engine internal is; nothing the leak made is noise`, async () => {
  const { before, after } = await scenarioGraphs("objgraph-cache-leak", ["before", "after"]);
  const rows = growth(before, after, { limit: Infinity });
  assert.ok(rows.some((r) => r.name === "MyBigFatObject" && r.delta === 2), JSON.stringify(rows));
  assert.not.ok(rows.some((r) => /^\((compiled code|string|number|system|object shape|concatenated string|sliced string)\)$/.test(r.name)), "no engine internals");
  const mask = after.noiseMask();
  const { classOf, names } = after.classes();
  for (let o = 0; o < after.nodeCount; o++) if (names[classOf[o]] === "MyBigFatObject") assert.is(NOISE_REASONS[mask[o]], "user");
});

test.run();
