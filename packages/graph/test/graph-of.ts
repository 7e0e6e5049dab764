// Test helper: a heapgraph graph and DevTools' view of the same synthetic snapshot.
import * as assert from "uvu/assert";
import { snapshotFromJson, type HeapSnapshot, type V8SnapshotJson } from "@heapgraph/snapshot";
import { syntheticSnapshot, type SyntheticSnapshotDescription } from "@heapgraph/testkit";
import { buildGraph, type BuildGraphOptions, type HeapGraph } from "../src/index.ts";
import { compareClasses, compareNodes, devtoolsView, same, type DevToolsView } from "./devtools-oracle.ts";

export interface GraphOf {
  readonly graph: HeapGraph;
  /** The parsed snapshot the graph indexes. */
  readonly snapshot: HeapSnapshot;
  /** Node key to ordinal. */
  readonly at: Record<string, number>;
  readonly id: Record<string, number>;
  readonly text: string;
}

/** Builds the synthetic snapshot and indexes it. */
export function graphOf(description: SyntheticSnapshotDescription, options?: BuildGraphOptions): GraphOf {
  const s = syntheticSnapshot(description);
  const snapshot = snapshotFromJson(s.json as unknown as V8SnapshotJson);
  return { graph: buildGraph(snapshot, options), snapshot, at: s.ordinal, id: s.id, text: s.text };
}

/** Asserts that heapgraph and DevTools agree on every node and every class of the graph; returns DevTools' view. */
export async function assertSameAsDevTools(g: GraphOf): Promise<DevToolsView> {
  const devtools = await devtoolsView(g.text);
  const nodes = compareNodes(g.graph, devtools);
  assert.ok(same(nodes), `per-node differences with DevTools: ${JSON.stringify(nodes.counts)}\n${nodes.examples.join("\n")}`);
  const classes = compareClasses(g.graph, devtools);
  assert.ok(same(classes), `per-class differences with DevTools: ${JSON.stringify(classes.counts)}\n${classes.examples.join("\n")}`);
  // Same dominators when the full retainers were built first (they do not change what the dominators read).
  const other = buildGraph(g.snapshot);
  other.retainers();
  assert.equal(Array.from(other.dominators()), Array.from(devtools.dominator), "dominators after the full retainers");
  return devtools;
}

/** The immediate dominator of each named node, by key (the synthetic root is "(root)"). */
export function dominatorsByKey(g: GraphOf, keys: string[]): Record<string, string> {
  const byOrdinal = new Map(Object.entries(g.at).map(([k, o]) => [o, k]));
  const dominators = g.graph.dominators();
  return Object.fromEntries(keys.map((k) => [k, byOrdinal.get(dominators[g.at[k]]) ?? "?"]));
}

/** A value per named node, by key. */
export function byKey<T>(g: GraphOf, keys: string[], value: (ordinal: number) => T): Record<string, T> {
  return Object.fromEntries(keys.map((k) => [k, value(g.at[k])]));
}
