// Real snapshots of testkit/scenarios/sample.mjs taken by Node 20, Node 24, Deno and Bun (V8 and
// JavaScriptCore formats), and the committed Chromium snapshot of a page with detached DOM nodes:
// each is read, checked against an independent JSON.parse of the same file, searched for objects
// the scenario made, written back and read again, and opened by DevTools' own loader.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as devtoolsParse } from "heap-snapshot-toolkit";
import { readSnapshot, writeSnapshot, type HeapSnapshot } from "../src/index.ts";
import { takeRealSnapshot } from "@heapgraph/testkit";
import {
  ALL_SAMPLE_RUNTIMES, CHROME_FIXTURE, chromeFixtureText, edgeNames, edgeTarget, nodesNamed, SAMPLE_SCENARIO, sampleSnapshot, snapshotDifferences,
  testWithSamples,
} from "./reader-helpers.ts";

interface V8Json {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[] }; node_count: number; edge_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
  locations?: number[];
}

/** Each node's edge count from the `firstEdge` prefix sum (the file's `edge_count` field). */
function edgeCounts(snap: HeapSnapshot): Float64Array {
  const counts = new Float64Array(snap.nodeCount);
  for (let i = 0; i < snap.nodeCount; i++) counts[i] = snap.firstEdge[i + 1] - snap.firstEdge[i];
  return counts;
}

/** Every column against the parsed JSON, field by field from meta. */
function assertMatchesJson(snap: HeapSnapshot, json: V8Json, label: string): void {
  const meta = json.snapshot.meta;
  const F = meta.node_fields.length, E = meta.edge_fields.length;
  assert.is(snap.nodeCount, json.snapshot.node_count, `${label}: node_count`);
  assert.is(snap.edgeCount, json.snapshot.edge_count, `${label}: edge_count`);
  assert.is(json.nodes.length, snap.nodeCount * F, `${label}: nodes length`);
  const col: Record<string, ArrayLike<number> | null> = {
    type: snap.nodeType, name: snap.nodeName, id: snap.nodeId, self_size: snap.nodeSelfSize, edge_count: edgeCounts(snap),
    trace_node_id: snap.nodeTraceId, detachedness: snap.nodeDetachedness,
  };
  meta.node_fields.forEach((field, k) => {
    const c = col[field] ?? snap.extraNodeFields.get(field) ?? null;
    for (let i = 0; i < snap.nodeCount; i++) {
      const expected = json.nodes[i * F + k];
      const actual = c ? c[i] : 0; // a null trace column means all zero
      if (actual !== expected) assert.unreachable(`${label}: node ${i} field ${field}: ${actual} instead of ${expected}`);
    }
  });
  const t = meta.edge_fields.indexOf("type"), n = meta.edge_fields.indexOf("name_or_index"), to = meta.edge_fields.indexOf("to_node");
  for (let e = 0; e < snap.edgeCount; e++) {
    if (snap.edgeType[e] !== json.edges[e * E + t] || snap.edgeNameOrIndex[e] !== json.edges[e * E + n] || snap.edgeTarget[e] * F !== json.edges[e * E + to]) {
      assert.unreachable(`${label}: edge ${e} differs`);
    }
  }
  assert.is(snap.firstEdge[0], 0, `${label}: firstEdge start`);
  assert.is(snap.firstEdge[snap.nodeCount], snap.edgeCount, `${label}: firstEdge end`);
  assert.equal(snap.strings.length, json.strings.length, `${label}: string count`);
  for (let k = 0; k < json.strings.length; k++) if (snap.strings[k] !== json.strings[k]) assert.unreachable(`${label}: string ${k}`);
}

/** What DevTools' loader (heap-snapshot-toolkit) makes of a file: its node count, or its error. */
async function devtoolsVerdict(file: string): Promise<string> {
  const text = readFileSync(file, "utf8");
  const stream = new ReadableStream<string>({
    start(controller) {
      for (let at = 0; at < text.length; at += 1 << 20) controller.enqueue(text.slice(at, at + (1 << 20)));
      controller.close();
    },
  });
  try {
    const devtools = (await devtoolsParse(stream as never)) as { nodeCount: number };
    return `${devtools.nodeCount} nodes`;
  } catch (error) {
    return `fails: ${String(error)}`;
  }
}

