import type { Selection, SelectionNode } from "@heapgraph/graph";
import { checkOptions } from "./check-options.ts";
import { dotLabel, dotValue, isDotId } from "./dot-escape.ts";
import { moreBoxFill, nodeStyle } from "./dot-style.ts";
import { edgeLabel } from "./edge-label.ts";
import { formatSize } from "./format-size.ts";
import { RenderError } from "./render-error.ts";

/** Extra DOT attributes: names are DOT identifiers, values are quoted and escaped for you. */
export type DotAttributes = Readonly<Record<string, string | number | boolean>>;

/** Options of {@link toDot}. */
export interface ToDotOptions {
  /**
   * The depth drawn darkest (objgraph's `max_depth`). Default: the selection's `maxDepth` when it
   * carries one, else the deepest node's depth.
   */
  maxDepth?: number;
  /** An extra label line per node, in place of the node's own `extraInfo`. Return nothing for no line. */
  extraInfo?: (node: SelectionNode) => string | undefined | null;
  /** More DOT attributes per node, e.g. `URL`, `tooltip`, `target`; they win over heapgraph's own. */
  extraNodeAttrs?: (node: SelectionNode) => DotAttributes | undefined | null;
  /** Attributes of the whole graph, e.g. `{ rankdir: "LR" }`. */
  graphAttrs?: DotAttributes;
  /** A title drawn above the graph. */
  title?: string;
  /** Show `@id` after the class name (default true). */
  ids?: boolean;
  /** Show the self / retained size line (default true). */
  sizes?: boolean;
  /** Every label line is cut to this many characters, ending with `…` (default 60, the length of graph previews). */
  maxLineLength?: number;
}

const TO_DOT_OPTIONS = {
  maxDepth: "count",
  extraInfo: "function",
  extraNodeAttrs: "function",
  graphAttrs: "record",
  title: "string",
  ids: "boolean",
  sizes: "boolean",
  maxLineLength: "positive",
} as const;

const FONT = '"Helvetica,Arial,sans-serif"';

/**
 * DOT text for a selection from `refs`, `backrefs` or a chain, in objgraph's visual language:
 * boxes filled from white to dark grey by depth, starting nodes in red text, GC roots in red
 * text with a red border, modules and globals green, highlighted nodes blue, white text on dark
 * fills, and a red "N more references" (or "N more backreferences") box where `tooMany` cut a
 * node's edges. Edges go from holder to held, labelled by edge name (`.prop`, `[3]`, closure
 * variable names, WeakMap pairs); weak edges are dashed. Node labels: class name and `@id`, a
 * short value preview, self and retained size, and an optional extra line.
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
export function toDot(selection: Selection, options: ToDotOptions = {}): string {
  checkOptions("toDot", options, TO_DOT_OPTIONS);
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

  const out: string[] = ["digraph ObjectGraph {"];
  for (const [name, value] of sortedAttrs("graphAttrs", options.graphAttrs)) out.push(`  ${name}=${dotValue(value)};`);
  if (options.title !== undefined) out.push(`  label=${dotLabel([options.title], Math.max(maxLine, 120))}; labelloc=t; fontname=${FONT};`);
  out.push(`  node [shape=box, style=filled, fillcolor=white, fontname=${FONT}, fontsize=10];`);
  out.push(`  edge [fontname=${FONT}, fontsize=9];`);

  for (const node of selection.nodes) {
    const attrs: [string, string][] = [["label", dotLabel(labelLines(node, options), maxLine)]];
    const style = nodeStyle(node, maxDepth);
    attrs.push(["fillcolor", dotValue(style.fillcolor)]);
    if (style.fontcolor) attrs.push(["fontcolor", dotValue(style.fontcolor)]);
    if (style.color) attrs.push(["color", dotValue(style.color)]);
    const extra = callUser("extraNodeAttrs", options.extraNodeAttrs, node);
    if (extra !== undefined && extra !== null) {
      if (typeof extra !== "object" || Array.isArray(extra)) {
        throw new RenderError("INVALID_OPTIONS", `toDot: extraNodeAttrs must return an object, got ${String(extra)} for @${node.id}`);
      }
      for (const [name, value] of sortedAttrs("extraNodeAttrs", extra)) {
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
    const attrs = [`label=${dotLabel([edgeLabel(edge.type, edge.name, holder.id)], maxLine)}`];
    if (edge.type === "weak") attrs.push("style=dashed");
    out.push(`  ${nodeId(edge.from)} -> ${nodeId(edge.to)} [${attrs.join(", ")}];`);
  }

  const forwards = selection.kind === "refs";
  for (const node of selection.nodes) {
    if (!(node.truncated > 0)) continue;
    const id = nodeId(node.ordinal);
    const more = `${id}_more`;
    const what = forwards ? "reference" : "backreference";
    const label = `${node.truncated} more ${what}${node.truncated === 1 ? "" : "s"}`;
    out.push(
      `  ${more} [label=${dotLabel([label], maxLine)}, shape=box, height=0.25, color=red, fillcolor=${dotValue(moreBoxFill(node.depth, maxDepth))}, fontcolor=white, fontsize=8];`,
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
  const name = node.className || `(${node.type})`;
  const lines = [options.ids === false ? name : `${name} @${node.id}`];
  if (node.preview && node.preview !== node.className) lines.push(node.preview);
  if (options.sizes !== false) lines.push(`${formatSize(node.selfSize)} self, ${formatSize(node.retainedSize)} retained`);
  const info = options.extraInfo ? callUser("extraInfo", options.extraInfo, node) : node.extraInfo;
  if (info !== undefined && info !== null && info !== "") lines.push(String(info));
  return lines;
}

function callUser<T>(what: string, fn: ((node: SelectionNode) => T) | undefined, node: SelectionNode): T | undefined {
  if (!fn) return undefined;
  try {
    return fn(node);
  } catch (error) {
    throw new RenderError("INVALID_OPTIONS", `toDot: ${what} threw on node @${node.id} (${node.className})`, { cause: error });
  }
}

function sortedAttrs(what: string, attrs: DotAttributes | undefined): [string, string | number | boolean][] {
  if (!attrs) return [];
  const entries = Object.entries(attrs).filter(([, v]) => v !== undefined);
  for (const [name, value] of entries) {
    if (!isDotId(name)) throw new RenderError("INVALID_OPTIONS", `toDot: ${what} attribute name ${JSON.stringify(name)} is not a DOT identifier`);
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new RenderError("INVALID_OPTIONS", `toDot: ${what} attribute ${name} must be a string, number or boolean, got ${typeof value}`);
    }
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
