// The live drawing calls over the test process itself: showRefs, showBackrefs,
// findBackrefChain, findRefChain, showChain. Outside a notebook they write a file and print
// its path, as objgraph does; live objects are located by heap id (Bun: NotSupportedError),
// node handles are drawn in their own graph (every runtime).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  findBackrefChain,
  findRefChain,
  heapIdOf,
  isGlobal,
  isModule,
  isProperModule,
  liveGraph,
  LiveError,
  NotSupportedError,
  queries,
  showBackrefs,
  showChain,
  showRefs,
} from "../src/index.ts";
import { dotParts, onBun, onBunOnly, rejection, sink, tempDir, withLiveObjects } from "./live-helpers.ts";

class BackrefProbe {
  readonly label = "backref-probe";
}
class RefsProbe {
  readonly inner = { tag: "refs-probe-inner" };
}
class ModuleProbe {
  readonly label = "module-probe";
}
// Held by a variable of this module only: its chain from a module says so.
const moduleHeld = [new ModuleProbe()];

const tmp = tempDir("live-graphs");
test.after(() => tmp.remove());
const file = (name: string) => join(tmp.dir, name);
const globals = globalThis as Record<string, unknown>;

withLiveObjects("showRefs([y]) of objgraph's quick start draws y, x, [x] and {x} with their five references", async () => {
  const x: unknown[] = [];
  const y = [x, [x], { x }];
  const out = sink();
  await showRefs([y], { filename: file("sample-graph.dot"), file: out });
  assert.equal(out.lines(), [`Graph written to ${file("sample-graph.dot")} (4 nodes)`]);
  const { nodes, edges } = dotParts(readFileSync(file("sample-graph.dot"), "utf8"));
  assert.is(nodes.length, 4);
  const yId = await heapIdOf(y);
  assert.match(nodes.find((n) => n.includes(`@${yId}\\n`)) ?? "", /fontcolor="#b00000"/, "y is the start (dark red text)");
  const labels = edges.map((e) => /label=" *([^"]*?) *"/.exec(e)![1]).sort(); // toDot pads edge labels with spaces
  assert.equal(labels, [".x", "[0]", "[0]", "[1]", "[2]"]);
  assert.is(y.length, 3);
});

withLiveObjects("graph files: .svg is SVG, .html a page with the SVG inline, anything else is refused before a snapshot", async () => {
  const probe = new RefsProbe();
  await showRefs([probe], { filename: file("probe.svg"), file: sink() });
  const svg = readFileSync(file("probe.svg"), "utf8");
  assert.match(svg, /<svg[\s>]/);
  assert.match(svg, /RefsProbe/);
  await showRefs([probe], { filename: file("probe.html"), title: "RefsProbe refs", file: sink() });
  const page = readFileSync(file("probe.html"), "utf8");
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<svg[\s>]/);
  assert.not.match(page, /<\?xml/);
  assert.match(page, /RefsProbe refs/);
  const error = await rejection(showRefs([probe], { filename: file("probe.png") }));
  assert.instance(error, LiveError);
  assert.is((error as LiveError).code, "UNSUPPORTED_FILE");
  assert.not.ok(existsSync(file("probe.png")));
  assert.equal(readdirSync(tmp.dir).filter((f) => f.endsWith(".partial")), [], "written atomically: no partial file is left");
});

withLiveObjects("without a filename, outside a notebook, the graph goes to a new SVG file in the temporary directory", async () => {
  const probe = new RefsProbe();
  const out = sink();
  await showRefs([probe], { file: out });
  const m = /^Graph written to (.+) \((\d+) nodes\)$/.exec(out.lines()[0] ?? "");
  assert.ok(m, out.text());
  try {
    assert.is(m![1], join(tmpdir(), m![1].slice(tmpdir().length + 1)));
    assert.match(m![1], /heapgraph-showrefs-[0-9a-f]{8}\.svg$/);
    assert.match(readFileSync(m![1], "utf8"), /<svg[\s>]/);
    assert.ok(Number(m![2]) >= 3, "the probe, its inner object and the string");
  } finally {
    rmSync(m![1], { force: true });
  }
});

