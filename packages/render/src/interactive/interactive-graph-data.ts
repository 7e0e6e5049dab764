import { pathToRoot, selectionNode, type HeapGraph, type Selection, type SelectionNode } from "@heapgraph/graph";
import { z } from "zod";
import { hsvToRgb } from "../dot/contrast.ts";
import { nodeStyle } from "../dot/dot-style.ts";
import { nodeLabelLines } from "../dot/node-label-lines.ts";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { positiveOrInfinity } from "../errors/option-schemas.ts";
import { RenderError } from "../errors/render-error.ts";
import { edgeLabel } from "../text/edge-label.ts";
import { printable } from "../text/printable-text.ts";
import type { InteractiveEdge, InteractiveGraphData, InteractiveNode } from "./interactive-graph-types.ts";

/**
 * The schema of {@link interactiveGraphData}'s options.
 *
 * @example
 * ```ts
 * interactiveGraphDataOptions.parse({ neighbourhood: { depth: 2, maxNodes: 150 } });
 * ```
 */
export const interactiveGraphDataOptions = z.strictObject({
  /** A title above the drawing. */
  title: z.string().optional(),
  /** The layout direction, as the static drawing's `rankdir` (default `TB`). */
  rankDir: z.enum(["TB", "LR", "BT", "RL"]).optional(),
  /** Show `@id` after the class name (default true), as `toDot`. */
  ids: z.boolean().optional(),
  /** Show the self / retained size line (default true), as `toDot`. */
  sizes: z.boolean().optional(),
  /** Every label line is cut to this many characters (default 60), as `toDot`. */
  maxLineLength: positiveOrInfinity.optional(),
  /** Heap ids to highlight (default: a chain's nodes, or the selection's highlighted nodes). */
  highlight: z.array(z.number().int().nonnegative()).optional(),
  /** The node of interest (default: the first starting node). */
  focus: z.number().int().nonnegative().optional(),
  /**
   * Highlight the retaining chain from a GC root to the focus node (`pathToRoot`), adding its
   * nodes that the selection lacks to the neighbourhood, so that clicks reach them (default false:
   * a chain selection's own nodes, or the selection's highlighted nodes). Costs the graph's
   * retention tree once.
   */
  chainToRoot: z.boolean().optional(),
  /**
   * The bounded neighbourhood embedded for clicks to reveal without a server: `depth` steps
   * beyond the drawn nodes, both ways (default 2), at most `maxNodes` nodes (default 200) and
   * `perNode` neighbours per node and direction (default 25); `false` embeds none.
   */
  neighbourhood: z
    .union([
      z.literal(false),
      z.strictObject({
        depth: z.number().int().nonnegative().optional(),
        maxNodes: z.number().int().nonnegative().optional(),
        perNode: z.number().int().positive().optional(),
      }),
    ])
    .optional(),
});

/**
 * Options of {@link interactiveGraphData}.
 *
 * @example
 * ```ts
 * const options: InteractiveGraphDataOptions = { title: "what holds Foo", neighbourhood: { depth: 1 } };
 * ```
 */
export type InteractiveGraphDataOptions = z.input<typeof interactiveGraphDataOptions>;

/**
 * The data of the interactive reference graph for a selection of `refs`, `backrefs` or
 * `chainSelection` (objgraph's `show_refs`, `show_backrefs`, `show_chain`): the selection's nodes
 * and edges labelled in the very words of `toDot` (class @id, preview, sizes, extra line; `.prop`,
 * `[3]` edge labels), each node with DevTools' distance, detachedness and how many references and
 * referrers it has (what a click can expand), the chain to highlight, the `tooMany` cuts, and a
 * bounded neighbourhood of `graph` (a depth beyond the drawn one, capped by node count) that clicks
 * reveal in a page without a server. JSON-safe; pass it to `interactiveGraphHtml`.
 *
 * @throws {RenderError} `INVALID_SELECTION` when an edge names a node the selection lacks or a
 * node's ordinal is not in `graph`; `INVALID_OPTIONS` for bad options.
 *
 * @example
 * ```ts
 * import { backrefs } from "@heapgraph/graph";
 * import { interactiveGraphData, interactiveGraphHtml } from "@heapgraph/render";
 * const data = interactiveGraphData(graph, backrefs(graph, [leaked], { maxDepth: 3 }), { title: "what holds it" });
 * const fragment = interactiveGraphHtml(data);
 * ```
 */
