import type { SelectionNode } from "@heapgraph/graph";

/**
 * objgraph's colours, as Graphviz HSV triples `"h,s,v"`: fills go from white at depth 0 to
 * dark grey (value 0.3) at the deepest level; modules and globals are green (hue 0.3), highlighted
 * nodes blue (hue 0.6, saturation 0.6, lighter), and text turns white on fills darker than 0.5.
 * Starting nodes have red text, as in objgraph; GC roots red text and a red border (light red text
 * on dark fills, where plain red would be hard to read).
 */
export interface NodeStyle {
  readonly fillcolor: string;
  readonly fontcolor?: string;
  readonly color?: string;
}

/** objgraph's gradient: from `start` at depth 0 to `end` at `maxDepth`. */
function gradient(start: number, end: number, depth: number, maxDepth: number): number {
  if (maxDepth <= 0) return start;
  const f = Math.min(1, Math.max(0, depth / maxDepth));
  return start * (1 - f) + end * f;
}

/** A number as Graphviz reads it, rounded to 3 decimals so output is the same everywhere. */
function num(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

function hsv(h: number, s: number, v: number): string {
  return `${num(h)},${num(s)},${num(v)}`;
}

/** Light red for red text on a dark fill. */
const LIGHT_RED = "#ff8080";

/**
 * The fill, text and border colours of a node at `node.depth` in a drawing `maxDepth` deep.
 *
 * @example
 * ```ts
 * nodeStyle({ ...node, depth: 0, role: "start" }, 3); // { fillcolor: "0,0,1", fontcolor: "red" }
 * ```
 */
export function nodeStyle(node: Pick<SelectionNode, "depth" | "role" | "highlighted">, maxDepth: number): NodeStyle {
  let h = 0, s = 0;
  let v = gradient(1, 0.3, node.depth, maxDepth);
  if (node.role === "module" || node.role === "global") {
    h = 0.3;
    s = 1;
  }
  if (node.highlighted || node.role === "highlight") {
    h = 0.6;
    s = 0.6;
    v = 0.5 + v * 0.5;
  }
  const dark = v < 0.5;
  const fillcolor = hsv(h, s, v);
  if (node.role === "start") return { fillcolor, fontcolor: dark ? LIGHT_RED : "red" };
  if (node.role === "root") return { fillcolor, fontcolor: dark ? LIGHT_RED : "red", color: "red" };
  return dark ? { fillcolor, fontcolor: "white" } : { fillcolor };
}

/**
 * The fill of objgraph's red "N more references" box for a node at `depth`: red, darker with
 * depth (from value 1 to 0.3 one level further down), always with white text.
 *
 * @example
 * ```ts
 * moreBoxFill(0, 3); // "0,1,0.767"
 * ```
 */
export function moreBoxFill(depth: number, maxDepth: number): string {
  return hsv(0, 1, gradient(1, 0.3, depth + 1, maxDepth));
}
