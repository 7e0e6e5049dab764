// `heapgraph mcp` as a coding agent meets it: the SDK's Client over stdio, spawning the real
// command (dist/cli.js under Node, src/cli.ts under Deno and Bun, as cli-helpers' cliCommand), one
// server process for every check of this file. Real snapshots: testkit's cli-shop and
// emitter-leak scenarios, the committed Chromium page; and the demo's leaky service, captured
// through the server's own capture tool and diagnosed through its tools alone.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { detachedDomNodes, leakReport, mostCommonTypes } from "@heapgraph/graph";
import { currentRuntime, snapshotRuntimes, testWhen } from "@heapgraph/testkit";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { startDemoService } from "../src/cli/demo-service.ts";
import { PathPolicy } from "../src/mcp/path-policy.ts";
import { SnapshotStore } from "../src/mcp/snapshot-store.ts";
import { sendRequests } from "../src/cli/http-load.ts";
import { bunShopFile, CHROME_FILE, cliCommand, forgetGraphs, leakFiles, libraryGraph, nodeShopFile, PACKAGE, tempDir } from "./cli-helpers.ts";

const runtime = currentRuntime();

/** Every tool the server offers. */
const TOOLS = [
  "backrefs",
  "capture",
  "chain",
  "compare",
  "detached_dom",
  "dominators",
  "draw",
  "duplicate_strings",
  "find_leaks",
  "list_snapshots",
  "load_snapshot",
  "refs",
  "type_stats",
  "unload",
];

const roots = tempDir("mcp-roots");
const outside = tempDir("mcp-outside");
let client: Client | null = null;
let serverErr = "";

/** The one server of this file, started on first use with the snapshot directories and `roots` allowed. */
async function server(): Promise<Client> {
  if (client) return client;
  const [command, ...pre] = cliCommand();
  checkSourcesBuilt();
  const [shop, leaks] = await Promise.all([nodeShopFile(), leakFiles()]);
  const allow = [roots.dir, dirname(shop), dirname(leaks.baseline), dirname(CHROME_FILE)].flatMap((d) => ["--allow", d]);
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === "string"));
  env.HEAPGRAPH_CACHE_DIR = join(outside.dir, "index-cache"); // the index cache of this server, not the user's
  const transport = new StdioClientTransport({ command: command!, args: [...pre, "mcp", ...allow], env, stderr: "pipe", cwd: roots.dir });
  transport.stderr?.on("data", (d: Buffer) => void (serverErr += d.toString()));
  const c = new Client({ name: "heapgraph-test", version: "0.0.0" });
  await c.connect(transport);
  client = c;
  return c;
}

