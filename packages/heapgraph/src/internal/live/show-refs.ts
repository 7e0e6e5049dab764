/**
 * objgraph's `show_refs` and `show_backrefs` over live objects of the running process.
 *
 * @module
 */
import { backrefs, refs, type SubgraphOptions } from "@heapgraph/graph";
import { checkLiveOptions } from "./live-options.ts";
import { SNAPSHOT_OPTIONS, type LiveSnapshotOptions } from "./live-snapshot.ts";
import { locate, resolveTargets } from "./locate.ts";
import { GRAPH_OUTPUT_OPTIONS, graphFormat, showSelection, type GraphOutputOptions } from "./show-graph.ts";

/**
 * Options of {@link showRefs} and {@link showBackrefs}: objgraph's, in camelCase.
 *
 * @example
 * ```ts
 * await showRefs([config], { maxDepth: 2, tooMany: 5, highlight: (n) => n.className === "Map", filename: "config.svg" });
 * ```
 */
export interface ShowRefsOptions extends Omit<SubgraphOptions, "extraIgnore">, GraphOutputOptions, LiveSnapshotOptions {
  /** Objects to leave out: live objects, heap ids, or node handles (objgraph's `extra_ignore`). */
  extraIgnore?: Iterable<unknown>;
}

const SHOW_REFS_OPTIONS = {
  ...SNAPSHOT_OPTIONS,
  ...GRAPH_OUTPUT_OPTIONS,
  maxDepth: "count",
  tooMany: "count",
  filter: "function",
  highlight: "function",
  extraInfo: "function",
  extraIgnore: "iterable",
  cull: "function",
  internals: "boolean",
  weak: "boolean",
} as const;

/**
 * Draws what `objs` refer to, breadth-first up to `maxDepth` (3) steps, at most `tooMany` (10)
 * references per object — objgraph's `show_refs`. Inline in a Jupyter kernel; elsewhere written
 * to an SVG file whose path is printed (`filename` chooses the file, and wins in a kernel too).
 *
 * `objs` are live objects or functions of this process, found in a fresh snapshot by heap id
 * (Node and Deno; Bun throws `NotSupportedError`), or node handles of one graph, drawn in that
 * graph. The array itself is left out of the drawing, as objgraph leaves out its list. V8's
 * plumbing (hidden classes, backing stores, code) is hidden unless `internals: true`.
 *
 * @example
 * ```ts
 * import { showRefs } from "heapgraph";
 * const x: unknown[] = [];
 * const y = [x, [x], { x }];
 * await showRefs([y]);                                // inline in a notebook
 * await showRefs([y], { filename: "sample-graph.svg" }); // Graph written to sample-graph.svg (4 nodes)
 * ```
 */
export async function showRefs(objs: Iterable<unknown>, options: ShowRefsOptions = {}): Promise<void> {
  checkLiveOptions("showRefs", options, SHOW_REFS_OPTIONS);
  graphFormat("showRefs", options.filename);
  const resolved = await resolveTargets("showRefs", objs, options.extraIgnore, true);
  const { subgraph, output, snapshot } = split(options);
  // Let go of the caller's objects before the snapshot, so this call's own frames do not hold them.
  objs = [];
  options = {};
  const { graph, nodes, ignore } = await locate("showRefs", resolved, snapshot);
  await showSelection("showRefs", refs(graph, nodes, { ...subgraph, extraIgnore: ignore }), output);
}

/**
 * Draws what refers to `objs`, breadth-first up to `maxDepth` (3) steps back, at most `tooMany`
 * (10) referrers per object, stopping at modules and global objects (`cull`) — objgraph's
 * `show_backrefs`, the picture of why something is still alive. Edges point from holder to
 * held. Output, targets and plumbing as in {@link showRefs}.
 *
 * @example
 * ```ts
 * import { showBackrefs } from "heapgraph";
 * await showBackrefs([x], { maxDepth: 2 });
 * await showBackrefs([x], { filename: "sample-backref-graph.svg", highlight: (n) => n.className === "Array" });
 * ```
 */
export async function showBackrefs(objs: Iterable<unknown>, options: ShowRefsOptions = {}): Promise<void> {
  checkLiveOptions("showBackrefs", options, SHOW_REFS_OPTIONS);
  graphFormat("showBackrefs", options.filename);
  const resolved = await resolveTargets("showBackrefs", objs, options.extraIgnore, true);
  const { subgraph, output, snapshot } = split(options);
  objs = [];
  options = {};
  const { graph, nodes, ignore } = await locate("showBackrefs", resolved, snapshot);
  await showSelection("showBackrefs", backrefs(graph, nodes, { ...subgraph, extraIgnore: ignore }), output);
}

function split(options: ShowRefsOptions): { subgraph: Omit<SubgraphOptions, "extraIgnore">; output: GraphOutputOptions; snapshot: LiveSnapshotOptions } {
  const { gc, filename, title, extraNodeAttrs, file, extraIgnore, ...subgraph } = options;
  void extraIgnore;
  return {
    subgraph,
    output: { ...(filename !== undefined ? { filename } : {}), ...(title !== undefined ? { title } : {}), ...(extraNodeAttrs ? { extraNodeAttrs } : {}), ...(file ? { file } : {}) },
    snapshot: gc === undefined ? {} : { gc },
  };
}