export function interactiveGraphData(graph: HeapGraph, selection: Selection, rawOptions: InteractiveGraphDataOptions = {}): InteractiveGraphData {
  const options = parseRenderOptions(interactiveGraphDataOptions, rawOptions, "interactiveGraphData");
  const maxLine = options.maxLineLength ?? 60;
  const refWalk = graph.walker({ weak: true });
  const backWalk = graph.walker({ backwards: true, weak: true });
  const countOf = (o: number, walk: typeof refWalk) => {
    let n = 0;
    walk(o, () => void n++);
    return n;
  };
  let deepest = 0;
  for (const node of selection.nodes) if (node.depth > deepest) deepest = node.depth;
  const maxDepth = selection.maxDepth ?? deepest;
  const toNode = (node: SelectionNode): InteractiveNode => {
    if (!Number.isInteger(node.ordinal) || node.ordinal < 0 || node.ordinal >= graph.nodeCount || graph.node(node.ordinal).id !== node.id) {
      throw new RenderError("INVALID_SELECTION", `interactiveGraphData: node @${node.id} (ordinal ${String(node.ordinal)}) is not a node of this graph`);
    }
    const handle = graph.node(node.ordinal);
    const lines = nodeLabelLines(node, { ids: options.ids, sizes: options.sizes }).map((line) => printable(line, maxLine));
    const details = [node.preview, node.extraInfo].filter((s): s is string => !!s && s !== node.className);
    return {
      id: node.id,
      label: lines.join("\n"),
      className: node.className,
      type: node.type,
      selfSize: node.selfSize,
      retainedSize: node.retainedSize,
      distance: handle.distance,
      depth: node.depth,
      role: node.role,
      colors: cssColors(nodeStyle(node, maxDepth)),
      ...(details.length ? { detail: details.join("\n") } : {}),
      ...(handle.detached ? { detached: true } : {}),
      ...(node.role === "root" ? { isRoot: true } : {}),
      expandable: { refs: countOf(node.ordinal, refWalk), backrefs: countOf(node.ordinal, backWalk) },
    };
  };
  const edgeOf = (from: number, to: number, type: string, name: string): InteractiveEdge => ({
    from: graph.node(from).id,
    to: graph.node(to).id,
    label: printable(edgeLabel(type, name, graph.node(from).id), maxLine),
    type,
    ...(type === "weak" ? { weak: true } : {}),
  });

  const drawn = new Map<number, SelectionNode>();
  for (const node of selection.nodes) drawn.set(node.ordinal, node);
  const nodes = selection.nodes.map(toNode);
  const edges: InteractiveEdge[] = [];
  const edgeKeys = new Set<string>();
  for (const edge of selection.edges) {
    if (!drawn.has(edge.from) || !drawn.has(edge.to)) {
      throw new RenderError("INVALID_SELECTION", `interactiveGraphData: edge ${edge.from} -> ${edge.to} (${edge.type} ${JSON.stringify(edge.name)}) names a node the selection lacks`);
    }
    edgeKeys.add(`${edge.from}>${edge.to}>${edge.name}`);
    edges.push(edgeOf(edge.from, edge.to, edge.type, edge.name));
  }

  const starts = selection.nodes.filter((n) => n.role === "start");
  const focus = options.focus ?? (starts[0] ?? selection.nodes[0])?.id;
  const highlight =
    options.highlight ??
    (selection.kind === "chain" ? selection.nodes.map((n) => n.id) : selection.nodes.filter((n) => n.highlighted).map((n) => n.id));
  const direction = selection.kind === "refs" ? "refs" : "backrefs";
  const truncated = selection.nodes.filter((n) => n.truncated > 0).map((n) => ({ id: n.id, direction, count: n.truncated }) as const);

  // The chain to the root, highlighted; its nodes beyond the drawing go into the neighbourhood.
  const chainNodes: number[] = [];
  const chainEdges: InteractiveEdge[] = [];
  let chain: number[] | undefined;
  if (options.chainToRoot && focus !== undefined && options.highlight === undefined) {
    const path = pathToRoot(graph, graph.node(graph.ordinalOfId(focus)));
    if (path.found) {
      chain = path.steps.map((step) => step.id);
      path.steps.forEach((step, i) => {
        if (!drawn.has(step.ordinal)) chainNodes.push(step.ordinal);
        const holder = path.steps[i - 1];
        if (!holder || !step.edge) return;
        const key = `${holder.ordinal}>${step.ordinal}>${step.edge.name}`;
        if (edgeKeys.has(key)) return;
        edgeKeys.add(key);
        chainEdges.push(edgeOf(holder.ordinal, step.ordinal, step.edge.type, step.edge.name));
      });
    }
  }

  const data: InteractiveGraphData = {
    version: 1,
    kind: selection.kind,
    rankDir: options.rankDir ?? "TB",
    ...(options.title !== undefined ? { title: options.title } : {}),
    nodes,
    edges,
    ...((chain ?? highlight).length ? { highlight: chain ?? highlight } : {}),
    ...(focus !== undefined ? { focus } : {}),
    ...(truncated.length ? { truncated } : {}),
  };
  const extra: { ordinals: number[]; edges: InteractiveEdge[] } = { ordinals: chainNodes, edges: chainEdges };
  if (options.neighbourhood !== false) {
    const { depth = 2, maxNodes = 200, perNode = 25 } = options.neighbourhood ?? {};
    const known = new Map<number, unknown>(drawn);
    for (const o of chainNodes) known.set(o, true);
    const around = neighbourhood(graph, [...drawn.keys()], known, edgeKeys, { depth, maxNodes, perNode }, edgeOf);
    extra.ordinals.push(...around.ordinals);
    extra.edges.push(...around.edges);
  }
  if (extra.ordinals.length || extra.edges.length) {
    data.neighbourhood = { nodes: extra.ordinals.map((o) => toNode(selectionNode(graph, "interactiveGraphData", o, 0, false, {}, 0))), edges: extra.edges };
  }
  return data;
}