/** dist/cli.js must be newer than the MCP sources too (cliCommand checks cli/ and files/). */
function checkSourcesBuilt(): void {
  if (runtime !== "node20" && runtime !== "node24") return;
  const built = statSync(join(PACKAGE, "dist", "cli.js")).mtimeMs;
  for (const f of ["mcp/mcp-server.ts", "mcp/snapshot-store.ts", "mcp/path-policy.ts", "json/chain-json.ts"]) {
    if (statSync(join(PACKAGE, "src", f)).mtimeMs > built + 1000) throw new Error(`dist/cli.js is older than src/${f}: run npm run build first`);
  }
}

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const c = await server();
  try {
    return (await c.callTool({ name, arguments: args })) as CallToolResult;
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}\n--- server stderr ---\n${serverErr}`, { cause: error });
  }
}

/** A successful call's structured content (fails with the tool's error text otherwise). */
async function ok<T = Record<string, unknown>>(name: string, args: Record<string, unknown>): Promise<T & { text: string }> {
  const result = await call(name, args);
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("");
  if (result.isError) throw new Error(`${name} failed: ${text}\n--- server stderr ---\n${serverErr}`);
  assert.ok(result.structuredContent, `${name} returns structured content`);
  return { ...(result.structuredContent as T), text };
}

/** A failed call's typed error. */
async function fails(name: string, args: Record<string, unknown>): Promise<{ code: string; message: string }> {
  const result = await call(name, args);
  assert.ok(result.isError, `${name} ${JSON.stringify(args)} should fail`);
  const error = (result.structuredContent as { error?: { code: string; message: string } } | undefined)?.error;
  assert.ok(error, `${name}: a structured error, got ${JSON.stringify(result.content)}`);
  assert.match((result.content[0] as { text: string }).text, new RegExp(`^${error.code}: `));
  return error;
}

test.after(async () => {
  await client?.close();
  forgetGraphs();
  roots.remove();
  outside.remove();
});

test(`mcp (${runtime}): lists its tools, each described, with an input schema`, async () => {
  const { tools } = await (await server()).listTools();
  assert.equal(tools.map((t) => t.name).sort(), TOOLS);
  for (const t of tools) {
    assert.ok((t.description ?? "").length > 60, `${t.name} says what it answers`);
    assert.is(t.inputSchema.type, "object");
  }
  const load = tools.find((t) => t.name === "load_snapshot")!;
  assert.equal(load.inputSchema.required, ["path"]);
});

test(`mcp (${runtime}): load_snapshot summarises a real snapshot once; type_stats pages through the library's answer`, async () => {
  const shop = await nodeShopFile();
  const graph = await libraryGraph(shop);
  const loaded = await ok<{ snapshot: string; runtime: string; nodeCount: number; edgeCount: number; totalSize: number; topClasses: { name: string; count: number }[] }>("load_snapshot", { path: shop, top: 3 });
  assert.is(loaded.runtime, "node");
  assert.match(loaded.snapshot, /^s\d+$/);
  assert.equal([loaded.nodeCount, loaded.edgeCount, loaded.totalSize], [graph.nodeCount, graph.edgeCount, graph.retainedSizes()[graph.rootOrdinal]]);
  assert.equal(loaded.topClasses.map((t) => [t.name, t.count]), mostCommonTypes(graph, { limit: 3 }).map((t) => [t.name, t.count]));
  assert.match(loaded.text, new RegExp(`^${loaded.snapshot}: .*heap snapshot`));
  assert.is((await ok<{ snapshot: string }>("load_snapshot", { path: shop })).snapshot, loaded.snapshot, "the same file keeps its handle");

  const second = await ok<{ types: { name: string; count: number }[]; offset: number; nextOffset: number | null; total: number }>("type_stats", { snapshot: loaded.snapshot, limit: 4, offset: 4 });
  const all = mostCommonTypes(graph, { limit: Infinity });
  assert.equal(second.types.map((t) => [t.name, t.count]), all.slice(4, 8).map((t) => [t.name, t.count]));
  assert.equal([second.offset, second.nextOffset, second.total], [4, 8, all.length]);
  const shopClass = await ok<{ types: { name: string }[] }>("type_stats", { snapshot: shop, classes: ["Shop*"] });
  assert.ok(shopClass.types.length > 0 && shopClass.types.every((t) => t.name.startsWith("Shop")), "a path works as a reference too; classes filter");
});

