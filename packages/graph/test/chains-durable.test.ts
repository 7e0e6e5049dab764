// Chains that explain (issue 14, items 2 and 4): durable holders before the stack, the program's
// modules before the runtime's closures, a representative instance for a type, closures by
// function name, readable labels for closures, timers, listeners and modules. Real snapshots of
// scenarios/chains-durable.mjs on the running runtime, and synthetic heaps for the round order.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { testWhen } from "@heapgraph/testkit";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { findBackrefChain, instancesOf, isGCRoot, pathToRoot, representativeInstance, userVisiblePath, type ChainStep, type HeapGraph } from "../src/index.ts";
import { runtime, scenarioGraph, syntheticGraph } from "./queries-snapshots.ts";

const SCENARIO = join(dirname(fileURLToPath(import.meta.url)), "scenarios", "chains-durable.mjs");
/** V8 runtimes write script locations and module records; Bun's V8-format output has neither. */
const V8 = runtime() !== "bun";

function scenario(): Promise<HeapGraph> {
  return scenarioGraph(SCENARIO);
}

function pathOf(graph: HeapGraph, className: string): ChainStep[] {
  const [node] = instancesOf(graph, className);
  assert.ok(node, `a ${className}`);
  const path = pathToRoot(graph, node);
  assert.ok(path.found, `${className} is reachable`);
  return [...path.steps];
}

const edgeNames = (steps: readonly ChainStep[]) => steps.map((s) => s.edge?.name ?? "");
/** Edge names with element indices as `#`: which instance comes first in a snapshot varies by runtime. */
const edgeShapes = (steps: readonly ChainStep[]) => edgeNames(steps).map((n) => (/^\d+$/.test(n) ? "#" : n));

/** No step of the path is a function of the runtime's own scripts or reached by a runtime global like queueMicrotask. */
function assertNoRuntimeClosures(steps: readonly ChainStep[]): void {
  for (const s of steps) {
    if (s.type === "closure") assert.not.match(s.label ?? "", / at (?:node:|ext:)/, `no runtime closure on the path: ${s.label}`);
  }
  assert.not.ok(edgeNames(steps).includes("queueMicrotask"), "the path does not wander through queueMicrotask");
}

testWhen(V8, "Bun's snapshots have no CommonJS Module objects")("a CommonJS package's registry reads Module(file) -exports-> -registry->", async () => {
  const steps = pathOf(await scenario(), "CjsHeld");
  assertNoRuntimeClosures(steps);
  const at = steps.findIndex((s) => s.label === "Module(cjs-holder.cjs)");
  assert.ok(at > 0, `the path passes through the module object: ${steps.map((s) => s.label ?? s.className).join(" → ")}`);
  assert.equal(edgeShapes(steps.slice(at + 1)), ["exports", "registry", "#"]);
  const visible = userVisiblePath(await scenario(), steps);
  assert.is(visible[0].label, "Module(cjs-holder.cjs)");
  assert.is(visible[0].edge, null);
});

testWhen(V8, "Bun's module records carry no script")("an ES module's registry reads module scope of file -registry->", async () => {
  const steps = pathOf(await scenario(), "EsmHeld");
  assertNoRuntimeClosures(steps);
  const scope = steps.findIndex((s) => s.label === "module scope of esm-holder.mjs");
  assert.ok(scope > 0, `the path passes through the module's scope: ${steps.map((s) => s.label ?? s.className).join(" → ")}`);
  assert.equal(edgeShapes(steps.slice(scope + 1)), ["registry", "#"]);
  assert.ok(steps.some((s) => s.label === "module esm-holder.mjs"), "the module record is named by its file");
  assert.ok(steps.some((s) => s.label === "async frame of module esm-holder.mjs"), "and its async frame");
});

testWhen(V8, "Bun's snapshots have no stack roots")("a global registry wins over the stack, which is named as also holding", async () => {
  const graph = await scenario();
  const [session] = instancesOf(graph, "Session");
  const path = pathToRoot(graph, session);
  const names = path.steps.map((s) => s.name);
  assert.not.ok(names.includes("(Stack roots)"), `not through the stack: ${names.join(" → ")}`);
  assert.equal(edgeNames(path.steps.slice(-2)), ["sessions", "0"]);
  assert.equal(path.alsoHeldBy, ["stack"]);
});