/** Breadth-first both ways from the drawn nodes, `depth` steps, at most `maxNodes` nodes not `known` yet. */
function neighbourhood(
  graph: HeapGraph,
  from: readonly number[],
  known: ReadonlyMap<number, unknown>,
  edgeKeys: Set<string>,
  limits: { depth: number; maxNodes: number; perNode: number },
  edgeOf: (from: number, to: number, type: string, name: string) => InteractiveEdge,
): { ordinals: number[]; edges: InteractiveEdge[] } {
  const walks = [graph.walker({ weak: true }), graph.walker({ backwards: true, weak: true })];
  const seen = new Set<number>(known.keys());
  const ordinals: number[] = [];
  const edges: InteractiveEdge[] = [];
  let frontier = [...from];
  for (let step = 0; step < limits.depth && frontier.length && ordinals.length < limits.maxNodes; step++) {
    const next: number[] = [];
    for (const o of frontier) {
      walks.forEach((walk, backwards) => {
        let taken = 0;
        walk(o, (n, e) => {
          if (taken >= limits.perNode) return;
          if (!seen.has(n)) {
            if (ordinals.length >= limits.maxNodes) return;
            seen.add(n);
            ordinals.push(n);
            next.push(n);
          }
          taken++;
          const [holder, held] = backwards ? [n, o] : [o, n];
          const name = graph.edgeName(e);
          const key = `${holder}>${held}>${name}`;
          if (edgeKeys.has(key)) return;
          edgeKeys.add(key);
          edges.push(edgeOf(holder, held, graph.edgeTypeName(e), name));
        });
      });
    }
    frontier = next;
  }
  // Edges between two kept nodes only (a node cut by maxNodes is never named).
  return { ordinals, edges: edges.filter((e) => seen.has(graph.ordinalOfId(e.from)) && seen.has(graph.ordinalOfId(e.to))) };
}

/** The static drawing's colours (Graphviz HSV triples or names) as CSS colours. */
function cssColors(style: { readonly fillcolor: string; readonly fontcolor?: string; readonly color?: string }): { fill: string; text: string; border: string } {
  return { fill: cssColor(style.fillcolor), text: style.fontcolor ?? "black", border: style.color ?? "black" };
}

function cssColor(dot: string): string {
  const hsv = /^([\d.]+),([\d.]+),([\d.]+)$/.exec(dot);
  if (!hsv) return dot;
  const [r, g, b] = hsvToRgb(Number(hsv[1]), Number(hsv[2]), Number(hsv[3]));
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}