test(`mcp (${runtime}): the leak questions on three snapshots of a leaking process, the holder in the first answer`, async () => {
  const files = await leakFiles();
  const graphs = await Promise.all([files.baseline, files.target, files.final].map(libraryGraph));
  const [b, t, f] = await Promise.all([files.baseline, files.target, files.final].map((path) => ok<{ snapshot: string }>("load_snapshot", { path })));
  const leaks = await ok<{ headlines: string[]; clusterCount: number; clusters: { representativeId: number; idCount: number; ids: number[]; classes: { name: string; count: number }[]; holder: { className: string } | null }[] }>(
    "find_leaks",
    { baseline: b.snapshot, target: t.snapshot, final: f.snapshot, limit: 3 },
  );
  const expected = leakReport(graphs[0]!, graphs[1]!, graphs[2]!);
  assert.is(leaks.clusterCount, expected.clusters.length);
  assert.equal(leaks.headlines, expected.clusters.slice(0, 3).map((c) => c.headline));
  assert.match(leaks.headlines[0]!, /grew/, "the first answer names the holder that grew");
  assert.ok(leaks.clusters[0]!.holder, "and the holder is in the structured answer");
  assert.ok(leaks.text.startsWith(`Leak`), "the text starts with the headlines");
  assert.ok(leaks.text.includes(leaks.headlines[0]!.slice(0, 60)));
  const requests = leaks.clusters.find((c) => c.classes.some((k) => k.name === "LeakRequest" && k.count === 20));
  assert.ok(requests, "a cluster holds the 20 leaked requests");
  assert.ok(requests.ids.length <= 10 && requests.idCount >= requests.ids.length, "ids are sampled, and counted");

  const chain = await ok<{ chain: { id: number; className: string; edge: unknown }[]; target: { className: string; candidates: number } }>("chain", { snapshot: f.snapshot, className: "LeakRequest" });
  assert.is(chain.target.className, "LeakRequest");
  assert.ok(chain.target.candidates >= 20);
  assert.is(chain.chain[0]!.edge, null, "root first");
  assert.is(chain.chain.at(-1)!.className, "LeakRequest");

  const back = await ok<{ nodes: { id: number; depth: number }[]; edges: { from: number; to: number }[]; omittedNodes: number }>("backrefs", { snapshot: f.snapshot, id: requests.representativeId, maxDepth: 6, maxNodes: 4 });
  assert.ok(back.nodes.length <= 4, "maxNodes bounds the answer");
  assert.ok(back.nodes.some((n) => n.id === requests.representativeId && n.depth === 0));
  const ids = new Set(back.nodes.map((n) => n.id));
  assert.ok(back.edges.every((e) => ids.has(e.from) && ids.has(e.to)), "only edges between returned nodes");
  const fwd = await ok<{ nodes: unknown[] }>("refs", { snapshot: f.snapshot, id: requests.representativeId, maxDepth: 1 });
  assert.ok(fwd.nodes.length >= 2);

  const cmp = await ok<{ idsStable: boolean; holders: { className: string }[]; types: { name: string; added: number }[] }>("compare", { before: b.snapshot, after: t.snapshot, limit: 30 });
  assert.ok(cmp.idsStable);
  assert.ok(cmp.holders.length > 0, "what grew, by holder");
  assert.ok(cmp.types.some((x) => x.name === "LeakRequest" && x.added === 20));

  const doms = await ok<{ nodes: { retainedSize: number }[]; nextOffset: number | null }>("dominators", { snapshot: f.snapshot, limit: 3 });
  assert.is(doms.nodes.length, 3);
  assert.ok(doms.nodes[0]!.retainedSize >= doms.nodes[2]!.retainedSize);
  const strings = await ok<{ strings: { count: number; value: string }[] }>("duplicate_strings", { snapshot: f.snapshot, limit: 2 });
  assert.ok(strings.strings.length <= 2 && strings.strings.every((s) => s.count >= 2 && s.value.length <= 121));

  const drawing = await call("draw", { snapshot: f.snapshot, kind: "chain", id: requests.representativeId });
  assert.not.ok(drawing.isError, JSON.stringify(drawing.content).slice(0, 500));
  const resource = drawing.content.find((c) => c.type === "resource") as { resource: { mimeType: string; text: string } } | undefined;
  assert.is(resource?.resource.mimeType, "image/svg+xml");
  assert.match(resource!.resource.text, /<svg[\s>]/);
  const drawn = drawing.structuredContent as { nodes: number; target: { id: number } };
  assert.ok(drawn.nodes >= 2 && drawn.target.id === requests.representativeId);
  assert.ok(resource!.resource.text.includes(`@${requests.representativeId}`), "the object is in the drawing");
  const tooSmall = await fails("draw", { snapshot: f.snapshot, kind: "refs", id: requests.representativeId, maxBytes: 1000 });
  assert.is(tooSmall.code, "GRAPH_TOO_LARGE");
});

const withBun = testWhen(snapshotRuntimes().includes("bun"), "Bun is not installed");

