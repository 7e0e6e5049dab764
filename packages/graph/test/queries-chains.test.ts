import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  byType,
  chainSteps,
  findBackrefChain,
  findRefChain,
  isGCRoot,
  isGlobal,
  isModule,
  isUserRoot,
  pathToRoot,
  QueryError,
  type ChainStep,
  type HeapGraph,
  type HeapNode,
} from "../src/index.ts";
import { runtime, scenarioGraph, scenarioGraphs, syntheticGraph } from "./queries-snapshots.ts";

async function cacheLeak(): Promise<HeapGraph> {
  return (await scenarioGraphs("objgraph-cache-leak", ["before", "after"])).after;
}

/** Each step's edge really goes from the previous step to it. */
function assertConnected(graph: HeapGraph, steps: readonly ChainStep[]): void {
  steps.forEach((step, i) => {
    if (i === 0) {
      assert.is(step.edge, null);
      return;
    }
    const e = step.edge!;
    const holder = steps[i - 1].ordinal;
    assert.is(graph.edgeHolder(e.index), holder, `edge ${e.name} belongs to step ${i - 1}`);
    assert.is(graph.edgeTarget(e.index), step.ordinal);
  });
}

function property(node: HeapNode, name: string): HeapNode {
  const edge = node.edges().find((e) => e.name === name && e.type !== "weak");
  if (!edge) throw new Error(`${node.className} @${node.id} has no ${name}`);
  return edge.to;
}

test(`pathToRoot (${runtime()}): the cache leak's path runs through cache, 42 and foo or bar`, async () => {
  const graph = await cacheLeak();
  const fat = byType(graph, "MyBigFatObject");
  assert.is(fat.length, 2);
  for (const node of fat) {
    const path = pathToRoot(graph, node);
    assert.ok(path.found);
    assert.is(path.steps[0].ordinal, graph.rootOrdinal);
    assert.is(path.steps.at(-1)!.id, node.id);
    assertConnected(graph, path.steps);
    const names = path.steps.map((s) => s.edge?.name);
    const cache = names.indexOf("cache");
    assert.ok(cache > 0, `a step named cache in ${names.join(" ")}`);
    assert.equal(names.slice(cache + 1, cache + 2), ["42"]);
    assert.ok(["foo", "bar"].includes(names.at(-1)!));
    assert.is(path.steps.at(-2)!.edge!.name, "42");
    for (const s of path.steps) assert.not.equal(s.edge?.type, "weak");
  }
});

test(`findBackrefChain (${runtime()}): from the leaked object to a module, root first`, async () => {
  const graph = await cacheLeak();
  const [node] = byType(graph, "MyBigFatObject");
  const chain = findBackrefChain(graph, node, isModule);
  assert.ok(chain.length > 1, "a module holds the leak");
  assert.ok(isModule(chain[0]));
  assert.is(chain.at(-1)!.id, node.id);
  const steps = chainSteps(graph, chain);
  assertConnected(graph, steps);
  assert.ok(steps.some((s) => s.edge?.name === "cache"));
  // BFS finds a shortest chain: none of the modules is closer than the one returned.
  assert.equal(findBackrefChain(graph, node, isModule, { maxDepth: chain.length - 2 }).map((n) => n.id), [node.id]);
  // Nothing found: [node].
  assert.equal(findBackrefChain(graph, node, () => false).map((n) => n.id), [node.id]);
  // The node itself matches: [node].
  assert.equal(findBackrefChain(graph, node, (n) => n.id === node.id).map((n) => n.id), [node.id]);
});

test(`findRefChain (${runtime()}): forward from the cache, and extraIgnore`, async () => {
  const graph = await cacheLeak();
  const [node] = byType(graph, "MyBigFatObject");
  const path = pathToRoot(graph, node);
  const cacheStep = path.steps[path.steps.findIndex((s) => s.edge?.name === "cache")];
  const cache = graph.node(cacheStep.ordinal);
  const chain = findRefChain(graph, cache, (n) => n.className === "MyBigFatObject");
  assert.is(chain.length, 3);
  assert.is(chain[0].id, cache.id);
  assert.is(chain[2].className, "MyBigFatObject");
  assertConnected(graph, chainSteps(graph, chain));
  const entry = chain[1];
  assert.equal(findRefChain(graph, cache, (n) => n.className === "MyBigFatObject", { extraIgnore: [entry.id] }).map((n) => n.id), [cache.id]);
  assert.equal(findRefChain(graph, cache, (n) => n.className === "MyBigFatObject", { extraIgnore: [entry] }).map((n) => n.id), [cache.id]);
});

