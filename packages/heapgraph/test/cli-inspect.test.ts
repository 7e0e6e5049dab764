// The one-snapshot subcommands (summary, chain, refs, backrefs, dominators, strings, detached)
// on real snapshots from Node, Deno and Chromium, run in this process through main(argv, io),
// their --json checked against the library.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  backrefs,
  byType,
  chainSteps,
  detachedDomNodes,
  duplicateStrings,
  findBackrefChain,
  isGlobal,
  largestRetainers,
  mostCommonTypes,
  pathToRoot,
  refs,
  type ChainStep,
  type HeapGraph,
  type HeapNode,
} from "@heapgraph/graph";
import { currentRuntime } from "@heapgraph/testkit";
import { CHROME_FILE, denoShopFile, forgetGraphs, libraryGraph, mainJson, nodeShopFile, runMain, tempDir } from "./cli-helpers.ts";

test.after(forgetGraphs);

const runtime = currentRuntime();

interface StepOut {
  id: number;
  type: string;
  name: string;
  className: string;
  edge: { type: string; name: string } | null;
}

function libraryChain(steps: readonly ChainStep[]) {
  return steps.map((s) => ({ id: s.id, type: s.type, name: s.name, className: s.className, edge: s.edge ? { type: s.edge.type, name: s.edge.name } : null }));
}

function outChain(chain: StepOut[]) {
  return chain.map((s) => ({ id: s.id, type: s.type, name: s.name, className: s.className, edge: s.edge }));
}

function biggest(nodes: HeapNode[]): HeapNode {
  return nodes.reduce((a, b) => (b.retainedSize > a.retainedSize || (b.retainedSize === a.retainedSize && b.id < a.id) ? b : a));
}

interface SummaryOut {
  nodeCount: number;
  edgeCount: number;
  totalSize: number;
  types: { name: string; count: number; selfSize: number; retainedSize: number }[];
}

async function checkSummary(file: string, graph: HeapGraph, limit: number): Promise<SummaryOut> {
  const out = await mainJson<SummaryOut>(["summary", file, "--limit", String(limit)]);
  assert.is(out.nodeCount, graph.nodeCount);
  assert.is(out.edgeCount, graph.edgeCount);
  assert.is(out.totalSize, graph.retainedSizes()[graph.rootOrdinal]);
  assert.equal(
    out.types.map((t) => ({ name: t.name, count: t.count, selfSize: t.selfSize, retainedSize: t.retainedSize })),
    mostCommonTypes(graph, { limit }).map((t) => ({ name: t.name, count: t.count, selfSize: t.selfSize, retainedSize: t.retainedSize })),
  );
  return out;
}

test(`summary (${runtime}) on Node, Deno and Chromium snapshots: counts, total size and types as the library says`, async () => {
  const [nodeFile, denoFile] = await Promise.all([nodeShopFile(), denoShopFile()]);
  for (const file of [nodeFile, denoFile, CHROME_FILE]) {
    const graph = await libraryGraph(file);
    const out = await checkSummary(file, graph, file === CHROME_FILE ? 5 : 40);
    assert.ok(out.types.length > 0, `${file} has types`);
    if (file !== CHROME_FILE) assert.ok(out.types.some((t) => t.name === "ShopRecord" && t.count === 2000), `${file}: 2000 ShopRecord objects`);
  }
  // The human table shows the same numbers.
  const text = await runMain(["summary", nodeFile]);
  assert.is(text.code, 0);
  assert.is(text.stderr, "", "no progress bar when stderr is not a terminal");
  assert.match(text.stdout, /Most common types/);
  assert.match(text.stdout, /nodes\s+[\d,]+/);
});