withLiveObjects("showBackrefs([x]) draws who holds x; the list passed in is left out, as objgraph leaves out its list", async () => {
  const target = new BackrefProbe();
  const holder = { kept: target };
  globals.backrefHolder = holder;
  try {
    await showBackrefs([target], { filename: file("backrefs.dot"), file: sink() });
    const { nodes, edges } = dotParts(readFileSync(file("backrefs.dot"), "utf8"));
    const targetId = await heapIdOf(target);
    const holderId = await heapIdOf(holder);
    const ordinalOf = (id: number) => /^ {2}(n\d+) /.exec(nodes.find((n) => n.includes(`@${id}\\n`)) ?? "")?.[1];
    const [t, h] = [ordinalOf(targetId), ordinalOf(holderId)];
    assert.ok(t && h, "the target and its holder are drawn");
    assert.ok(edges.some((e) => e.startsWith(`  ${h} -> ${t} `) && /label=" *\.kept *"/.test(e)), "holder -> target, labelled .kept");
    // Numbered internal slots (a generator's registers) read [0] too: look for the list itself, an Array.
    const arrays = new Set(nodes.filter((n) => /label="Array @/.test(n)).map((n) => /^ {2}(n\d+) /.exec(n)![1]));
    assert.not.ok(edges.some((e) => e.includes(`-> ${t} `) && arrays.has(/^ {2}(n\d+) /.exec(e)![1])), "no Array holds the target: the [target] list is ignored");

    await showBackrefs([target], { filename: file("backrefs-ignore.dot"), extraIgnore: [holder], file: sink() });
    assert.not.match(readFileSync(file("backrefs-ignore.dot"), "utf8"), /label=" *\.kept *"/, "extraIgnore takes live objects");
  } finally {
    delete globals.backrefHolder;
  }
});

withLiveObjects("findBackrefChain(obj, isGlobal): the shortest chain from the global object; showChain draws it", async () => {
  const target = new BackrefProbe();
  globals.chainHolder = { kept: target };
  try {
    const chain = await findBackrefChain(target, isGlobal);
    const steps = queries.chainSteps(chain[0].graph, chain);
    assert.is(steps.length, 3, JSON.stringify(steps.map((s) => s.className)));
    assert.ok(isGlobal(chain[0]));
    assert.equal(steps.slice(1).map((s) => s.edge?.name), ["chainHolder", "kept"]);
    assert.is(chain[2].id, await heapIdOf(target));
    const out = sink();
    await showChain(chain, { filename: file("chain.dot"), file: out });
    assert.equal(out.lines(), [`Graph written to ${file("chain.dot")} (3 nodes)`]);
    const { nodes, edges } = dotParts(readFileSync(file("chain.dot"), "utf8"));
    assert.is(nodes.length, 3);
    assert.is(edges.length, 2);

    const forwards = await findRefChain(globals.chainHolder, (n) => n.className === "BackrefProbe");
    assert.equal(forwards.map((n) => n.className), ["Object", "BackrefProbe"]);
    const none = await findBackrefChain(target, (n) => n.className === "NoSuchHolder", { maxDepth: 3 });
    const targetId = await heapIdOf(target);
    assert.equal(none.map((n) => n.id), [targetId], "[obj] when no chain");
  } finally {
    delete globals.chainHolder;
  }
});

test("node handles are drawn in their own graph, on every runtime (Bun included)", async () => {
  globals.handleProbes = [new RefsProbe(), new RefsProbe()];
  try {
    const graph = await liveGraph();
    const probes = queries.byType(graph, "RefsProbe");
    assert.is(probes.length, 2);
    await showRefs(probes, { filename: file("handles.dot"), maxDepth: 1, file: sink() });
    const dot = readFileSync(file("handles.dot"), "utf8");
    for (const p of probes) assert.ok(dot.includes(`@${p.id}\\n`), `node @${p.id} of that graph is drawn`);
    const chain = await findBackrefChain(probes[0], isGlobal);
    assert.ok(chain[0].graph === graph, "no new snapshot for node handles");
    if (!onBun) assert.ok(isGlobal(chain[0]), "Node and Deno link the global object");
  } finally {
    delete globals.handleProbes;
  }
});

test("isProperModule: module namespace objects and module nodes are; findBackrefChain(obj, isProperModule) starts at one", async () => {
  assert.ok(isProperModule(await import("node:path")), "an ES module namespace");
  const cjs = file("plain-module.cjs");
  writeFileSync(cjs, "module.exports = { plain: true };\n");
  const require = createRequire(import.meta.url);
  require(cjs);
  const loaded = require.cache[cjs];
  assert.ok(loaded && isProperModule(loaded), "a CommonJS module in require.cache");
  assert.not.ok(isProperModule({ filename: cjs, exports: {} }), "an object that only looks like one");
  for (const [i, value] of [{}, [], null, undefined, "module", Object.create(null)].entries()) assert.not.ok(isProperModule(value), `value #${i}`);
  const graph = await liveGraph();
  const [probe] = queries.byType(graph, "ModuleProbe");
  assert.ok(probe, "the probe is in the snapshot");
  const chain = await findBackrefChain(probe, isProperModule);
  assert.ok(chain.length > 1, `a chain from a module: ${chain.map((n) => n.className).join(" -> ")}`);
  assert.ok(isProperModule(chain[0]) && isModule(chain[0]), `${chain[0].className} is a module`);
  assert.is(chain.at(-1)!.id, probe.id);
  assert.is(moduleHeld.length, 1);
});

onBunOnly("on Bun, live objects cannot be located: showRefs, showBackrefs and findBackrefChain throw NotSupportedError", async () => {
  for (const attempt of [showRefs([{}]), showBackrefs([{}]), findBackrefChain({}, isGlobal)]) {
    const error = await rejection(attempt);
    assert.instance(error, NotSupportedError);
    assert.is((error as NotSupportedError).runtime, "bun");
  }
});

test("bad targets and options throw LiveError", async () => {
  const cases: [Promise<unknown>, string][] = [
    [showRefs([]), "INVALID_ARGUMENT"],
    [showRefs([42]), "INVALID_ARGUMENT"],
    [showRefs({} as never), "INVALID_ARGUMENT"],
    [showBackrefs([{}], { max_depth: 2 } as never), "INVALID_OPTIONS"],
    [showBackrefs([{}], { maxDepth: -1 }), "INVALID_OPTIONS"],
    [showChain([]), "INVALID_ARGUMENT"],
    [showChain([{}] as never), "INVALID_ARGUMENT"],
    [findBackrefChain({}, "isGlobal" as never), "INVALID_ARGUMENT"],
    [findBackrefChain({}, isGlobal, { extraIgnore: [0] }), "INVALID_ARGUMENT"],
  ];
  for (const [promise, code] of cases) {
    const error = await rejection(promise);
    assert.instance(error, LiveError, error.message);
    assert.is((error as LiveError).code, code, error.message);
  }
});

test.run();