/**
 * Writes `snap`, reads it back, and has DevTools' loader open the file: it must read as many nodes,
 * or, given the `original` file, do exactly what it does with the original.
 */
async function assertRoundTrip(snap: HeapSnapshot, label: string, original?: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "heapgraph-roundtrip-"));
  try {
    const file = join(dir, "out.heapsnapshot");
    await writeSnapshot(snap, file);
    const again = await readSnapshot(file);
    assert.equal(snapshotDifferences(snap, again, snap.format === "jsc"), [], `${label}: read → write → read`);
    const expected = original ? await devtoolsVerdict(original) : `${snap.nodeCount} nodes`;
    assert.is(await devtoolsVerdict(file), expected, `${label}: DevTools reads the written file as it reads the original`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where `const tick =` is in the scenario: 0-based line, and the column of its arrow function. */
function tickPosition(): { line: number; column: number } {
  const lines = readFileSync(SAMPLE_SCENARIO, "utf8").split("\n");
  const line = lines.findIndex((l) => l.startsWith("const tick = "));
  return { line, column: lines[line].indexOf("() =>") };
}

for (const runtime of ALL_SAMPLE_RUNTIMES) {
  testWithSamples(runtime)(`${runtime}: a real snapshot reads into the columns its JSON holds`, async () => {
    const file = await sampleSnapshot(runtime);
    const snap = await readSnapshot(file);
    const json = JSON.parse(readFileSync(file, "utf8"));
    if (runtime === "bun-jsc") {
      assert.is(snap.format, "jsc");
      assert.is(snap.nodeCount, json.nodes.length / 4 + 1, "JSC nodes plus (GC roots)");
      assert.is(snap.edgeCount, json.edges.length / 4 + 1, "JSC edges plus root → (GC roots)");
      // Every JSC edge is there, between the same two nodes (the root's moved under "(GC roots)").
      const jscId = (v8Id: number) => (v8Id === 1 || v8Id === 3 ? 0 : (v8Id - 3) / 2);
      const fromSnapshot: string[] = [];
      for (let o = 0; o < snap.nodeCount; o++) {
        for (let e = snap.firstEdge[o]; e < snap.firstEdge[o + 1]; e++) {
          if (snap.nodeId[o] === 1 && snap.nodeId[snap.edgeTarget[e]] === 3) continue;
          fromSnapshot.push(`${jscId(snap.nodeId[o])}>${jscId(snap.nodeId[snap.edgeTarget[e]])}`);
        }
      }
      const fromJson: string[] = [];
      for (let k = 0; k < json.edges.length; k += 4) fromJson.push(`${json.edges[k]}>${json.edges[k + 1]}`);
      assert.equal(fromSnapshot.sort(), fromJson.sort());
      const classOf = new Map<number, string>();
      for (let k = 0; k < json.nodes.length; k += 4) classOf.set(json.nodes[k], json.nodeClassNames[json.nodes[k + 2]]);
      for (let o = 0; o < snap.nodeCount; o++) {
        if (snap.nodeId[o] === 3) continue;
        if (snap.strings[snap.nodeName[o]] !== classOf.get(jscId(snap.nodeId[o]))) assert.unreachable(`node ${o} has the wrong class`);
      }
    } else {
      assert.is(snap.format, "v8");
      assertMatchesJson(snap, json, runtime);
    }
  });

  test(`${runtime}: the scenario's Customer and Order objects are there with their properties`, async () => {
    const snap = await readSnapshot(await sampleSnapshot(runtime));
    const customers = nodesNamed(snap, "Customer", "object");
    assert.is(customers.length, 10, "10 customers");
    for (const c of customers) {
      const names = edgeNames(snap, c);
      assert.ok(names.includes("name") && names.includes("orders"), `a Customer's edges: ${names.join(", ")}`);
    }
    const orders = nodesNamed(snap, "Order", "object");
    assert.ok(orders.length >= 30, `${orders.length} orders`);
    for (const o of orders) {
      const names = edgeNames(snap, o);
      // `id` is a small integer: stored inline, no edge.
      assert.ok(["items", "note"].every((n) => names.includes(n)), `an Order's edges: ${names.join(", ")}`);
    }
    if (snap.format === "v8") {
      const customerNames = customers.map((c) => snap.strings[snap.nodeName[edgeTarget(snap, c, "name")]]).sort();
      assert.equal(customerNames, Array.from({ length: 10 }, (_, i) => `customer-${i}`).sort());
      const greeting = snap.strings.find((s) => s.startsWith("héllo wörld "));
      assert.ok(greeting, "the non-ASCII string is decoded");
    }
  });

  if (runtime !== "bun" && runtime !== "bun-jsc") {
    test(`${runtime}: the closure's location is its source line (object_index → ordinal)`, async () => {
      const snap = await readSnapshot(await sampleSnapshot(runtime));
      const { line, column } = tickPosition();
      const loc = snap.locations;
      assert.ok(loc && loc.count > 0, "the snapshot has locations");
      const ticks = nodesNamed(snap, "tick", "closure");
      assert.ok(ticks.length >= 1, "the tick closure is there");
      const positions = ticks.flatMap((t) => {
        const k = Array.from(loc.objectOrdinal).indexOf(t);
        return k < 0 ? [] : [[loc.line[k], loc.column[k]]];
      });
      assert.equal(positions, [[line, column]]);
    });
  }

  test(`${runtime}: read → write → read gives identical columns, and DevTools opens the file`, async () => {
    const snap = await readSnapshot(await sampleSnapshot(runtime));
    await assertRoundTrip(snap, runtime);
  });
}

for (const runtime of ["node20", "node24"] as const) {
  testWithSamples(runtime)(`${runtime} --track-heap-objects: real allocation traces are read and written back as V8 wrote them`, async () => {
    const file = await takeRealSnapshot(runtime, "sample", { runtimeArgs: ["--track-heap-objects"] });
    const snap = await readSnapshot(file);
    const json = JSON.parse(readFileSync(file, "utf8"));
    assertMatchesJson(snap, json, `${runtime} tracked`);
    const traces = snap.traces;
    assert.ok(traces, "traces are there");
    assert.equal([...traces.functionInfos], json.trace_function_infos);
    assert.equal([...traces.samples], json.samples);
    const flat: number[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) {
        flat.push(-1);
        v.forEach(walk);
        flat.push(-2);
      } else flat.push(v as number);
    };
    (json.trace_tree as unknown[]).forEach(walk);
    assert.equal([...traces.tree], flat, "the trace tree with its nesting");
    assert.ok(snap.nodeTraceId && snap.nodeTraceId.some((id) => id !== 0), "nodes carry trace ids");
    // DevTools' loader trusts trace_function_count, which V8 writes before adding functions (and then
    // fails on V8's own file); on ours it must do exactly what it does on the original.
    await assertRoundTrip(snap, `${runtime} tracked`, file);
  });
}

test("chromium: the committed snapshot reads into the columns its JSON holds", async () => {
  const snap = await readSnapshot(CHROME_FIXTURE);
  const json = JSON.parse(chromeFixtureText());
  assertMatchesJson(snap, json, "chromium");
  assert.ok(snap.locations?.extraFields?.has("script_object_index"), "Chrome's fifth location field is carried");
  for (const key of Object.keys(json)) {
    if (!["snapshot", "nodes", "edges", "trace_function_infos", "trace_tree", "samples", "locations", "strings"].includes(key)) {
      assert.equal(snap.extraSections.get(key), json[key], `section ${key} carried as JSON`);
    }
  }
});

test("chromium: exactly the two removed <li> are detached, and the widgets hold them", async () => {
  const snap = await readSnapshot(CHROME_FIXTURE);
  const detached = snap.nodeDetachedness!;
  const gone: number[] = [];
  for (let o = 0; o < snap.nodeCount; o++) if (detached[o] === 2) gone.push(o);
  assert.equal(gone.map((o) => `${snap.nodeTypeNames[snap.nodeType[o]]} ${snap.strings[snap.nodeName[o]]}`), ["native <li>", "native <li>"]);
  const widgets = nodesNamed(snap, "Widget", "object").filter((w) => edgeTarget(snap, w, "el") >= 0);
  assert.is(widgets.length, 4);
  const states = widgets.map((w) => detached[edgeTarget(snap, w, "el")]).sort();
  assert.equal(states, [1, 1, 2, 2], "two attached, two detached");
});

test("chromium: read → write → read gives identical columns, and DevTools opens the file", async () => {
  await assertRoundTrip(await readSnapshot(CHROME_FIXTURE), "chromium");
});

test.run();
