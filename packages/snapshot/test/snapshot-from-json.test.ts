import { test } from "uvu";
import * as assert from "uvu/assert";
import { syntheticSnapshot } from "@heapgraph/testkit";
import { readSnapshot, snapshotFromJson, SnapshotFormatError } from "../src/index.ts";
import { snapshotDifferences } from "./reader-helpers.ts";

test("columns follow meta, edge targets become ordinals", () => {
  for (const layout of ["node20", "node24", "legacy"] as const) {
    const s = syntheticSnapshot({
      layout,
      nodes: { a: { type: "object", name: "Foo", size: 32, detachedness: 2, traceNodeId: 4 }, b: { type: "closure", name: "bar", size: 8 } },
      roots: ["a"],
      edges: [["a", "property", "bar", "b"], ["b", "context", "x", "a"]],
      locations: [{ node: "b", scriptId: 7, line: 12, column: 3 }],
    });
    const snap = snapshotFromJson(s.json as never);
    assert.is(snap.nodeCount, 4, layout);
    assert.is(snap.edgeCount, 4, layout);
    const a = s.ordinal.a, b = s.ordinal.b;
    assert.is(snap.nodeTypeNames[snap.nodeType[a]], "object");
    assert.is(snap.strings[snap.nodeName[a]], "Foo");
    assert.is(snap.nodeSelfSize[a], 32);
    assert.is(snap.nodeDetachedness?.[a] ?? null, layout === "legacy" ? null : 2);
    assert.is(snap.nodeTraceId === null, layout !== "node20");
    const e = snap.firstEdge[a];
    assert.is(snap.edgeTypeNames[snap.edgeType[e]], "property");
    assert.is(snap.strings[snap.edgeNameOrIndex[e]], "bar");
    assert.is(snap.edgeTarget[e], b);
    assert.is(snap.locations?.objectOrdinal[0], b);
    assert.is(snap.locations?.line[0], 12);
  }
});

test("the same snapshot as readSnapshot of the text, with the same checks", async () => {
  const s = syntheticSnapshot({
    nodes: { a: { type: "object", name: "Foo \"é\" 😀", size: 32 } },
    roots: ["a"],
    locations: [{ node: "a", scriptId: 1, line: 2, column: 3 }],
  });
  const fromJson = snapshotFromJson(s.json as never);
  assert.equal(snapshotDifferences(fromJson, await readSnapshot(s.text)), []);
  const typed = { ...s.json, nodes: new Float64Array(s.json.nodes), edges: Uint32Array.from(s.json.edges) };
  assert.equal(snapshotDifferences(snapshotFromJson(typed as never), fromJson), [], "typed arrays as sections");
  const lying = { ...s.json, snapshot: { ...s.json.snapshot, node_count: 99 } };
  try {
    snapshotFromJson(lying as never);
    assert.unreachable("a lying header must fail");
  } catch (error) {
    assert.instance(error, SnapshotFormatError);
    assert.is((error as SnapshotFormatError).code, "COUNT_MISMATCH");
  }
});

test.run();