withBun(`mcp (${runtime}): compare answers with class counts when heap ids do not identify objects (Bun)`, async () => {
  const bun = join(roots.dir, "bun-shop.heapsnapshot");
  copyFileSync(await bunShopFile(), bun);
  const { snapshot, runtime: from } = await ok<{ snapshot: string; runtime: string }>("load_snapshot", { path: "bun-shop.heapsnapshot" });
  assert.is(from, "bun");
  const out = await ok<{ idsStable: boolean; growth: unknown[] }>("compare", { before: snapshot, after: snapshot });
  assert.is(out.idsStable, false);
  assert.ok(Array.isArray(out.growth));
  assert.match(out.text, /Heap ids do not identify objects/);
  assert.is((await fails("find_leaks", { baseline: snapshot, target: snapshot, final: snapshot })).code, "IDS_NOT_STABLE");
});

test(`mcp (${runtime}): detached_dom on a Chromium page, loaded with progress notifications`, async () => {
  const graph = await libraryGraph(CHROME_FILE);
  const progress: string[] = [];
  const loaded = (await (await server()).callTool({ name: "load_snapshot", arguments: { path: CHROME_FILE } }, undefined, { onprogress: (p) => void progress.push(p.message ?? "") })) as CallToolResult;
  assert.is((loaded.structuredContent as { runtime: string }).runtime, "browser");
  assert.ok(progress.length > 0 && progress.every((m) => m.startsWith(CHROME_FILE)), `progress notifications while loading: ${progress.join(" | ")}`);
  const out = await ok<{ count: number; nodes: unknown[] }>("detached_dom", { snapshot: CHROME_FILE, limit: 5 });
  assert.is(out.count, detachedDomNodes(graph).length);
  assert.ok(out.count > 0 && out.nodes.length === Math.min(5, out.count));
});

test(`mcp (${runtime}): bad inputs are tool errors with their codes, and the server keeps serving`, async () => {
  const shop = await nodeShopFile();
  const secret = join(outside.dir, "secret.heapsnapshot");
  writeFileSync(secret, "{}");
  mkdirSync(join(roots.dir, "sub"), { recursive: true });
  symlinkSync(secret, join(roots.dir, "sub", "link.heapsnapshot"));
  symlinkSync(outside.dir, join(roots.dir, "escape"));
  writeFileSync(join(roots.dir, "notes.heapsnapshot"), "these are notes, not a heap snapshot\n");

  assert.is((await fails("load_snapshot", { path: "missing.heapsnapshot" })).code, "FILE_NOT_FOUND");
  assert.is((await fails("load_snapshot", { path: secret })).code, "PATH_NOT_ALLOWED");
  assert.is((await fails("load_snapshot", { path: "../" + join(outside.dir.split("/").pop()!, "secret.heapsnapshot") })).code, "PATH_NOT_ALLOWED");
  assert.is((await fails("load_snapshot", { path: "sub/link.heapsnapshot" })).code, "PATH_NOT_ALLOWED", "no symlink escape");
  assert.is((await fails("capture", { port: 9, directory: "escape" })).code, "PATH_NOT_ALLOWED", "no writes through a symlink out");
  assert.is((await fails("capture", { port: 9, directory: "escape/new" })).code, "PATH_NOT_ALLOWED");
  assert.not.ok(existsSync(join(outside.dir, "new")), "not even a directory created outside");
  assert.is((await fails("load_snapshot", { path: "notes.heapsnapshot" })).code, "BAD_INPUT");
  assert.is((await fails("load_snapshot", { path: "sub" })).code, "BAD_INPUT");
  const { snapshot } = await ok<{ snapshot: string }>("load_snapshot", { path: shop });
  const noId = await fails("chain", { snapshot, id: 999_999_999 });
  assert.is(noId.code, "NOT_FOUND");
  assert.match(noId.message, /@999999999/);
  assert.is((await fails("refs", { snapshot, className: "NoSuchClass" })).code, "NOT_FOUND");
  assert.is((await fails("refs", { snapshot })).code, "INVALID_ARGUMENT");
  assert.is((await fails("type_stats", { snapshot: "s999" })).code, "UNKNOWN_SNAPSHOT");
  assert.is((await fails("capture", { host: "10.1.2.3", port: 9229 })).code, "REMOTE_INSPECTOR_NOT_ALLOWED");
  assert.is((await fails("capture", { url: "ws://192.0.2.1:9229/x" })).code, "REMOTE_INSPECTOR_NOT_ALLOWED");
  const invalid = await call("type_stats", { snapshot, limit: 0 });
  assert.ok(invalid.isError);
  assert.match((invalid.content[0] as { text: string }).text, /Input validation error/);
  const listed = await ok<{ snapshots: { snapshot: string }[] }>("list_snapshots", {});
  assert.ok(listed.snapshots.some((s) => s.snapshot === snapshot), "still serving, state intact");
  await ok("unload", { snapshot });
  assert.is((await fails("type_stats", { snapshot })).code, "UNKNOWN_SNAPSHOT");
});

