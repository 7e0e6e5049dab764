// Test helper: what Chrome DevTools' own worker code (npm heap-snapshot-toolkit) computes for a
// snapshot, per node and per class, and a comparison with a heapgraph graph.
import { parse } from "heap-snapshot-toolkit";
import type { HeapGraph } from "../src/index.ts";

/** DevTools' numbers for every node (by ordinal) and its Summary view's classes (by class key). */
export interface DevToolsView {
  readonly nodeCount: number;
  readonly className: string[];
  readonly selfSize: Float64Array;
  readonly retainedSize: Float64Array;
  readonly distance: Int32Array;
  readonly dominator: Uint32Array;
  readonly detached: Uint8Array;
  readonly aggregates: Record<string, { count: number; self: number; maxRet: number; distance: number; name: string }>;
}

/** Runs DevTools' loader and worker code on snapshot text (as a web stream, which all runtimes have). */
export async function devtoolsView(text: string): Promise<DevToolsView> {
  const stream = new ReadableStream<string>({
    start(controller) {
      // Chunks like a file stream's, so the loader's incremental parser is exercised as in DevTools.
      for (let i = 0; i < text.length; i += 1 << 20) controller.enqueue(text.slice(i, i + (1 << 20)));
      controller.close();
    },
  });
  const snapshot = await parse(stream as ReadableStream);
  // The worker's columns are not in its published types; they are plain fields of the instance.
  const s = snapshot as unknown as {
    nodeCount: number;
    nodeFieldCount: number;
    dominatorsTree: Uint32Array;
    createNode(index: number): {
      nodeIndex: number;
      className(): string;
      selfSize(): number;
      retainedSize(): number;
      distance(): number;
      detachedness(): number;
    };
    aggregatesWithFilter(filter: object): DevToolsView["aggregates"];
  };
  const n = s.nodeCount;
  const view = {
    nodeCount: n,
    className: new Array<string>(n),
    selfSize: new Float64Array(n),
    retainedSize: new Float64Array(n),
    distance: new Int32Array(n),
    dominator: Uint32Array.from(s.dominatorsTree),
    detached: new Uint8Array(n),
    aggregates: s.aggregatesWithFilter({}),
  };
  const node = s.createNode(0);
  for (let o = 0; o < n; o++) {
    node.nodeIndex = o * s.nodeFieldCount;
    view.className[o] = node.className();
    view.selfSize[o] = node.selfSize();
    view.retainedSize[o] = node.retainedSize();
    view.distance[o] = node.distance();
    view.detached[o] = node.detachedness() === 2 ? 1 : 0;
  }
  return view;
}

/** Per-field mismatch counts between a graph and DevTools, with a few examples of each. */
export interface Differences {
  readonly counts: Record<string, number>;
  readonly examples: string[];
}

/** Compares every node's class name, shallow size, retained size, distance, dominator and detachedness. */
export function compareNodes(graph: HeapGraph, devtools: DevToolsView): Differences {
  const counts: Record<string, number> = { nodes: 0, className: 0, selfSize: 0, retainedSize: 0, distance: 0, dominator: 0, detached: 0 };
  const examples: string[] = [];
  const classes = graph.classes(), self = graph.selfSizes(), retained = graph.retainedSizes();
  const distances = graph.distances(), dominators = graph.dominators(), detachedness = graph.detachedness();
  if (devtools.nodeCount !== graph.nodeCount) counts.nodes++;
  const note = (field: string, o: number, theirs: unknown, ours: unknown) => {
    counts[field]++;
    if (examples.length < 10) examples.push(`${field} of #${o} (${devtools.className[o]}): DevTools ${String(theirs)}, heapgraph ${String(ours)}`);
  };
  for (let o = 0; o < graph.nodeCount; o++) {
    const className = classes.names[classes.classOf[o]];
    if (className !== devtools.className[o]) note("className", o, devtools.className[o], className);
    if (self[o] !== devtools.selfSize[o]) note("selfSize", o, devtools.selfSize[o], self[o]);
    if (retained[o] !== devtools.retainedSize[o]) note("retainedSize", o, devtools.retainedSize[o], retained[o]);
    if (distances[o] !== devtools.distance[o]) note("distance", o, devtools.distance[o], distances[o]);
    if (dominators[o] !== devtools.dominator[o]) note("dominator", o, devtools.dominator[o], dominators[o]);
    if ((detachedness[o] === 2 ? 1 : 0) !== devtools.detached[o]) note("detached", o, devtools.detached[o], detachedness[o]);
  }
  return { counts, examples };
}

/** Compares the Summary view: count, shallow size, retained size and distance of every class, by class key. */
export function compareClasses(graph: HeapGraph, devtools: DevToolsView): Differences {
  const counts: Record<string, number> = { classes: 0, missing: 0, extra: 0, count: 0, selfSize: 0, retainedSize: 0, distance: 0 };
  const examples: string[] = [];
  const { keys } = graph.classes();
  const stats = graph.classStats(), distance = graph.classDistances();
  const ours = new Map(keys.map((k, i) => [k, i]));
  const note = (field: string, key: string, theirs: unknown, ours: unknown) => {
    counts[field]++;
    if (examples.length < 10) examples.push(`${field} of class ${key}: DevTools ${String(theirs)}, heapgraph ${String(ours)}`);
  };
  for (const [key, a] of Object.entries(devtools.aggregates)) {
    counts.classes++;
    const c = ours.get(key);
    if (c === undefined) {
      note("missing", key, a.count, "none");
      continue;
    }
    if (a.count !== stats.count[c]) note("count", key, a.count, stats.count[c]);
    if (a.self !== stats.selfSize[c]) note("selfSize", key, a.self, stats.selfSize[c]);
    if (a.maxRet !== stats.retainedSize[c]) note("retainedSize", key, a.maxRet, stats.retainedSize[c]);
    if (a.distance !== distance[c]) note("distance", key, a.distance, distance[c]);
  }
  keys.forEach((key, c) => {
    if (stats.count[c] > 0 && !(key in devtools.aggregates)) note("extra", key, "none", stats.count[c]);
  });
  return { counts, examples };
}

/** True when no field differs (the node/class totals `nodes`/`classes` are not differences). */
export function same(differences: Differences): boolean {
  return Object.entries(differences.counts).every(([field, n]) => field === "classes" || n === 0);
}
