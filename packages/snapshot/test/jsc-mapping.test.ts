// The JavaScriptCore → V8 model mapping the README documents, on a hand-written JSC snapshot
// whose every node and edge is known: node types from class names and flags, ids, edge kinds
// and names, the "(GC roots)" node, and global objects reached by shortcuts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readSnapshot, type HeapSnapshot } from "../src/index.ts";

const CLASSES = ["<root>", "GlobalObject", "Foo", "string", "symbol", "BigInt", "Function", "Array", "RegExp", "Structure", "FunctionCodeBlock", "PropertyTable", "GeneratorFunction"];
const c = (name: string) => CLASSES.indexOf(name);
// [id, size, class, flags]
const NODES = [
  [0, 0, c("<root>"), 0],
  [7, 100, c("GlobalObject"), 0],
  [9, 32, c("Foo"), 2],
  [11, 20, c("string"), 0],
  [13, 16, c("symbol"), 1],
  [15, 24, c("BigInt"), 0],
  [17, 64, c("Function"), 0],
  [19, 40, c("Array"), 0],
  [21, 48, c("RegExp"), 0],
  [23, 96, c("Structure"), 1],
  [25, 128, c("FunctionCodeBlock"), 1],
  [27, 12, c("PropertyTable"), 1],
  [29, 64, c("GeneratorFunction"), 0],
];
const EDGE_TYPES = ["Internal", "Property", "Index", "Variable"];
const EDGE_NAMES = ["foo", "items", "count"];
// [from, to, type, data]
const EDGES = [
  [0, 7, 0, 0], // root → global: a shortcut
  [0, 7, 0, 0], // again: under (GC roots)
  [0, 23, 0, 0], // root → structure: under (GC roots)
  [7, 9, 1, 0], // global.foo = Foo
  [9, 19, 1, 1], // Foo.items = Array
  [19, 11, 2, 4], // Array[4] = string
  [17, 9, 3, 2], // closure context variable "count" → Foo
  [9, 23, 0, 0], // Foo → its structure (internal)
];

function jscText(): string {
  return JSON.stringify({ version: 2, type: "Inspector", nodes: NODES.flat(), nodeClassNames: CLASSES, edges: EDGES.flat(), edgeTypes: EDGE_TYPES, edgeNames: EDGE_NAMES });
}

function ordinalOfJscId(snap: HeapSnapshot, id: number): number {
  return snap.nodeId.indexOf(id === 0 ? 1 : 2 * id + 3);
}

function edgesOf(snap: HeapSnapshot, ordinal: number): string[] {
  const out: string[] = [];
  for (let e = snap.firstEdge[ordinal]; e < snap.firstEdge[ordinal + 1]; e++) {
    const type = snap.edgeTypeNames[snap.edgeType[e]];
    const label = type === "element" ? String(snap.edgeNameOrIndex[e]) : snap.strings[snap.edgeNameOrIndex[e]];
    out.push(`${type}:${label}->${snap.strings[snap.nodeName[snap.edgeTarget[e]]]}`);
  }
  return out;
}

test("node kinds, names, sizes and ids", async () => {
  const snap = await readSnapshot(jscText());
  assert.is(snap.format, "jsc");
  assert.is(snap.nodeCount, NODES.length + 1, "plus (GC roots)");
  assert.is(snap.edgeCount, EDGES.length + 1, "plus root → (GC roots)");
  const expected: Record<string, string> = {
    "<root>": "synthetic", GlobalObject: "object", Foo: "object", string: "string", symbol: "symbol", BigInt: "bigint", Function: "closure",
    Array: "array", RegExp: "regexp", Structure: "object shape", FunctionCodeBlock: "code", PropertyTable: "object shape", GeneratorFunction: "closure",
  };
  for (const [id, size, cls, flags] of NODES) {
    const o = ordinalOfJscId(snap, id);
    assert.ok(o >= 0, `JSC node ${id} is there`);
    assert.is(snap.strings[snap.nodeName[o]], CLASSES[cls], "the class name is the node name");
    assert.is(snap.nodeTypeNames[snap.nodeType[o]], expected[CLASSES[cls]], CLASSES[cls]);
    assert.is(snap.nodeSelfSize[o], size);
    assert.is(snap.extraNodeFields.get("jsc_flags")![o], flags, "flags are carried");
  }
  assert.is(snap.rootOrdinal, ordinalOfJscId(snap, 0));
  assert.is(snap.nodeId[snap.rootOrdinal], 1, "the root's id is V8's");
  const gc = snap.nodeCount - 1;
  assert.is(snap.strings[snap.nodeName[gc]], "(GC roots)");
  assert.is(snap.nodeTypeNames[snap.nodeType[gc]], "synthetic");
  assert.is(snap.nodeId[gc], 3);
  assert.is(snap.nodeDetachedness, null);
  assert.is(snap.nodeTraceId, null);
});

test("edge kinds and names; the root keeps one shortcut per global, the rest goes under (GC roots)", async () => {
  const snap = await readSnapshot(jscText());
  assert.equal(edgesOf(snap, snap.rootOrdinal), ["element:1->(GC roots)", "shortcut:GlobalObject->GlobalObject"]);
  assert.equal(edgesOf(snap, snap.nodeCount - 1), ["element:1->GlobalObject", "element:2->Structure"]);
  assert.equal(edgesOf(snap, ordinalOfJscId(snap, 7)), ["property:foo->Foo"]);
  assert.equal(edgesOf(snap, ordinalOfJscId(snap, 9)), ["property:items->Array", "internal:->Structure"]);
  assert.equal(edgesOf(snap, ordinalOfJscId(snap, 19)), ["element:4->string"]);
  assert.equal(edgesOf(snap, ordinalOfJscId(snap, 17)), ["context:count->Foo"]);
});

test("nodes in any order, ids far apart, any key order", async () => {
  const shuffled = [...NODES].reverse().map(([id, ...rest]) => [id === 0 ? 0 : id * 1_000_003, ...rest]);
  const edges = EDGES.map(([from, to, ...rest]) => [from * 1_000_003, to * 1_000_003, ...rest]);
  const text = JSON.stringify({ type: "Inspector", version: 3, edgeNames: EDGE_NAMES, edges: edges.flat(), edgeTypes: EDGE_TYPES, nodeClassNames: CLASSES, nodes: shuffled.flat() });
  const snap = await readSnapshot(text);
  const foo = snap.nodeId.indexOf(2 * 9 * 1_000_003 + 3);
  assert.equal(edgesOf(snap, foo), ["property:items->Array", "internal:->Structure"]);
  assert.is(snap.rootOrdinal, NODES.length - 1, "the root is where the file put it");
  assert.is(snap.header.root_index, snap.rootOrdinal * snap.header.meta.node_fields.length);
});

test.run();