test("--type picks from the retaining path most instances share, with counts", async () => {
  const graph = await scenario();
  const nodes = instancesOf(graph, "RequestContext");
  assert.is(nodes.length, 40);
  // The 3 held by the config each retain far more than any of the 37.
  const biggest = nodes.reduce((a, b) => (b.retainedSize > a.retainedSize ? b : a));
  const choice = representativeInstance(graph, nodes);
  assert.is(choice.candidates, 40);
  assert.is(choice.held, 37);
  assert.is(choice.groupCount, 2);
  assert.is.not(choice.node.id, biggest.id);
  assert.equal(choice.groups.map((g) => g.count), [37, 3]);
  assert.ok(edgeNames(choice.groups[0].path).includes("contexts"));
  assert.ok(edgeNames(choice.groups[1].path).includes("defaults"));
  assert.is(choice.groups[0].path[0].edge, null, "the path starts at the global object");
  assert.ok(choice.groups[0].path[0].className.includes("global") || choice.groups[0].path[0].className.includes("Global"), choice.groups[0].path[0].className);
});

test("closures are found by their function's name", async () => {
  const graph = await scenario();
  const handlers = instancesOf(graph, "handler");
  assert.is(handlers.length, 2);
  assert.ok(handlers.every((n) => n.type === "closure" && n.name === "handler"));
  assert.equal(instancesOf(graph, "handler()").map((n) => n.id), handlers.map((n) => n.id));
  assert.is(instancesOf(graph, "noSuchFunctionAnywhere").length, 0);
});

testWhen(V8, "Bun's snapshots have no script locations")("closures, timers and listeners are labelled by function, callback and event", async () => {
  const graph = await scenario();
  const poll = pathOf(graph, "PollData");
  const timer = poll.find((s) => s.className === "Timeout");
  assert.ok(timer, "the path passes through the timer");
  assert.match(timer.label!, /^Timeout\(setInterval 1000 ms → poll\(\) at chains-durable\.mjs:\d+:\d+\)$/);
  const fn = poll.find((s) => s.type === "closure");
  assert.match(fn!.label!, /^poll\(\) at chains-durable\.mjs:\d+:\d+$/);
  const close = pathOf(graph, "CloseData");
  const listener = close.find((s) => s.type === "closure");
  assert.match(listener!.label!, /^listener "close": onClose\(\) at chains-durable\.mjs:\d+:\d+$/);
  assert.equal(edgeNames(close).slice(-5, -2), ["emitter", "_events", "close"]);
});