test(`holders (${runtime()}): a suspended generator and a closure keep objects alive`, async () => {
  const graph = await scenarioGraph("objgraph-holders");
  const [scenario] = byType(graph, "HoldersScenario");
  const generator = property(scenario, "suspended");
  const closure = property(scenario, "closure");
  assert.is(closure.type, "closure");

  const byGenerator = pathToRoot(graph, byType(graph, "HeldByGenerator")[0]);
  assert.ok(byGenerator.found);
  assertConnected(graph, byGenerator.steps);
  const g = byGenerator.steps.findIndex((s) => s.id === generator.id);
  assert.ok(g >= 0 && g < byGenerator.steps.length - 1, "the path passes the generator object");

  const byClosure = pathToRoot(graph, byType(graph, "HeldByClosure")[0]);
  assert.ok(byClosure.found);
  assertConnected(graph, byClosure.steps);
  const c = byClosure.steps.findIndex((s) => s.id === closure.id);
  assert.ok(c >= 0, "the path passes the closure");
  assert.is(byClosure.steps.at(-1)!.edge!.type, "context", "the closure's context holds the variable");
});

test(`holders (${runtime()}): an object held only through a WeakRef has no strong path`, async () => {
  const graph = await scenarioGraph("objgraph-holders");
  const held = byType(graph, "HeldByWeakRef");
  if (runtime() === "bun") {
    // Bun's full GC before the snapshot clears the WeakRef: the object is not in the file.
    assert.is(held.length, 0);
    return;
  }
  assert.is(held.length, 1, "the WeakRef target is alive in the file");
  const path = pathToRoot(graph, held[0]);
  assert.is(path.found, false);
  assert.is(path.steps.length, 1);
  assert.match(path.reason!, /no strong path/);
  assert.ok(path.nonRetaining!.some((h) => h.className === "WeakRef" && h.why === "weak"));
  assert.ok(path.nonRetaining!.some((h) => h.why === "keep-during-job"), "V8 holds it until the job ends");
});

test(`holders (${runtime()}): a WeakMap value is held because its key is alive`, async () => {
  const graph = await scenarioGraph("objgraph-holders");
  const [scenario] = byType(graph, "HoldersScenario");
  const key = property(scenario, "key");
  const [value] = byType(graph, "WeakMapValue");
  const path = pathToRoot(graph, value);
  assert.ok(path.found);
  assertConnected(graph, path.steps);
  if (runtime() === "bun") {
    // Bun's V8-format output has no WeakMap edges: the value hangs off (GC roots).
    assert.not.ok(path.steps.some((s) => s.id === key.id));
    return;
  }
  const last = path.steps.at(-1)!;
  assert.is(path.steps.at(-2)!.id, key.id, "the key holds the value");
  assert.ok(last.weakMapTable, "the step names the WeakMap table too");
  const table = property(property(scenario, "weakMap"), "table");
  assert.is(last.weakMapTable!.id, table.id);
});

test("pathToRoot says why there is no path: weak only, or nothing at all", () => {
  const { graph, at } = syntheticGraph({
    nodes: {
      g: { type: "object", name: "global", size: 4 },
      ref: { type: "object", name: "WeakRef", size: 8 },
      target: { type: "object", name: "Target", size: 8 },
      orphan: { type: "object", name: "Orphan", size: 8 },
      island: { type: "object", name: "Island", size: 8 },
      held: { type: "object", name: "Held", size: 8 },
    },
    roots: ["g"],
    edges: [
      ["g", "property", "ref", "ref"],
      ["ref", "weak", "target", "target"],
      ["island", "property", "held", "held"],
    ],
  });
  const weak = pathToRoot(graph, graph.node(at.target));
  assert.is(weak.found, false);
  assert.match(weak.reason!, /weak/);
  assert.equal(weak.nonRetaining!.map((h) => [h.className, h.why]), [["WeakRef", "weak"]]);
  assert.match(pathToRoot(graph, graph.node(at.orphan)).reason!, /nothing refers/);
  assert.match(pathToRoot(graph, graph.node(at.held)).reason!, /unreachable/);
  const ok = pathToRoot(graph, graph.node(at.ref));
  assert.equal(ok.steps.map((s) => s.edge?.name ?? null), [null, "g", "ref"]);
});

