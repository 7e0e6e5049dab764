// The umbrella's exports: the live API under objgraph's names, the lower packages re-exported
// flat, and the graph package's own count/byType/chains under `queries`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as graphPackage from "@heapgraph/graph";
import * as notebookPackage from "@heapgraph/notebook";
import * as renderPackage from "@heapgraph/render";
import * as snapshotPackage from "@heapgraph/snapshot";
import * as heapgraph from "../src/index.ts";
import { count as liveCount } from "../src/internal/live/count.ts";
import { byType as liveByType } from "../src/internal/live/by-type.ts";
import { findBackrefChain as liveFindBackrefChain, findRefChain as liveFindRefChain } from "../src/internal/live/chains.ts";

const LIVE = { count: liveCount, byType: liveByType, findBackrefChain: liveFindBackrefChain, findRefChain: liveFindRefChain };

test("objgraph's names are the live functions; the graph package's are under queries", () => {
  for (const [name, live] of Object.entries(LIVE)) {
    assert.ok((heapgraph as Record<string, unknown>)[name] === live, `${name} is the live one`);
    assert.ok((heapgraph.queries as Record<string, unknown>)[name] === (graphPackage as Record<string, unknown>)[name], `queries.${name} is the graph one`);
  }
  assert.equal(Object.keys(heapgraph.queries).sort(), Object.keys(graphPackage).sort(), "queries is the whole graph package");
});

test("every other export of the four packages is re-exported as it is", () => {
  const packages: [string, Record<string, unknown>][] = [
    ["snapshot", snapshotPackage],
    ["graph", graphPackage],
    ["render", renderPackage],
    ["notebook", notebookPackage],
  ];
  for (const [pkg, exports] of packages) {
    for (const [name, value] of Object.entries(exports)) {
      if (name in LIVE && pkg === "graph") continue;
      if (name === "escapeHtml" && pkg === "notebook") continue;
      assert.ok((heapgraph as Record<string, unknown>)[name] === value, `${pkg}'s ${name}`);
    }
  }
  assert.ok(heapgraph.escapeHtml === renderPackage.escapeHtml, "escapeHtml is @heapgraph/render's");
  for (const name of ["readSnapshot", "buildGraph", "findLeaks", "toDot", "renderSvg", "display", "GrowthTracker"]) {
    assert.type((heapgraph as Record<string, unknown>)[name], "function", name);
  }
});

test.run();
