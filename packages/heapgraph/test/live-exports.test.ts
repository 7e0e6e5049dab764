// The umbrella's exports: every objgraph function under its camelCase name as a live call; the
// graph package's queries under `queries` only; what the live calls take (graph types,
// predicates, GrowthTracker, buildGraph) and the snapshot, render and notebook packages flat;
// and the README's mapping table naming each.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as graphPackage from "@heapgraph/graph";
import * as notebookPackage from "@heapgraph/notebook";
import * as renderPackage from "@heapgraph/render";
import * as snapshotPackage from "@heapgraph/snapshot";
import * as heapgraph from "../src/index.ts";
import { PACKAGE } from "./cli-helpers.ts";

/** objgraph's public functions, in camelCase. */
const OBJGRAPH = [
  "count",
  "typestats",
  "mostCommonTypes",
  "showMostCommonTypes",
  "growth",
  "showGrowth",
  "getNewIds",
  "getLeakingObjects",
  "byType",
  "at",
  "atAddrs",
  "findRefChain",
  "findBackrefChain",
  "showRefs",
  "showBackrefs",
  "showChain",
  "isProperModule",
];

/** What the umbrella exports flat from @heapgraph/graph: not queries, but what the live calls take and return. */
const FLAT_FROM_GRAPH = ["buildGraph", "GraphError", "GrowthTracker", "isDetached", "isGCRoot", "isGlobal", "isModule", "isPlumbing", "isUserRoot", "QueryError"];

const exported = heapgraph as Record<string, unknown>;
const graphExports = graphPackage as Record<string, unknown>;
/** Values the other packages export too (an error base the graph package re-exports, say): flat through them. */
const elsewhere = new Set<unknown>([snapshotPackage, renderPackage, notebookPackage].flatMap((p) => Object.values(p)));

test("every objgraph function is a live call under its camelCase name, never the graph package's", () => {
  for (const name of OBJGRAPH) {
    assert.type(exported[name], "function", name);
    if (name in graphExports) assert.ok(exported[name] !== graphExports[name], `${name} is the live one`);
  }
});

test("the graph package's queries are under queries, and only there", () => {
  assert.equal(Object.keys(heapgraph.queries).sort(), Object.keys(graphPackage).sort(), "queries is the whole graph package");
  for (const [name, value] of Object.entries(graphExports)) {
    assert.ok((heapgraph.queries as Record<string, unknown>)[name] === value, `queries.${name}`);
    if (FLAT_FROM_GRAPH.includes(name)) assert.ok(exported[name] === value, `${name} is flat too`);
    else if (!elsewhere.has(value)) assert.ok(exported[name] !== value, `${name} is a query: queries.${name} only`);
  }
  for (const name of ["findLeaks", "compare", "pathToRoot", "largestRetainers", "refs", "backrefs", "newObjects"]) {
    assert.is(exported[name], undefined, `no flat ${name}`);
  }
});

test("snapshot, render and notebook are re-exported flat; escapeHtml is render's", () => {
  const packages: [string, Record<string, unknown>][] = [
    ["snapshot", snapshotPackage],
    ["render", renderPackage],
    ["notebook", notebookPackage],
  ];
  for (const [pkg, exports] of packages) {
    for (const [name, value] of Object.entries(exports)) {
      if (name === "escapeHtml" && pkg === "notebook") continue;
      assert.ok(exported[name] === value, `${pkg}'s ${name}`);
    }
  }
  assert.ok(heapgraph.escapeHtml === renderPackage.escapeHtml, "escapeHtml is @heapgraph/render's");
  for (const name of ["readSnapshot", "writeSnapshot", "takeSnapshot", "buildGraph", "toDot", "renderSvg", "display", "GrowthTracker", "HeapgraphError"]) {
    assert.type(exported[name], "function", name);
  }
});

test("the README's mapping table has a row for every objgraph function: its live name and its graph query", () => {
  const readme = readFileSync(join(PACKAGE, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("| objgraph |"));
  for (const name of OBJGRAPH) {
    const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    assert.match(table, new RegExp(`\\| \`${snake}\\(.*\\| \`${name}\\(`), `a row ${snake} → ${name}`);
  }
});

test.run();