test(`chain (${runtime}) --id: the retaining path from a GC root, root first, with edge names`, async () => {
  const file = await nodeShopFile();
  const graph = await libraryGraph(file);
  const item = byType(graph, "ShopLineItem")[0];
  const out = await mainJson<{ chain: StepOut[]; target: { id: number } }>(["chain", file, "--id", `@${item.id}`]);
  const expected = pathToRoot(graph, item);
  assert.ok(expected.found);
  assert.equal(outChain(out.chain), libraryChain(expected.steps));
  assert.is(out.chain[0].id, graph.node(graph.rootOrdinal).id, "root first");
  assert.is(out.chain.at(-1)!.id, item.id, "the object last");
  assert.is(out.chain[0].edge, null);
  assert.ok(out.chain.slice(1).every((s) => s.edge !== null && typeof s.edge.name === "string"));
  assert.ok(out.chain.some((s) => s.edge?.name === "items"), "the path goes through the cart's items");
  // Text: one line per step, the edge label before each held object.
  const text = await runMain(["chain", file, "--id", String(item.id)]);
  assert.is(text.code, 0);
  assert.is(text.stderr, "");
  assert.match(text.stdout, new RegExp(`-\\.items-> Array @\\d+`));
  assert.match(text.stdout, new RegExp(`ShopLineItem @${item.id}`));
});

test(`chain (${runtime}) --type --to global writes DOT, SVG and HTML of the chain`, async () => {
  const file = await nodeShopFile();
  const graph = await libraryGraph(file);
  const tmp = tempDir("chain");
  try {
    const files = { dot: join(tmp.dir, "chain.dot"), svg: join(tmp.dir, "chain.svg"), html: join(tmp.dir, "chain.html") };
    const out = await mainJson<{ chain: StepOut[]; target: { id: number; candidates: number }; files: typeof files }>([
      "chain", file, "--type", "ShopSecret", "--to", "global", "--dot", files.dot, "--svg", files.svg, "--html", files.html,
    ]);
    const secret = biggest(byType(graph, "ShopSecret"));
    assert.is(out.target.id, secret.id);
    assert.is(out.target.candidates, 1);
    assert.equal(outChain(out.chain), libraryChain(chainSteps(graph, findBackrefChain(graph, secret, isGlobal))));
    assert.ok(isGlobal(graph.nodeById(out.chain[0].id)!), "starts at a global object");
    assert.ok(out.chain.some((s) => s.edge?.name === "cliShopHook"), "through globalThis.cliShopHook");
    assert.equal(out.files, files);
    const dot = readFileSync(files.dot, "utf8");
    assert.match(dot, /^digraph/);
    assert.match(dot, /ShopSecret @\d+/);
    assert.match(readFileSync(files.svg, "utf8"), /<svg[\s>][\s\S]*ShopSecret/);
    const html = readFileSync(files.html, "utf8");
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<svg[\s>]/);
    assert.not.match(html, /<\?xml/);
  } finally {
    tmp.remove();
  }
});

test(`refs and backrefs (${runtime}): the library's selection, as JSON and as SVG`, async () => {
  const file = await nodeShopFile();
  const graph = await libraryGraph(file);
  const cart = byType(graph, "ShopCart")[0];
  const out = await mainJson<{ nodes: { id: number; depth: number }[]; edges: { from: number; to: number; type: string; name: string }[] }>([
    "refs", file, "--id", String(cart.id), "--depth", "2", "--too-many", "3",
  ]);
  const selection = refs(graph, [cart], { maxDepth: 2, tooMany: 3 });
  const idOf = new Map(selection.nodes.map((n) => [n.ordinal, n.id]));
  assert.equal(out.nodes.map((n) => [n.id, n.depth]), selection.nodes.map((n) => [n.id, n.depth]));
  assert.equal(out.edges, selection.edges.map((e) => ({ from: idOf.get(e.from), to: idOf.get(e.to), type: e.type, name: e.name })));
  assert.ok(out.edges.some((e) => e.from === cart.id && e.name === "items"));

  const tmp = tempDir("backrefs");
  try {
    const svg = join(tmp.dir, "backrefs.svg");
    const back = await mainJson<{ nodes: { id: number }[]; files: { svg: string } }>(["backrefs", file, "--id", String(cart.id), "--svg", svg]);
    assert.equal(back.nodes.map((n) => n.id), backrefs(graph, [cart]).nodes.map((n) => n.id));
    assert.match(readFileSync(svg, "utf8"), new RegExp(`ShopCart @${cart.id}`));
  } finally {
    tmp.remove();
  }
});

