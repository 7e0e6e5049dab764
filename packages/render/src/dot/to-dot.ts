import type { Selection, SelectionNode } from "@heapgraph/graph";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { RenderError } from "../errors/render-error.ts";
import { countNoun } from "../text/count-noun.ts";
import { edgeLabel } from "../text/edge-label.ts";
import { printable } from "../text/printable-text.ts";
import { dotLabel, dotValue } from "./dot-escape.ts";
import { DOT_FONT, DRAWING_PAD, EDGE_LABEL_GAP, FONT_SIZE, nodeWidth, paddedLabel } from "./dot-geometry.ts";
import { moreBoxFill, nodeStyle } from "./dot-style.ts";
import { nodeLabelLines } from "./node-label-lines.ts";
import { dotAttributes, toDotOptions, type DotAttributes, type ToDotOptions } from "./to-dot-options.ts";

const FONT = dotValue(DOT_FONT);

/**
 * DOT text for a selection from `refs`, `backrefs` or a chain, in objgraph's visual language:
 * boxes filled from white to dark grey by depth, starting nodes in (dark) red text, GC roots as
 * light red boxes with dark red text and a red border, modules and globals green, highlighted
 * nodes blue, black or white text (whichever reads better on the fill), and a red "N more
 * references" (or "N more backreferences") box where `tooMany` cut a node's edges. Edges go from
 * holder to held, labelled by edge name (`.prop`, `[3]`, closure variable names, WeakMap pairs);
 * weak edges are dashed. Node labels: class name and `@id`, a short value preview, self and
 * retained size, and an optional extra line.
 *
 * Every box is made wide enough for its text in the widest font the SVG may be drawn in (the SVG
 * names Helvetica and sans-serif; browsers draw Arial, DejaVu Sans, Verdana, …); edge labels and
 * the title get spaces on both sides so that Graphviz keeps room for them too, and the drawing
 * has an 8-point margin.
 *
 * Deterministic: the same selection and options give the same bytes (nodes and edges keep the
 * selection's order). Any text is escaped, so any class name, preview or edge name gives valid DOT.
 *
 * @throws {RenderError} `INVALID_SELECTION` when an edge names a node the selection lacks or a
 * node appears twice; `INVALID_OPTIONS` for bad options.
 *
 * @example
 * ```ts
 * import { backrefs } from "@heapgraph/graph";
 * import { renderSvg, toDot } from "@heapgraph/render";
 * const dot = toDot(backrefs(graph, [leaked], { maxDepth: 4 }), {
 *   extraNodeAttrs: (n) => ({ tooltip: `${n.className} @${n.id}` }),
 * });
 * const svg = await renderSvg(dot);
 * ```
 */