/** A synthetic heap where the old breadth-first order found the stack, the registers and a runtime closure first. */
function roundsHeap() {
  return syntheticGraph({
    nodes: {
      g: { type: "object", name: "global", size: 4 },
      stack: { type: "synthetic", name: "(Stack roots)" },
      handles: { type: "synthetic", name: "(Global handles)" },
      // runtime closure path: g -queueMicrotask-> qm -context-> ctx -cache-> cache -file-> mod
      qm: { type: "closure", name: "queueMicrotask", size: 32 },
      sfi: { type: "code", name: "(shared function info)", size: 8 },
      script: { type: "code", name: "node:internal/process/task_queues", size: 8 },
      ctx: { type: "object", name: "system / Context", size: 16 },
      cache: { type: "object", name: "Object", size: 16 },
      // the program's path, as long: g -app-> app -loader-> loader -modules-> mods -file-> mod
      app: { type: "object", name: "App", size: 16 },
      loader: { type: "object", name: "Loader", size: 16 },
      mods: { type: "object", name: "Object", size: 16 },
      mod: { type: "object", name: "Module", size: 16 },
      file: { type: "string", name: "/app/holder.js", size: 16 },
      exp: { type: "object", name: "Object", size: 16 },
      registry: { type: "object", name: "Array", size: 16 },
      item: { type: "object", name: "Item", size: 16 },
      // a session on the stack (1 step) and in a handle's registry (3 steps)
      session: { type: "object", name: "Session", size: 16 },
      keeper: { type: "object", name: "Keeper", size: 16 },
      sessions: { type: "object", name: "Array", size: 16 },
      // a frame's registers (2 steps from the global) and a property path (3 steps)
      gen: { type: "object", name: "Generator", size: 16 },
      regs: { type: "array", name: "", size: 16 },
      a: { type: "object", name: "A", size: 16 },
      b: { type: "object", name: "B", size: 16 },
      local: { type: "object", name: "Local", size: 16 },
    },
    roots: ["g"],
    gcRoots: ["stack", "handles"],
    edges: [
      ["g", "property", "queueMicrotask", "qm"],
      ["g", "property", "gen", "gen"],
      ["g", "property", "app", "app"],
      ["g", "property", "a", "a"],
      ["qm", "internal", "shared", "sfi"],
      ["sfi", "internal", "script", "script"],
      ["qm", "internal", "context", "ctx"],
      ["ctx", "context", "cache", "cache"],
      ["cache", "property", "/app/holder.js", "mod"],
      ["app", "property", "loader", "loader"],
      ["loader", "property", "modules", "mods"],
      ["mods", "property", "/app/holder.js", "mod"],
      ["mod", "property", "exports", "exp"],
      ["mod", "property", "filename", "file"],
      ["exp", "property", "registry", "registry"],
      ["registry", "element", 0, "item"],
      ["stack", "element", 1, "session"],
      ["handles", "element", 1, "keeper"],
      ["keeper", "property", "sessions", "sessions"],
      ["sessions", "element", 0, "session"],
      ["gen", "internal", "parameters_and_registers", "regs"],
      ["regs", "element", 0, "local"],
      ["a", "property", "b", "b"],
      ["b", "property", "local", "local"],
    ],
    locations: [{ node: "qm", scriptId: 7, line: 10, column: 2 }],
  });
}

test("rounds: the program's path before a runtime closure's, durable holders before the stack and frame registers", () => {
  const { graph, at } = roundsHeap();
  const item = pathToRoot(graph, graph.node(at.item));
  assert.equal(edgeNames(item.steps).slice(2), ["app", "loader", "modules", "/app/holder.js", "exports", "registry", "0"]);
  assert.is(item.steps.find((s) => s.className === "Module")?.label, "Module(holder.js)");
  const session = pathToRoot(graph, graph.node(at.session));
  assert.equal(session.steps.map((s) => s.name), ["", "(GC roots)", "(Global handles)", "Keeper", "Array", "Session"]);
  assert.equal(session.alsoHeldBy, ["stack"]);
  // findBackrefChain too: the stack only when nothing durable is within reach.
  assert.equal(findBackrefChain(graph, graph.node(at.session), isGCRoot).map((n) => n.name), ["(Global handles)", "Keeper", "Array", "Session"]);
  assert.equal(findBackrefChain(graph, graph.node(at.session), isGCRoot, { maxDepth: 2 }).map((n) => n.name), ["(Stack roots)", "Session"]);
  const local = pathToRoot(graph, graph.node(at.local));
  assert.equal(edgeNames(local.steps).slice(2), ["a", "b", "local"]);
  assert.equal(local.alsoHeldBy, ["async-frame"]);
  // What only the stack holds is still reached from it.
  const { graph: only, at: o } = syntheticGraph({
    nodes: { g: { type: "object", name: "global" }, stack: { type: "synthetic", name: "(Stack roots)" }, x: { type: "object", name: "X", size: 8 } },
    roots: ["g"],
    gcRoots: ["stack"],
    edges: [["stack", "element", 1, "x"]],
  });
  const x = pathToRoot(only, only.node(o.x));
  assert.equal(x.steps.map((s) => s.name), ["", "(GC roots)", "(Stack roots)", "X"]);
  assert.is(x.alsoHeldBy, undefined);
});

test.run();
