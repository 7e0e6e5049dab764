// Test helper for the query tests: real heap snapshots of the objgraph-* scenarios in
// testkit/scenarios (taken once per test-matrix run by testkit's takeRealSnapshot(s) and
// shared by the runtimes of the run), each indexed once per process.
import { HeapgraphError, readSnapshot, snapshotFromJson, type V8SnapshotJson } from "@heapgraph/snapshot";
import {
  currentRuntime,
  syntheticSnapshot,
  takeRealSnapshot,
  takeRealSnapshots,
  type SnapshotRuntime,
  type SyntheticSnapshotDescription,
} from "@heapgraph/testkit";
import * as assert from "uvu/assert";
import { buildGraph, QueryError, type HeapGraph } from "../src/index.ts";

/** The runtime whose snapshots a test looks at: the one running the test. */
export function runtime(): string {
  return currentRuntime();
}

const graphs = new Map<string, Promise<HeapGraph>>();

function load(file: string): Promise<HeapGraph> {
  let graph = graphs.get(file);
  if (!graph) {
    graph = readSnapshot(file).then((snapshot) => buildGraph(snapshot));
    graphs.set(file, graph);
  }
  return graph;
}

/** The graph of a single-snapshot scenario, taken by runtime `by` (default: the running one). */
export async function scenarioGraph(scenario: string, by = runtime()): Promise<HeapGraph> {
  return load(await takeRealSnapshot(by as SnapshotRuntime, scenario));
}

/** The graphs of a multi-snapshot scenario, by label, taken by runtime `by` (default: the running one). */
export async function scenarioGraphs<L extends string>(scenario: string, labels: readonly L[], by = runtime()): Promise<Record<L, HeapGraph>> {
  const files = await takeRealSnapshots(by as SnapshotRuntime, scenario, labels);
  const out = {} as Record<L, HeapGraph>;
  for (const label of labels) out[label] = await load(files[label]);
  return out;
}

/** A graph of a synthetic snapshot, with node keys to ordinals and ids. */
export function syntheticGraph(description: SyntheticSnapshotDescription): { graph: HeapGraph; at: Record<string, number>; id: Record<string, number> } {
  const s = syntheticSnapshot(description);
  return { graph: buildGraph(snapshotFromJson(s.json as unknown as V8SnapshotJson)), at: s.ordinal, id: s.id };
}

/** The one instance of a class, failing loudly when there are none or several. */
export function only(nodes: readonly { id: number }[], what: string): number {
  if (nodes.length !== 1) throw new Error(`expected exactly one ${what}, found ${nodes.length}`);
  return nodes[0].id;
}

/** Asserts that `fn` throws a {@link QueryError} (a HeapgraphError) with `code` (and a message matching `message`). */
export function throwsQuery(fn: () => unknown, code: string, message?: RegExp): void {
  try {
    fn();
  } catch (error) {
    assert.instance(error, QueryError);
    assert.instance(error, HeapgraphError, "a QueryError is a HeapgraphError");
    assert.is((error as QueryError).code, code);
    if (message) assert.match((error as Error).message, message);
    return;
  }
  assert.unreachable(`expected a QueryError ${code}`);
}
