// Counting queries need classes and shallow sizes only: they must not pay for the dominator tree,
// retained sizes or distances. The graph's progress callback says which phases ran.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SyntheticNode } from "@heapgraph/testkit";
import { count, countsByQualifiedName, growth, mostCommonTypes, type GraphPhase } from "../src/index.ts";
import { graphOf } from "./graph-of.ts";

const obj = (name: string, size: number): SyntheticNode => ({ type: "object", name, size });

/** A small heap: a global holding items, each with its elements array; a WeakMap-free, cycle-free tree. */
function itemsHeap(items: number) {
  const phases = new Set<GraphPhase>();
  const nodes: Record<string, SyntheticNode> = { g: obj("Global", 8) };
  const edges: [string, "property" | "internal", string, string][] = [];
  for (let i = 0; i < items; i++) {
    nodes[`item${i}`] = obj("Item", 32);
    nodes[`elements${i}`] = { type: "array", name: "(object elements)", size: 16 };
    edges.push(["g", "property", `i${i}`, `item${i}`], [`item${i}`, "internal", "elements", `elements${i}`]);
  }
  const g = graphOf({ nodes, roots: ["g"], edges }, { onProgress: ({ phase }) => phases.add(phase) });
  return { ...g, phases };
}

/** The phases a counting query may run. */
const COUNTING_PHASES: readonly GraphPhase[] = ["detachedness", "classes", "shallow sizes"];

function assertCountingOnly(phases: Set<GraphPhase>, what: string): void {
  const extra = [...phases].filter((phase) => !COUNTING_PHASES.includes(phase));
  assert.equal(extra, [], `${what} ran ${extra.join(", ")}`);
  assert.ok(phases.has("classes"), `${what} reported its classes phase`);
}

test("count: classes and shallow sizes only, no dominators, retained sizes or distances", () => {
  const { graph, phases, at } = itemsHeap(5);
  assert.is(count(graph, "Item"), 5);
  assertCountingOnly(phases, "count");
  // Among given nodes too.
  assert.is(count(graph, "Item", { nodes: [graph.node(at.item0), graph.node(at.elements0), graph.node(at.g)] }), 1);
  assertCountingOnly(phases, "count with nodes");
});

test("countsByQualifiedName and growth: no dominator work, with or without the noise filter", () => {
  const before = itemsHeap(2), after = itemsHeap(5);
  assert.is(countsByQualifiedName(after.graph, "test", { all: true }).classes.get("Item")?.count, 5);
  assertCountingOnly(after.phases, "countsByQualifiedName (all)");
  assert.is(countsByQualifiedName(after.graph, "test").classes.get("Item")?.count, 5);
  assertCountingOnly(after.phases, "countsByQualifiedName (noise filter)");
  const rows = growth(before.graph, after.graph);
  assert.is(rows.find((r) => r.name === "Item")?.delta, 3);
  assertCountingOnly(before.phases, "growth (before)");
  assertCountingOnly(after.phases, "growth (after)");
});

test("the check can fail: mostCommonTypes has retained sizes, so it runs the dominators (but no distances: a summary prints none)", () => {
  const { graph, phases } = itemsHeap(3);
  const rows = mostCommonTypes(graph, { limit: Infinity });
  assert.is(rows.find((r) => r.name === "Item")?.retainedSize, 3 * (32 + 16));
  assert.ok(phases.has("dominators") && phases.has("retained sizes"), `phases seen: ${[...phases].join(", ")}`);
  assert.not.ok(phases.has("distances"), `phases seen: ${[...phases].join(", ")}`);
  const itemClass = graph.classes().names.indexOf("Item");
  assert.is(graph.classDistances()[itemClass], 2, "the class's smallest distance, asked for apart");
  assert.ok(phases.has("distances"));
});

test.run();
