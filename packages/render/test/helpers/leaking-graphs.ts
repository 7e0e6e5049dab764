// Three synthetic snapshots of one process around an action that leaks three Sessions, as graphs.
import { buildGraph, type HeapGraph } from "@heapgraph/graph";
import { snapshotFromJson, type V8SnapshotJson } from "@heapgraph/snapshot";
import { syntheticSnapshot, type SyntheticEdge, type SyntheticNode } from "@heapgraph/testkit";

const BASE: Record<string, SyntheticNode> = {
  global: { type: "object", name: "Window", size: 40, id: 101 },
  app: { type: "object", name: "App", size: 32, id: 103 },
  sessions: { type: "object", name: "Map", size: 48, id: 105 },
};
const BASE_EDGES: SyntheticEdge[] = [
  ["global", "property", "app", "app"],
  ["app", "property", "sessions", "sessions"],
];
const SESSIONS = ["s1", "s2", "s3"];

function graph(withSessions: boolean): HeapGraph {
  const nodes: Record<string, SyntheticNode> = { ...BASE };
  const edges = [...BASE_EDGES];
  if (withSessions) {
    SESSIONS.forEach((key, i) => {
      nodes[key] = { type: "object", name: "Session", size: 64 + i, id: 201 + 2 * i };
      edges.push(["sessions", "element", i, key]);
    });
  }
  const s = syntheticSnapshot({ nodes, edges, roots: ["global"] });
  return buildGraph(snapshotFromJson(s.json as unknown as V8SnapshotJson));
}

/** Baseline without the Sessions; target and final with the three Sessions held by `App.sessions`. */
export function leakingGraphs(): { baseline: HeapGraph; target: HeapGraph; final: HeapGraph } {
  return { baseline: graph(false), target: graph(true), final: graph(true) };
}