export function toDot(selection: Selection, rawOptions: ToDotOptions = {}): string {
  const options = parseRenderOptions(toDotOptions, rawOptions, "toDot");
  const maxLine = options.maxLineLength ?? 60;
  const byOrdinal = new Map<number, SelectionNode>();
  for (const node of selection.nodes) {
    if (!Number.isInteger(node.ordinal) || node.ordinal < 0) {
      throw new RenderError("INVALID_SELECTION", `toDot: node ordinal must be a whole number >= 0, got ${String(node.ordinal)}`);
    }
    if (byOrdinal.has(node.ordinal)) {
      throw new RenderError("INVALID_SELECTION", `toDot: node with ordinal ${node.ordinal} (@${node.id}) appears twice in the selection`);
    }
    byOrdinal.set(node.ordinal, node);
  }
  const declaredMax = (selection as { readonly maxDepth?: unknown }).maxDepth;
  let deepest = 0;
  for (const node of selection.nodes) if (node.depth > deepest) deepest = node.depth;
  const maxDepth = options.maxDepth ?? (typeof declaredMax === "number" && declaredMax >= 0 ? declaredMax : deepest);

  const out: string[] = ["digraph ObjectGraph {", `  pad=${DRAWING_PAD};`];
  for (const [name, value] of sortedAttrs(options.graphAttrs)) out.push(`  ${name}=${dotValue(value)};`);
  if (options.title !== undefined) {
    const title = paddedLabel(printable(options.title, Math.max(maxLine, 120)), FONT_SIZE.title, 0);
    out.push(`  label=${dotLabel([title])}; labelloc=t; fontname=${FONT}; fontsize=${FONT_SIZE.title};`);
  }
  out.push(`  node [shape=box, style=filled, fillcolor=white, fontname=${FONT}, fontsize=${FONT_SIZE.node}];`);
  out.push(`  edge [fontname=${FONT}, fontsize=${FONT_SIZE.edge}];`);

  for (const node of selection.nodes) {
    const lines = labelLines(node, options).map((line) => printable(line, maxLine));
    const attrs: [string, string][] = [["label", dotLabel(lines)], ["width", nodeWidth(lines, FONT_SIZE.node)]];
    const style = nodeStyle(node, maxDepth);
    attrs.push(["fillcolor", dotValue(style.fillcolor)]);
    if (style.fontcolor) attrs.push(["fontcolor", dotValue(style.fontcolor)]);
    if (style.color) attrs.push(["color", dotValue(style.color)]);
    const extra = callUser("extraNodeAttrs", options.extraNodeAttrs, node);
    if (extra !== undefined && extra !== null) {
      const checked = parseRenderOptions(dotAttributes, extra, `toDot: extraNodeAttrs of @${node.id}`);
      for (const [name, value] of sortedAttrs(checked)) {
        const at = attrs.findIndex(([n]) => n === name);
        if (at >= 0) attrs[at] = [name, dotValue(value)];
        else attrs.push([name, dotValue(value)]);
      }
    }
    out.push(`  ${nodeId(node.ordinal)} [${attrs.map(([n, v]) => `${n}=${v}`).join(", ")}];`);
  }

  for (const edge of selection.edges) {
    const holder = byOrdinal.get(edge.from);
    if (!holder || !byOrdinal.has(edge.to)) {
      const missing = holder ? edge.to : edge.from;
      throw new RenderError(
        "INVALID_SELECTION",
        `toDot: edge ${edge.from} -> ${edge.to} (${edge.type} ${JSON.stringify(edge.name)}) names node ${missing}, which the selection lacks`,
      );
    }
    const label = paddedLabel(printable(edgeLabel(edge.type, edge.name, holder.id), maxLine), FONT_SIZE.edge, EDGE_LABEL_GAP);
    const attrs = [`label=${dotLabel([label])}`];
    if (edge.type === "weak") attrs.push("style=dashed");
    out.push(`  ${nodeId(edge.from)} -> ${nodeId(edge.to)} [${attrs.join(", ")}];`);
  }

  const forwards = selection.kind === "refs";
  for (const node of selection.nodes) {
    if (!(node.truncated > 0)) continue;
    const id = nodeId(node.ordinal);
    const more = `${id}_more`;
    const what = forwards ? "reference" : "backreference";
    const label = printable(countNoun(node.truncated, `more ${what}`, `more ${what}s`), maxLine);
    out.push(
      `  ${more} [label=${dotLabel([label])}, shape=box, width=${nodeWidth([label], FONT_SIZE.more)}, height=0.25, color=red, fillcolor=${dotValue(moreBoxFill(node.depth, maxDepth))}, fontcolor=white, fontsize=${FONT_SIZE.more}];`,
    );
    out.push(`  ${forwards ? `${id} -> ${more}` : `${more} -> ${id}`} [color=red, style=dotted, len=0.25, weight=10];`);
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}

function nodeId(ordinal: number): string {
  return `n${ordinal}`;
}

function labelLines(node: SelectionNode, options: ToDotOptions): string[] {
  const extra = options.extraInfo ? { extraInfo: callUser("extraInfo", options.extraInfo, node) } : {};
  return nodeLabelLines(node, { ids: options.ids, sizes: options.sizes, ...extra });
}

function callUser<T>(what: string, fn: ((node: SelectionNode) => T) | undefined, node: SelectionNode): T | undefined {
  if (!fn) return undefined;
  try {
    return fn(node);
  } catch (error) {
    throw new RenderError("INVALID_OPTIONS", `toDot: ${what} threw on node @${node.id} (${node.className})`, { cause: error });
  }
}

function sortedAttrs(attrs: DotAttributes | undefined): [string, string | number | boolean][] {
  if (!attrs) return [];
  return Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
