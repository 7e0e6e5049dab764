// Scripts compiled from strings with //# sourceURL=name.js have no name; V8 keeps the URL in the
// script's source_url, a hidden edge. Labels and locations read name.js, not undefined (issue 14, item 7).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { testWhen } from "@heapgraph/testkit";
import { runtime, syntheticGraph } from "./queries-snapshots.ts";
import { heldBy, truthsGraph, v8Heap } from "./smaller-truths.ts";

testWhen(v8Heap, "Bun's snapshots carry no script locations")(`eval and new Function named by //# sourceURL (${runtime()})`, async () => {
  const graph = await truthsGraph();
  const f = heldBy(graph, "TruthFunctions");
  assert.is(f.evalNamed.describe(), "function evalNamed() at name.js:1:20");
  assert.match(f.made.describe(), /^function madeByFunction\(\) at made\.js:\d+:\d+$/);
  const where = graph.location(f.evalNamed.ordinal)!;
  assert.is(graph.scriptName(where.scriptId), "name.js");
  // A module keeps its own name (a file URL; a path when Node 20 loads it through tsx).
  assert.match(f.deep.describe(), /^function \(anonymous\)\(\) at (file:\/\/)?\/.*\/pages\/api\.js:\d+:\d+$/);
});

test("a lone hidden string that is a source map URL is not taken for the name; a system name is no name", () => {
  const script = (hidden: string[]) => {
    const nodes: Record<string, { type: string; name: string; size: number }> = {
      g: { type: "object", name: "global", size: 40 },
      fn: { type: "closure", name: "f", size: 56 },
      shared: { type: "code", name: "f", size: 56 },
      script: { type: "code", name: "system / Script", size: 144 },
    };
    const edges: [string, string, string | number, string][] = [
      ["g", "property", "f", "fn"],
      ["fn", "internal", "shared", "shared"],
      ["shared", "internal", "script_or_debug_info", "script"],
    ];
    hidden.forEach((text, k) => {
      nodes[`s${k}`] = { type: "string", name: text, size: 32 };
      edges.push(["script", "hidden", k + 4, `s${k}`]);
    });
    const { graph } = syntheticGraph({ nodes, roots: ["g"], edges, locations: [{ node: "fn", scriptId: 7, line: 0, column: 0 }] } as never);
    return graph.scriptName(7);
  };
  assert.is(script(["both.js", "both.js.map"]), "both.js");
  assert.is(script(["only.js.map"]), undefined);
  assert.is(script(["data:application/json;base64,e30="]), undefined);
  assert.is(script(["lonely.js"]), "lonely.js");
  assert.is(script([]), undefined, "Deno's 'system / Script' is not a script name");
});

test.run();
