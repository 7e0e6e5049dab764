import { test } from "uvu";
import * as assert from "uvu/assert";
import { syntheticSnapshot } from "@heapgraph/testkit";
import { snapshotFromJson } from "../src/index.ts";

test("columns follow meta, edge targets become ordinals", () => {
  for (const layout of ["node20", "node24", "legacy"] as const) {
    const s = syntheticSnapshot({
      layout,
      nodes: { a: { type: "object", name: "Foo", size: 32, detachedness: 2 }, b: { type: "closure", name: "bar", size: 8 } },
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

test.run();
