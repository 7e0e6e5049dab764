/**
 * `refs` and `backrefs`: the part of the heap around one object, bounded by depth, references
 * per object and nodes returned (objgraph's `show_refs` / `show_backrefs` as data).
 *
 * @module
 */
import { backrefs, refs, type HeapGraph, type HeapNode, type Selection } from "@heapgraph/graph";
import { countNoun, printable } from "@heapgraph/render";
import { z } from "zod";
import { selectionJson } from "../../json/selection-json.ts";
import type { RegisterTools } from "../tool-context.ts";
import { toolProgress } from "../tool-progress.ts";
import { guarded, toolResult } from "../tool-result.ts";
import { pickTarget, snapshotRef, targetInput } from "./tool-inputs.ts";

/**
 * The bounds of a refs/backrefs selection, as tool inputs.
 *
 * @example
 * ```ts
 * const input = { snapshot: snapshotRef, ...targetInput, ...subgraphBounds };
 * ```
 */
export const subgraphBounds = {
  maxDepth: z.number().int().min(1).max(10).default(3).describe("how many levels to follow (default 3, at most 10)"),
  tooMany: z.number().int().min(1).max(50).default(10).describe("at most this many references per object; the rest are counted (default 10)"),
  internals: z.boolean().default(false).describe("show V8 plumbing too (hidden classes, backing stores, code)"),
};

/**
 * The selection `kind` builds around `node`.
 *
 * @example
 * ```ts
 * const selection = subgraphOf("backrefs", graph, node, { maxDepth: 3, tooMany: 10, internals: false });
 * ```
 */
export function subgraphOf(kind: "refs" | "backrefs", graph: HeapGraph, node: HeapNode, bounds: { maxDepth: number; tooMany: number; internals: boolean }): Selection {
  const { maxDepth, tooMany, internals } = bounds;
  return (kind === "refs" ? refs : backrefs)(graph, [node], { maxDepth, tooMany, internals });
}

/**
 * A selection cut to its first `maxNodes` nodes (nearest first), with the edges between them.
 *
 * @example
 * ```ts
 * const { nodes, edges, omittedNodes } = boundedSelectionJson(selection, 60);
 * ```
 */
export function boundedSelectionJson(selection: Selection, maxNodes: number) {
  const json = selectionJson(selection);
  const nodes = [...json.nodes].sort((a, b) => a.depth - b.depth).slice(0, maxNodes);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = json.edges.filter((e) => kept.has(e.from) && kept.has(e.to));
  return { nodes, edges, depthLimited: json.depthLimited, omittedNodes: json.nodes.length - nodes.length, omittedEdges: json.edges.length - edges.length };
}

/**
 * Registers `refs` and `backrefs`.
 *
 * @example
 * ```ts
 * registerSubgraphTools(server, ctx);
 * ```
 */
export const registerSubgraphTools: RegisterTools = (server, ctx) => {
  for (const kind of ["refs", "backrefs"] as const) {
    const forwards = kind === "refs";
    server.registerTool(
      kind,
      {
        title: forwards ? "What an object refers to" : "What refers to an object",
        description:
          (forwards
            ? "What an object refers to, a few levels deep (objgraph's show_refs), as nodes and edges (holder → held). "
            : "What refers to an object, a few levels back, stopping at modules and globals (objgraph's show_backrefs), as nodes and edges (holder → held). ") +
          "Bounded: maxDepth levels, tooMany references per object (the rest counted in truncated), maxNodes nodes returned (nearest first). " +
          "Give id, or className (a representative instance). V8 plumbing is hidden unless internals. draw gives the same as SVG.",
        inputSchema: { snapshot: snapshotRef, ...targetInput, ...subgraphBounds, maxNodes: z.number().int().min(1).max(500).default(60).describe("most nodes returned (default 60)") },
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      (args, extra) =>
        guarded(async () => {
          const entry = await ctx.store.resolve(args.snapshot, undefined, toolProgress(extra));
          const { node, candidates } = pickTarget(entry.graph, args, entry.handle);
          const selection = subgraphOf(kind, entry.graph, node, args);
          const json = boundedSelectionJson(selection, args.maxNodes);
          const names = new Map(json.nodes.map((n) => [n.id, `${printable(n.className, 60)} @${n.id}`]));
          const lines = json.edges.map((e) => `  ${names.get(e.from)} -${printable(e.name, 40)}-> ${names.get(e.to)}`);
          const cut = json.omittedNodes > 0 ? `(${countNoun(json.omittedNodes, "more object")} left out: raise maxNodes or lower maxDepth)\n` : "";
          const text = `${forwards ? "References from" : "Referrers of"} ${node.className} @${node.id}: ${countNoun(selection.nodes.length, "object")}, ${countNoun(selection.edges.length, "reference")} (depth ${args.maxDepth}, at most ${args.tooMany} per object)\n${lines.join("\n")}\n${cut}`;
          return toolResult({ snapshot: entry.handle, kind, target: { id: node.id, className: node.className, candidates }, ...json }, text);
        }),
    );
  }
};
