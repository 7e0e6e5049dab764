// The JSON API of `heapgraph explore` in this process (Node, Deno, Bun), on real snapshots: the
// Comparison by heap id for two snapshots of one connection, class counts only (and why) for
// snapshots of two processes, objects of a class paged, retainers, graph data for the widget.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { currentRuntime } from "@heapgraph/testkit";
import type { InteractiveGraphData } from "@heapgraph/render";
import type { ClassRow, ObjectRow, RetainerEdgeRow } from "../src/web/explore/explore-rows.ts";
import type { ComparisonView } from "../src/web/explore/explore-views.ts";
import { exploreApp } from "../src/web/explore/explore-app.ts";
import { TOKEN_HEADER } from "../src/web/web-guard.ts";
import { startWebServer } from "../src/web/start-web-server.ts";
import { forgetGraphs, leakFiles, libraryGraph, nodeShopFile } from "./cli-helpers.ts";

const runtime = currentRuntime();
test.after(forgetGraphs);

test(`explore API (${runtime}): comparison by id, counts only across processes, objects, retainers, graph`, async () => {
  const { baseline, target } = await leakFiles();
  const [before, after, shop] = await Promise.all([libraryGraph(baseline), libraryGraph(target), libraryGraph(await nodeShopFile())]);
  const same = await startWebServer({ app: exploreApp({ files: [{ name: "baseline", graph: before }, { name: "target", graph: after }] }) });
  const foreign = await startWebServer({ app: exploreApp({ files: [{ name: "shop", graph: shop }, { name: "target", graph: after }] }) });
  const get = async <T>(server: typeof same, path: string): Promise<T> => {
    const response = await fetch(`${server.origin}${path}`, { headers: { [TOKEN_HEADER]: server.token } });
    assert.is(response.status, 200, `${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  try {
    const byId = await get<ComparisonView>(same, "/api/comparison");
    assert.ok(byId.byId, "one connection: by heap id");
    if (byId.byId) assert.ok(byId.rows.some((r) => r.name === "LeakRequest" && r.added === 20 && r.removed === 0), "20 new LeakRequest objects");
    const counts = await get<ComparisonView>(foreign, "/api/comparison");
    assert.not.ok(counts.byId, "two processes: not by id");
    if (!counts.byId) assert.match(counts.idsNotComparable, /counts only/);

    const classes = await get<ClassRow[]>(same, "/api/classes?file=1");
    const leak = classes.find((c) => c.name === "LeakRequest")!;
    assert.is(leak.count, 21);
    const first = await get<{ total: number; objects: ObjectRow[] }>(same, `/api/objects?file=1&class=${leak.index}&limit=5`);
    const rest = await get<{ total: number; objects: ObjectRow[] }>(same, `/api/objects?file=1&class=${leak.index}&offset=5&limit=50`);
    assert.equal([first.total, first.objects.length, rest.objects.length], [21, 5, 16]);
    assert.is(new Set([...first.objects, ...rest.objects].map((o) => o.id)).size, 21, "pages do not overlap");
    const leaked = rest.objects.at(-1)!;
    const { retainers } = await get<{ total: number; retainers: RetainerEdgeRow[] }>(same, `/api/retainers?file=1&id=${leaked.id}`);
    assert.ok(retainers.length > 0 && retainers[0]!.retains, "a retaining edge first");
    const graph = await get<InteractiveGraphData>(same, `/api/graph?file=1&id=${leaked.id}`);
    assert.ok(graph.nodes.some((n) => n.id === leaked.id) && (graph.highlight ?? []).includes(leaked.id), "the object, on its highlighted chain");
    const holder = graph.nodes.find((n) => (n.expandable?.backrefs ?? 0) > 0 && n.id !== leaked.id) ?? graph.nodes[0]!;
    const back = await get<InteractiveGraphData>(same, `/api/backrefs?file=1&id=${holder.id}&tooMany=3`);
    assert.ok(back.nodes.length <= 4 + 1, `tooMany bounds the answer (${back.nodes.length} nodes)`);

    for (const [path, message] of [
      ["/api/objects?file=1&class=abc", /^class: /],
      [`/api/objects?file=1&class=${10 ** 7}`, /no class number/],
      ["/api/refs?file=1&id=-4", /^id: /],
      ["/api/refs?file=1&id=1&tooMany=0", /^tooMany: /],
      ["/api/retainers?file=1&id=4294967290", /no object has id 4294967290/],
    ] as const) {
      const response = await fetch(`${same.origin}${path}`, { headers: { [TOKEN_HEADER]: same.token } });
      assert.is(response.status, 400, path);
      assert.match(((await response.json()) as { error: string }).error, message);
    }
  } finally {
    await same.close();
    await foreign.close();
  }
});

test.run();
