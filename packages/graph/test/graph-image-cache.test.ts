// The index cache's engine side: a graph turned into an image (sections + JSON) and back answers
// every query exactly as the graph it came from, on real snapshots (three of a real leak, and
// one full of hostile strings: lone surrogates, which UTF-8 cannot carry), with the indexes the
// image held taken as computed and the others still computed on demand.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readSnapshot } from "@heapgraph/snapshot";
import { snapshotRuntimes, takeRealSnapshot, testWhen, takeRealSnapshots, type SnapshotRuntime } from "@heapgraph/testkit";
import {
  backrefs,
  buildGraph,
  ENGINE_VERSION,
  findLeaks,
  graphFromImage,
  graphImage,
  GraphError,
  imageIndexes,
  largestRetainers,
  mostCommonTypes,
  pathToRoot,
  type GraphProgress,
  type HeapGraph,
} from "../src/index.ts";
import { decodeValue, encodeValue } from "../src/engine/cache/image-value.ts";
import { decodeStringList, encodeStringList } from "../src/engine/cache/string-list.ts";
import { runtime } from "./queries-snapshots.ts";

/** A query's answer as comparable text: node handles by id, no graph references. */
function plain(value: unknown): string {
  return JSON.stringify(value, (key, v) => {
    if (key === "graph") return undefined;
    if (v && typeof v === "object" && typeof v.id === "number" && typeof v.ordinal === "number" && typeof v.describe === "function") return `@${v.id}`;
    if (v instanceof Map) return [...v];
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
}

/** The same graph through an image: every section copied into one fresh buffer, as a file read gives. */
function throughImage(graph: HeapGraph, onProgress?: (p: GraphProgress) => void): HeapGraph {
  const image = graphImage(graph);
  const total = image.sections.reduce((sum, s) => sum + Math.ceil(s.data.byteLength / 8) * 8, 0);
  const buffer = new ArrayBuffer(total);
  let at = 0;
  const sections = image.sections.map((s) => {
    new Uint8Array(buffer, at, s.data.byteLength).set(new Uint8Array(s.data.buffer, s.data.byteOffset, s.data.byteLength));
    const data = new (s.data.constructor as Uint8ArrayConstructor)(buffer, at, s.data.length);
    at += Math.ceil(s.data.byteLength / 8) * 8;
    return { name: s.name, data };
  });
  return graphFromImage({ meta: JSON.parse(JSON.stringify(image.meta)), sections }, onProgress ? { onProgress } : {});
}

test(`graphFromImage (${runtime()}): summary rows, a chain, backrefs and leaks over three snapshots equal the fresh graphs'; nothing recomputed`, async () => {
  // Bun renumbers ids per snapshot (findLeaks refuses them): under Bun, Node 20's snapshots, still read and imaged by Bun.
  const by = (runtime() === "bun" ? "node20" : runtime()) as SnapshotRuntime;
  const files = await takeRealSnapshots(by, "emitter-leak", ["baseline", "target", "final"]);
  const fresh = {} as Record<"baseline" | "target" | "final", HeapGraph>;
  for (const label of ["baseline", "target", "final"] as const) fresh[label] = buildGraph(await readSnapshot(files[label]));
  const answers = (g: Record<"baseline" | "target" | "final", HeapGraph>) => {
    const final = g.final;
    const leaks = findLeaks(g.baseline, g.target, final);
    const deepest = final.distances().reduce((best, d, o) => (d > final.distances()[best] && d < 1e8 ? o : best), final.rootOrdinal);
    return {
      summary: plain(mostCommonTypes(final, { limit: 50 })),
      total: final.retainedSizes()[final.rootOrdinal],
      chain: plain(pathToRoot(final, final.node(deepest))),
      backrefs: plain(backrefs(final, [final.node(deepest)], { maxDepth: 4 })),
      leaks: plain(leaks),
      largest: plain(largestRetainers(final, { limit: 10 })),
    };
  };
  const before = answers(fresh);
  assert.ok(JSON.parse(before.leaks).length > 0, "the leak scenario has a leak to compare");
  const phases: string[] = [];
  const imaged = {
    baseline: throughImage(fresh.baseline),
    target: throughImage(fresh.target),
    final: throughImage(fresh.final, (p) => phases.push(p.phase)),
  };
  assert.ok(imageIndexes(graphImage(fresh.final)).includes("retainedSizes"));
  const after = answers(imaged);
  for (const key of Object.keys(before) as (keyof typeof before)[]) assert.is(after[key], before[key], `${key} from the image`);
  for (const heavy of ["dominators", "retained sizes", "distances", "classes"]) assert.not.ok(phases.includes(heavy as never), `${heavy} was not computed again (${phases.join(", ")})`);
});

test(`string lists (${runtime()}): lone surrogates, emoji, empty strings and blocks past a million characters come back equal`, () => {
  const list = ["", "a\uD800b", "ok", "\u{1F600}", "\uDC00", "x".repeat(1_500_000), "é", ...Array.from({ length: 3000 }, (_, i) => `s${i}\uD83D`)];
  const sections = encodeStringList("t", list);
  const byName = new Map(sections.map((s) => [s.name, s.data]));
  assert.equal(decodeStringList("t", (n) => byName.get(n)), list);
  const empty = new Map(encodeStringList("t", []).map((s) => [s.name, s.data]));
  assert.equal(decodeStringList("t", (n) => empty.get(n)), []);
  // Long number maps (a retention tree's WeakMap pairs) go to sections; short ones and others stay JSON.
  const big = new Map(Array.from({ length: 1000 }, (_, i) => [i * 3, i * 7] as [number, number]));
  const value = { big, small: new Map([[1, 2]]), named: new Map([["a", new Uint32Array([5])]]) };
  const sink: { name: string; data: ArrayLike<number> }[] = [];
  const descriptor = encodeValue("v", value, sink as never);
  assert.ok(sink.some((s) => s.name === "v.big.keys"), "the long number map is a section pair");
  const sunk = new Map(sink.map((s) => [s.name, s.data]));
  const back = decodeValue(descriptor, (n) => sunk.get(n) as never) as typeof value;
  assert.equal([...back.big], [...big]);
  assert.equal([...back.small], [[1, 2]]);
  assert.equal(Array.from(back.named.get("a")!), [5]);
});

test(`graphFromImage (${runtime()}): hostile strings, a half-analysed image completed on demand, a foreign image refused`, async () => {
  const file = await takeRealSnapshot(runtime() as SnapshotRuntime, "hostile-strings");
  const snapshot = await readSnapshot(file);
  const fresh = buildGraph(snapshot);
  fresh.distances();
  const imaged = throughImage(fresh);
  const a = fresh as unknown as { snapshot: { strings: readonly string[] } }, b = imaged as unknown as { snapshot: { strings: readonly string[] } };
  assert.is(b.snapshot.strings.length, a.snapshot.strings.length);
  assert.ok(a.snapshot.strings.every((s, i) => s === b.snapshot.strings[i]), "every string equal, lone surrogates included");
  // Only distances were in the image: the rest is computed on demand and equals the fresh graph's.
  assert.equal(imageIndexes(graphImage(imaged)), ["distances"]);
  assert.is(plain(mostCommonTypes(imaged, { limit: 30 })), plain(mostCommonTypes(fresh, { limit: 30 })));
  assert.is(imaged.retainedSizes()[imaged.rootOrdinal], fresh.retainedSizes()[fresh.rootOrdinal]);
  const image = graphImage(fresh);
  for (const bad of [{ ...image, meta: { ...(image.meta as object), engine: ENGINE_VERSION + 1 } }, { ...image, sections: image.sections.filter((s) => s.name !== "s.edgeTarget") }]) {
    try {
      graphFromImage(bad);
      assert.unreachable("a foreign image is refused");
    } catch (error) {
      assert.instance(error, GraphError);
      assert.is((error as GraphError).code, "INVALID_IMAGE");
    }
  }
});

test(`graphFromImage (${runtime()}): nothing is read ahead; a section that cannot be read fails the query that needs it with INVALID_IMAGE, and only that one`, async () => {
  const fresh = buildGraph(await readSnapshot(await takeRealSnapshot(runtime() as SnapshotRuntime, "hostile-strings")));
  mostCommonTypes(fresh, { limit: 10 }); // what a summary computes, as the CLI's cold run stores it
  const image = graphImage(fresh);
  const read = new Set<string>();
  const lazy = (broken: string | null) => ({
    meta: image.meta,
    sections: image.sections.map((s) => ({
      name: s.name,
      get data() {
        read.add(s.name);
        if (s.name === broken) throw new Error("checksum mismatch (simulated)");
        return s.data;
      },
    })),
  });
  const graph = graphFromImage(lazy(null));
  assert.equal([...read], [], "building the graph reads no section");
  assert.equal(plain(mostCommonTypes(graph, { limit: 10 })), plain(mostCommonTypes(fresh, { limit: 10 })));
  assert.is(graph.retainedSizes()[graph.rootOrdinal], fresh.retainedSizes()[fresh.rootOrdinal]);
  assert.not.ok([...read].some((name) => name.startsWith("s.edge") || name === "g.retainers.retainerNode"), `a summary reads no edge column (${[...read].join(", ")})`);
  assert.equal(imageIndexes(graph).sort(), imageIndexes(image).sort(), "the names come without reading");

  read.clear();
  const broken = graphFromImage(lazy("g.retainedSizes"));
  assert.equal(plain(broken.classes().names), plain(fresh.classes().names), "what does not need the broken section answers");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      broken.retainedSizes();
      assert.unreachable("an unreadable section must fail the query");
    } catch (error) {
      assert.instance(error, GraphError);
      assert.is((error as GraphError).code, "INVALID_IMAGE");
      assert.match((error as Error).message, /g\.retainedSizes.*checksum mismatch/);
    }
  }
});

testWhen(snapshotRuntimes().includes("bun-jsc"), "no Bun here to take a JavaScriptCore snapshot")(`graphFromImage (${runtime()}): a JavaScriptCore snapshot (Bun's format mapped onto V8's) comes back equal too`, async () => {
  const fresh = buildGraph(await readSnapshot(await takeRealSnapshot("bun-jsc", "sample")));
  const rows = plain(mostCommonTypes(fresh, { limit: 30 }));
  const imaged = throughImage(fresh);
  assert.is(imaged.snapshot.format, "jsc");
  assert.is(plain(mostCommonTypes(imaged, { limit: 30 })), rows);
  assert.is(imaged.retainedSizes()[imaged.rootOrdinal], fresh.retainedSizes()[fresh.rootOrdinal]);
});

test.run();