test(`dominators and strings (${runtime}): largest retainers and duplicated strings as the library says`, async () => {
  const file = await nodeShopFile();
  const graph = await libraryGraph(file);
  const [dominators, strings] = await Promise.all([
    mainJson<{ nodes: { id: number; name: string; selfSize: number; retainedSize: number }[] }>(["dominators", file, "--top", "5"]),
    mainJson<{ strings: { value: string; count: number; wastedBytes: number }[] }>(["strings", file, "--limit", "20", "--min-count", "40"]),
  ]);
  assert.equal(
    dominators.nodes.map((n) => [n.id, n.name, n.selfSize, n.retainedSize]),
    largestRetainers(graph, { limit: 5 }).map((r) => [r.id, graph.nodeById(r.id)!.name, r.selfSize, r.retainedSize]),
  );
  // The scenario's ShopArchive keeps 2000 records alive (about 160 kB): it is listed itself,
  // with the retained size the library gives it.
  const archive = byType(graph, "ShopArchive")[0];
  const listed = dominators.nodes.find((n) => n.id === archive.id);
  assert.ok(listed, `ShopArchive @${archive.id} is among the top 5 retainers: ${JSON.stringify(dominators.nodes.map((n) => [n.name, n.retainedSize]))}`);
  assert.is(listed!.retainedSize, archive.retainedSize);
  assert.ok(archive.retainedSize > 2000 * 32, "it retains its 2000 records");
  assert.equal(
    strings.strings.map((s) => [s.value, s.count, s.wastedBytes]),
    duplicateStrings(graph, { limit: 20, minCount: 40 }).map((s) => [s.value, s.count, s.wastedBytes]),
  );
  assert.ok(strings.strings.every((s) => s.count >= 40));
  assert.ok(strings.strings.some((s) => s.value === "duplicated cli shop text" && s.count >= 50), "the 50 copies");
});

test(`summary and chain (${runtime}) on a Deno snapshot`, async () => {
  const file = await denoShopFile();
  const graph = await libraryGraph(file);
  const item = byType(graph, "ShopLineItem")[0];
  const out = await mainJson<{ chain: StepOut[] }>(["chain", file, "--id", String(item.id)]);
  assert.equal(outChain(out.chain), libraryChain(pathToRoot(graph, item).steps));
  assert.is(out.chain.at(-1)!.className, "ShopLineItem");
});

test(`detached (${runtime}) on a Chromium snapshot: the detached DOM nodes the library finds`, async () => {
  const graph = await libraryGraph(CHROME_FILE);
  const [all, roots] = await Promise.all([
    mainJson<{ count: number; nodes: { id: number; name: string }[] }>(["detached", CHROME_FILE]),
    mainJson<{ count: number; nodes: { id: number; name: string }[] }>(["detached", CHROME_FILE, "--roots-only"]),
  ]);
  const expected = detachedDomNodes(graph);
  assert.ok(expected.length > 0, "the fixture has detached DOM nodes");
  assert.is(all.count, expected.length);
  assert.equal(all.nodes.map((n) => [n.id, n.name]), expected.map((r) => [r.id, r.name]));
  assert.equal(roots.nodes.map((n) => n.id), detachedDomNodes(graph, { rootsOnly: true }).map((r) => r.id));
  const text = await runMain(["detached", CHROME_FILE, "--limit", "3"]);
  assert.is(text.code, 0);
  assert.match(text.stdout, /Detached DOM nodes in .*: [\d,]+/);
  assert.match(text.stdout, /Detached </);
});

test.run();