test(`mcp (${runtime}): the store parses each file once and evicts the least recently used beyond its limits`, async () => {
  const files = await leakFiles();
  let reads = 0;
  const policy = await PathPolicy.create([dirname(files.baseline)]);
  const store = new SnapshotStore(policy, { maxSnapshots: 2, maxBytes: 2 ** 40 }, async (real) => {
    reads++;
    return { graph: await libraryGraph(real), warnings: [], fileBytes: 0 };
  });
  const [b, t] = await Promise.all([store.load(files.baseline), store.load(files.target), store.load(files.baseline)]);
  assert.is(reads, 2, "two loads of one file at once share one read");
  assert.is((await store.resolve(b!.handle)).handle, b!.handle, "b used last");
  const f = await store.load(files.final);
  assert.equal(store.list().map((e) => e.handle), [f.handle, b!.handle], "t, least recently used, evicted");
  await store.resolve(t!.handle).then(
    () => assert.unreachable("t was evicted"),
    (error: { code: string; message: string }) => {
      assert.is(error.code, "UNKNOWN_SNAPSHOT");
      assert.match(error.message, /evicted/);
    },
  );
  const byBytes = new SnapshotStore(policy, { maxSnapshots: 10, maxBytes: 1 }, async (real) => ({ graph: await libraryGraph(real), warnings: [], fileBytes: 0 }));
  const one = await byBytes.load(files.baseline);
  assert.equal(byBytes.list().map((e) => e.handle), [one.handle], "one snapshot over the budget still loads");
  const two = await byBytes.load(files.target);
  assert.equal(byBytes.list().map((e) => e.handle), [two.handle], "over the byte budget, only the newest stays");
  assert.is(reads, 3);
});

test(`mcp (${runtime}): an MCP client finds the demo service's leak through the tools alone`, async () => {
  const service = await startDemoService();
  try {
    const port = Number(new URL(service.inspectorUrl).port);
    const orders = (prefix: string, n: number) => sendRequests(service.baseUrl, (i) => `/orders?${prefix}=${i}`, n);
    await orders("warmup", 20);
    const take = async (name: string) => (await ok<{ snapshots: { snapshot: string; file: string }[]; sameConnection: boolean }>("capture", { port, directory: "demo", names: [name] }));
    const baseline = await take("baseline");
    await orders("target", 60);
    const target = await take("target");
    await orders("final", 20);
    const final = await take("final");
    assert.not.ok(baseline.sameConnection);
    assert.ok(target.sameConnection && final.sameConnection, "one inspector connection for the three");
    assert.ok(statSync(join(roots.dir, "demo", "final.heapsnapshot")).size > 0, "written into the allowed directory");
    assert.is((await fails("capture", { port, directory: "demo", names: ["final"] })).code, "CANNOT_WRITE", "never overwrites");
    const leaks = await ok<{ headlines: string[]; clusters: { classes: { name: string; count: number }[] }[] }>("find_leaks", {
      baseline: baseline.snapshots[0]!.snapshot,
      target: target.snapshots[0]!.snapshot,
      final: final.snapshots[0]!.snapshot,
    });
    assert.match(leaks.headlines[0]!, /change/, `the first headline names the "change" listeners that grew: ${leaks.headlines[0]}`);
    assert.ok(leaks.clusters[0]!.classes.some((c) => c.name === "RequestContext" && c.count === 60), "holding the 60 contexts");
  } finally {
    await service.stop();
  }
});

test.run();
