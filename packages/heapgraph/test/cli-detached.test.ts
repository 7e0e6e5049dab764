// `detached` when a snapshot has detached objects that are no DOM nodes (Node 20 marks some
// of its C++ wrappers detached: `Detached Node / ModuleWrap`...) and when it has real detached
// DOM nodes (the Chromium fixture), run in this process through main(argv, io).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { detachedDomNodes, detachedWrappers } from "@heapgraph/graph";
import { currentRuntime, snapshotRuntimes, takeRealSnapshot, testWhen } from "@heapgraph/testkit";
import { CHROME_FILE, forgetGraphs, libraryGraph, mainJson, runMain } from "./cli-helpers.ts";

test.after(forgetGraphs);

const runtime = currentRuntime();
const hasNode20 = snapshotRuntimes().includes("node20");

interface DetachedOut {
  count: number;
  nodes: { id: number }[];
  wrapperCount: number;
  wrappers?: { id: number; name: string; className: string; retainedSize: number }[];
}

testWhen(hasNode20, "Node 20 is not installed: only its snapshots have detached wrappers")(
  `detached (${runtime}) on a Node 20 snapshot: no DOM nodes, and it says how many detached wrappers there are, why they are no DOM nodes, and how to list them`,
  async () => {
    const file = await takeRealSnapshot("node20", "cli-shop");
    const graph = await libraryGraph(file);
    const wrappers = detachedWrappers(graph);
    assert.ok(wrappers.length > 0, "Node 20 marks some C++ wrappers detached");
    assert.ok(wrappers.every((w) => w.className.startsWith("Detached Node / ")), wrappers.map((w) => w.className).join(", "));
    assert.equal(detachedDomNodes(graph), []);

    const text = await runMain(["detached", file]);
    assert.is(text.code, 0, text.stderr);
    assert.match(text.stdout, /^No detached DOM nodes in .*\.\n/);
    assert.match(text.stdout, new RegExp(`It has ${wrappers.length.toLocaleString("en-US")} detached wrapper objects? \\(Detached Node / `));
    assert.match(text.stdout, /JavaScript wrapper is weak\. They are not DOM nodes \(Node has no DOM\)/);
    assert.match(text.stdout, /List them with --wrappers\.\n$/);

    const json = await mainJson<DetachedOut>(["detached", file]);
    assert.is(json.count, 0);
    assert.is(json.wrapperCount, wrappers.length);
    assert.is(json.wrappers, undefined);
    const listed = await mainJson<DetachedOut>(["detached", file, "--wrappers"]);
    assert.equal(listed.wrappers!.map((w) => [w.id, w.className, w.retainedSize]), wrappers.map((w) => [w.id, w.className, w.retainedSize]));

    const table = await runMain(["detached", file, "--wrappers", "--limit", "2"]);
    assert.is(table.code, 0, table.stderr);
    assert.match(table.stdout, new RegExp(`^Detached objects that are no DOM nodes in .*: ${wrappers.length.toLocaleString("en-US")}\\n`));
    assert.match(table.stdout, /Detached Node \/ \S+ +@\d+/);
    assert.match(table.stdout, new RegExp(`… and ${(wrappers.length - 2).toLocaleString("en-US")} more \\(--limit all, or --json\\)`));
  },
);

test(`detached (${runtime}) on the Chromium snapshot: its DOM nodes, no wrappers and no word about them; --wrappers finds none`, async () => {
  const graph = await libraryGraph(CHROME_FILE);
  assert.equal(detachedWrappers(graph), []);
  const json = await mainJson<DetachedOut>(["detached", CHROME_FILE]);
  assert.ok(json.count > 0);
  assert.is(json.count, detachedDomNodes(graph).length);
  assert.is(json.wrapperCount, 0);
  const text = await runMain(["detached", CHROME_FILE]);
  assert.match(text.stdout, /^Detached DOM nodes in .*: \d+\n/);
  assert.match(text.stdout, / 2 nodes\n/, "a tree of two nodes");
  assert.not.match(text.stdout, /wrapper/);
  const none = await runMain(["detached", CHROME_FILE, "--wrappers"]);
  assert.is(none.code, 0);
  assert.match(none.stdout, /^No detached objects other than DOM nodes in /);
});

test.run();
