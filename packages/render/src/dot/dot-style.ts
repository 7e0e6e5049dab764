import type { SelectionNode } from "@heapgraph/graph";
import { contrastRatio, hexToRgb, hsvToRgb, MIN_CONTRAST, type Rgb } from "./contrast.ts";

/**
 * objgraph's colours, as Graphviz HSV triples `"h,s,v"` or `#rrggbb`: fills go from white at
 * depth 0 to dark grey (value 0.3) at the deepest level; modules and globals are green (hue 0.3),
 * highlighted nodes blue (hue 0.6, saturation 0.6, lighter). Text is black or white, whichever
 * reads better on the fill. Starting nodes have dark red text, as objgraph's red; GC roots are
 * light red boxes with dark red text and a red border at any depth. Every text colour contrasts
 * at least 4.5:1 with its fill (WCAG AA).
 *
 * @example
 * ```ts
 * const style: NodeStyle = nodeStyle({ depth: 1, role: "root", highlighted: false }, 3);
 * ```
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

/** Red text: 7.4:1 on white, 6.2:1 on {@link ROOT_FILL} (plain red is 4.0:1 on white). */
const DARK_RED = "#b00000";
/** The fill of GC roots' boxes. */
const ROOT_FILL = "#ffe6e6";
const DARK_RED_RGB = hexToRgb(DARK_RED);
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** The lightest the red "N more" boxes get, so that their white text keeps 4.5:1. */
const MORE_BOX_MAX_VALUE = 0.9;

/**
 * The fill, text and border colours of a node at `node.depth` in a drawing `maxDepth` deep.
 *
 * @example
 * ```ts
 * nodeStyle({ ...node, depth: 0, role: "start" }, 3); // { fillcolor: "0,0,1", fontcolor: "#b00000" }
 * ```
 */
export function nodeStyle(node: Pick<SelectionNode, "depth" | "role" | "highlighted">, maxDepth: number): NodeStyle {
  if (node.role === "root") return { fillcolor: ROOT_FILL, fontcolor: DARK_RED, color: "red" };
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
  const fillcolor = `${num(h)},${num(s)},${num(v)}`;
  const fill = hsvToRgb(Number(num(h)), Number(num(s)), Number(num(v)));
  if (node.role === "start" && contrastRatio(fill, DARK_RED_RGB) >= MIN_CONTRAST) return { fillcolor, fontcolor: DARK_RED };
  return contrastRatio(fill, WHITE) > contrastRatio(fill, BLACK) ? { fillcolor, fontcolor: "white" } : { fillcolor };
}

/**
 * The fill of objgraph's red "N more references" box for a node at `depth`: red, darker with
 * depth (from value 0.9 to 0.3 one level further down), always with white text.
 *
 * @example
 * ```ts
 * moreBoxFill(0, 3); // "0,1,0.767"
 * ```
 */
export function moreBoxFill(depth: number, maxDepth: number): string {
  return `0,1,${num(Math.min(MORE_BOX_MAX_VALUE, gradient(1, 0.3, depth + 1, maxDepth)))}`;
}