test("predicates: globals, user roots, GC roots, modules", () => {
  const { graph, at } = syntheticGraph({
    nodes: {
      g: { type: "object", name: "global", size: 4 },
      handles: { type: "synthetic", name: "(Global handles)" },
      ctx: { type: "hidden", name: "system / NativeContext", size: 8 },
      proxy: { type: "object", name: "global", size: 4 },
      rec: { type: "hidden", name: "system / SourceTextModule", size: 8 },
      ns: { type: "object", name: "Module", size: 8 },
      cjs: { type: "object", name: "Module", size: 8 },
      exp: { type: "object", name: "Object", size: 8 },
      fake: { type: "object", name: "Module", size: 8 },
    },
    roots: ["g"],
    gcRoots: ["handles"],
    edges: [
      ["handles", "element", 1, "ctx"],
      ["ctx", "internal", "global_proxy_object", "proxy"],
      ["handles", "element", 2, "rec"],
      ["handles", "element", 3, "ns"],
      ["ns", "hidden", 0, "rec"],
      ["g", "property", "m", "cjs"],
      ["cjs", "property", "exports", "exp"],
      ["cjs", "property", "filename", "exp"],
      ["g", "property", "f", "fake"],
    ],
  });
  const n = (k: string) => graph.node(at[k]);
  assert.ok(isGlobal(n("g")) && isGlobal(n("proxy")));
  assert.not.ok(isGlobal(n("exp")));
  assert.ok(isUserRoot(n("g")));
  assert.not.ok(isUserRoot(n("proxy")));
  assert.ok(isGCRoot(n("handles")) && isGCRoot(graph.node(graph.rootOrdinal)));
  assert.not.ok(isGCRoot(n("g")));
  assert.equal(["rec", "ns", "cjs", "fake", "exp"].map((k) => isModule(n(k))), [true, true, true, false, false]);
});

test(`predicates (${runtime()}): real globals and modules`, async () => {
  const graph = await cacheLeak();
  const globals: HeapNode[] = [], modules: HeapNode[] = [];
  for (let o = 0; o < graph.nodeCount; o++) {
    const node = graph.node(o);
    if (isGlobal(node)) globals.push(node);
    if (isModule(node)) modules.push(node);
  }
  assert.ok(globals.length >= 1, "a global object");
  assert.ok(modules.length >= 1, "the scenario's own module");
  if (runtime() !== "deno") assert.ok(globals.some(isUserRoot), "the global object is a user root (Deno links none)");
});

test("chain queries check their arguments", async () => {
  const { graph, at } = syntheticGraph({ nodes: { g: { type: "object", name: "global", size: 4 } }, roots: ["g"] });
  const other = syntheticGraph({ nodes: { g: { type: "object", name: "global", size: 4 } }, roots: ["g"] }).graph;
  const expectCode = (fn: () => unknown, code: string) => {
    try {
      fn();
      assert.unreachable(`expected ${code}`);
    } catch (error) {
      assert.instance(error, QueryError);
      assert.is((error as QueryError).code, code);
    }
  };
  expectCode(() => findBackrefChain(graph, graph.node(at.g), isModule, { max_depth: 3 } as never), "INVALID_OPTIONS");
  expectCode(() => findBackrefChain(graph, graph.node(at.g), "isModule" as never), "INVALID_OPTIONS");
  expectCode(() => pathToRoot(graph, other.node(at.g)), "FOREIGN_NODE");
  expectCode(() => findRefChain(graph, graph.node(at.g), () => {
    throw new Error("boom");
  }), "INVALID_OPTIONS");
});

test.run();
