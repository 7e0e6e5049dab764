// duplicateStrings counts concatenated strings by their full text (issue 14, item 7): strings
// built in a loop are V8 `concatenated string` nodes, the commonest way duplicates pile up.
// Their text is built from the parts, iteratively, within a stated memory budget.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { testWhen } from "@heapgraph/testkit";
import { snapshotFromJson, type V8SnapshotJson } from "@heapgraph/snapshot";
import { buildGraph, DEFAULT_TEXT_BUDGET, duplicateStrings } from "../src/index.ts";
import { runtime, throwsQuery } from "./queries-snapshots.ts";
import { truthsGraph, v8Heap } from "./smaller-truths.ts";

const COPY = "customer-record-4242-of-the-month";

test(`40 copies built by + are one row (${runtime()}); parts and prefixes are not copies`, async () => {
  const graph = await truthsGraph();
  const rows = duplicateStrings(graph, { limit: Infinity });
  const row = rows.find((r) => r.value === COPY);
  assert.ok(row, "the concatenated copies are found");
  assert.is(row!.count, 40);
  assert.is(row!.concatenated, 40);
  assert.is(row!.length, COPY.length);
  assert.is(row!.wastedBytes, row!.totalSize - row!.size);
  for (const id of row!.ids) assert.is(graph.nodeById(id)!.type, "concatenated string");
  // The inner part "customer-record-4242" is held only by the copies: not a row of its own.
  assert.not.ok(rows.some((r) => r.value === "customer-record-4242"), "parts of held strings are not copies");
  // The growing chain's strings are all different.
  assert.not.ok(rows.some((r) => r.value.startsWith("start-segment-0")), "a prefix chain has no duplicates");
  assert.is(rows.notMaterialized, 0, "the default budget is ample here");
  assert.is(rows.textBudget, DEFAULT_TEXT_BUDGET);
});

testWhen(v8Heap, "Bun names its ropes by their text and writes their parts without names")(`a V8 copy costs its cells; sliced parts make the text unknown (${runtime()})`, async () => {
  const graph = await truthsGraph();
  const rows = duplicateStrings(graph, { limit: Infinity });
  const row = rows.find((r) => r.value === COPY)!;
  // Each copy owns its two cells (the outer one and "customer-record-" + id); the literal tail is shared.
  assert.ok(row.size >= 2 * graph.node(graph.ordinalOfId(row.ids[0])).selfSize, `size ${row.size}`);
  assert.ok(rows.unknownText >= 5, `unknownText ${rows.unknownText}`);
});

test(`a small budget builds less text and says how much it left (${runtime()})`, async () => {
  const graph = await truthsGraph();
  const none = duplicateStrings(graph, { limit: Infinity, textBudget: 0 });
  assert.not.ok(none.some((r) => r.value === COPY), "with no budget, no concatenated text is built");
  assert.ok(none.notMaterialized >= 40, `notMaterialized ${none.notMaterialized}`);
  assert.ok(none.every((r) => r.concatenated === 0));
  const some = duplicateStrings(graph, { limit: Infinity, textBudget: 20 * COPY.length * 2 });
  const partial = some.find((r) => r.value === COPY);
  assert.ok(!partial || partial.count <= 20, "at most the copies the budget pays for");
  assert.ok(some.notMaterialized > 0);
  throwsQuery(() => duplicateStrings(graph, { textBudget: -1 }), "INVALID_OPTIONS", /textBudget/);
});

/**
 * A snapshot written directly (the synthetic-snapshot helper is too slow for 100,000 nodes): a
 * global holding two chains of `depth` concatenated cells, ((("ab" + "ab") + "ab") ...), sharing
 * the leaf "ab", and a flat "xyz-flat-copy" next to a concatenated one ("xyz-" + "flat-copy").
 */
function deepChains(depth: number) {
  const strings = ["", "global", "ab", "(concatenated string)", "first", "second", "p", "q", "xyz-flat-copy", "xyz-", "flat-copy", "flat", "cons"];
  const S = (s: string) => strings.indexOf(s);
  const [SYNTHETIC, OBJECT, STRING, CONS] = [9, 3, 2, 10];
  const [ELEMENT, PROPERTY, INTERNAL] = [1, 2, 3];
  const F = 5;
  const nodes: number[] = [];
  const edges: number[] = [];
  const node = (type: number, name: number, size: number, edgeCount: number) => nodes.push(type, name, nodes.length / F * 2 + 1, size, edgeCount) / F - 1;
  // Ordinals: 0 root, 1 global, 2 leaf, 3 flat, 4 fa, 5 fb, 6 c1, then the chains.
  const chain = (c: number) => 7 + c * depth;
  node(SYNTHETIC, 0, 0, 1);
  edges.push(ELEMENT, 1, 1 * F);
  node(OBJECT, S("global"), 40, 4);
  edges.push(PROPERTY, S("p"), (chain(0) + depth - 1) * F, PROPERTY, S("q"), (chain(1) + depth - 1) * F, PROPERTY, S("flat"), 3 * F, PROPERTY, S("cons"), 6 * F);
  node(STRING, S("ab"), 16, 0);
  node(STRING, S("xyz-flat-copy"), 32, 0);
  node(STRING, S("xyz-"), 16, 0);
  node(STRING, S("flat-copy"), 24, 0);
  node(CONS, S("(concatenated string)"), 32, 2);
  edges.push(INTERNAL, S("first"), 4 * F, INTERNAL, S("second"), 5 * F);
  for (let c = 0; c < 2; c++) {
    for (let k = 0; k < depth; k++) {
      node(CONS, S("(concatenated string)"), 32, 2);
      edges.push(INTERNAL, S("first"), (k === 0 ? 2 : chain(c) + k - 1) * F, INTERNAL, S("second"), 2 * F);
    }
  }
  const json = {
    snapshot: {
      meta: {
        node_fields: ["type", "name", "id", "self_size", "edge_count"],
        node_types: [["hidden", "array", "string", "object", "code", "closure", "regexp", "number", "native", "synthetic", "concatenated string", "sliced string"], "string", "number", "number", "number"],
        edge_fields: ["type", "name_or_index", "to_node"],
        edge_types: [["context", "element", "property", "internal", "hidden", "shortcut", "weak"], "string_or_number", "node"],
      },
      node_count: nodes.length / F,
      edge_count: edges.length / 3,
    },
    nodes,
    edges,
    strings,
  };
  return buildGraph(snapshotFromJson(json as unknown as V8SnapshotJson));
}

test("deep concatenations are read without recursion; a flat and a concatenated copy of one text are one row", () => {
  const DEPTH = 20_000; // deeper than any recursion the JavaScript stack allows
  const graph = deepChains(DEPTH);
  const rows = duplicateStrings(graph, { limit: Infinity });
  const deep = rows.find((r) => r.length === 2 * (DEPTH + 1));
  assert.ok(deep, "the two deep chains are copies of each other");
  assert.is(deep!.count, 2);
  assert.is(deep!.value, "ab".repeat(100), "value cut at 200 characters");
  assert.is(deep!.size, DEPTH * 32, "each chain owns its cells; the shared leaf is not counted");
  const mixed = rows.find((r) => r.value === "xyz-flat-copy");
  assert.ok(mixed);
  assert.equal([mixed!.count, mixed!.concatenated], [2, 1]);
  assert.is(mixed!.size, 32 + 16 + 24, "the concatenated copy with the two parts only it holds");
  assert.is(mixed!.wastedBytes, 32);
});

test.run();
