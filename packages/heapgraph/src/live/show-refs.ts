/**
 * objgraph's `show_refs` and `show_backrefs` over live objects of the running process.
 *
 * @module
 */
import { backrefs, refs, type HeapNode } from "@heapgraph/graph";
import type { z } from "zod";
import { callbackOption, countOption, flagOption, iterableOption, liveOptions, parseLiveOptions, SNAPSHOT_SHAPE } from "./live-options.ts";
import { locate, resolveTargets } from "./locate.ts";
import { GRAPH_OUTPUT_SHAPE, graphFormat, showSelection } from "./show-graph.ts";

/**
 * The schema of {@link ShowRefsOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("showRefs", showRefsOptions, { maxDepth: 2 });
 * ```
 */
export const showRefsOptions = liveOptions({
  ...SNAPSHOT_SHAPE,
  ...GRAPH_OUTPUT_SHAPE,
  /** How many steps from the objects to go (default 3). */
  maxDepth: countOption,
  /** At most this many references per object; the rest are counted in a box (default 10). */
  tooMany: countOption,
  /** Leave out neighbours for which this returns false (the objects themselves are always kept). */
  filter: callbackOption<(node: HeapNode) => boolean>(),
  /** Mark nodes for which this returns true. */
  highlight: callbackOption<(node: HeapNode) => boolean>(),
  /** An extra label line per node. */
  extraInfo: callbackOption<(node: HeapNode) => string | undefined | null>(),
  /** Objects to leave out: live objects, heap ids, or node handles (objgraph's `extra_ignore`). */
  extraIgnore: iterableOption,
  /** Where to stop going further (default for `showBackrefs`: modules and global objects; null: nowhere). */
  cull: callbackOption<(node: HeapNode) => boolean>().nullable(),
  /** Show V8 plumbing — maps, backing stores, feedback, code — and `__proto__` links (default false). */
  internals: flagOption,
  /** Show edges that do not keep their target alive — weak edges, WeakRef targets (default true). */
  weak: flagOption,
});

/**
 * Options of {@link showRefs} and {@link showBackrefs}: objgraph's, in camelCase (`maxDepth`,
 * `tooMany`, `filter`, `highlight`, `extraInfo`, `extraIgnore`, `filename`, `extraNodeAttrs`),
 * and `cull`, `internals`, `weak`, `title`, `file`, `gc`.
 *
 * @example
 * ```ts
 * const options: ShowRefsOptions = { maxDepth: 2, tooMany: 5, highlight: (n) => n.className === "Map", filename: "config.svg" };
 * await showRefs([config], options);
 * ```
 */
export type ShowRefsOptions = z.input<typeof showRefsOptions>;

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
 * await showRefs([y], { interactive: true });         // pan, zoom, click to expand (notebook or .html)
 * ```
 */
export function showRefs(objs: Iterable<unknown>, options: ShowRefsOptions = {}): Promise<void> {
  // Not async: no suspended frame of this function may hold `objs` while the snapshot is taken.
  return showSubgraph("showRefs", objs, options);
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
export function showBackrefs(objs: Iterable<unknown>, options: ShowRefsOptions = {}): Promise<void> {
  return showSubgraph("showBackrefs", objs, options);
}

async function showSubgraph(call: "showRefs" | "showBackrefs", objs: Iterable<unknown>, options: ShowRefsOptions): Promise<void> {
  const { gc, filename, title, extraNodeAttrs, file, extraIgnore, interactive, ...subgraph } = parseLiveOptions(call, showRefsOptions, options);
  graphFormat(call, filename);
  const resolved = await resolveTargets(call, objs, extraIgnore, true);
  const output = { filename, title, extraNodeAttrs, file, interactive };
  // Let go of the caller's objects before the snapshot, so this call's own frames do not hold them.
  objs = [];
  options = {};
  const { graph, nodes, ignore } = await locate(call, resolved, { gc });
  const select = call === "showRefs" ? refs : backrefs;
  await showSelection(call, select(graph, nodes, { ...subgraph, extraIgnore: ignore }), output, graph);
}
