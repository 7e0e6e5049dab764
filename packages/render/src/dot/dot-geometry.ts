import { graphvizTextWidth, textWidth } from "./text-width.ts";

/**
 * The font drawings name. Graphviz-WASM has metrics for it (its Arial table) and its SVG says
 * `font-family="Helvetica,sans-Serif"`, which browsers resolve to Helvetica, Arial, Liberation
 * Sans, DejaVu Sans, … — several of them wider than Arial, so boxes are sized by
 * {@link nodeWidth}, not by Graphviz's estimate.
 *
 * @example
 * ```ts
 * `node [fontname="${DOT_FONT}"]`;
 * ```
 */
export const DOT_FONT = "Helvetica";

/**
 * Font sizes in points: node labels, edge labels, the "N more references" boxes, the title.
 *
 * @example
 * ```ts
 * nodeWidth(["Foo @1"], FONT_SIZE.node);
 * ```
 */
export const FONT_SIZE = Object.freeze({ node: 10, edge: 9, more: 8, title: 14 });

const POINTS_PER_INCH = 72;
/** Graphviz's default horizontal node margin (0.11 in), kept between the text and each side. */
const NODE_MARGIN = 8;
/** A space as Graphviz-WASM measures it in Helvetica, per point of font size. */
const SPACE_WIDTH = graphvizTextWidth(" ", 1);

/** Points as inches for DOT, rounded up to 1/1000 in so the value is never smaller. */
function inches(points: number): string {
  return String(Math.ceil((points / POINTS_PER_INCH) * 1000) / 1000);
}

/**
 * The drawing's `pad`, in inches: 8 points of white all round (Graphviz's default is 4), so the
 * title and the outermost boxes never touch the edge.
 *
 * @example
 * ```ts
 * `pad=${DRAWING_PAD};`; // "pad=0.112;"
 * ```
 */
export const DRAWING_PAD: string = inches(8);

/**
 * Room kept between an edge label and its edge, in points (the title needs none: Graphviz
 * already keeps 8 points around it).
 *
 * @example
 * ```ts
 * paddedLabel(".cache", FONT_SIZE.edge, EDGE_LABEL_GAP);
 * ```
 */
export const EDGE_LABEL_GAP = 2;

/**
 * A box's `width` (a minimum, in inches) that holds each of `lines` ({@link printable} label
 * lines) at `fontSize` in the widest font the SVG may be drawn in, with Graphviz's margin on
 * both sides.
 *
 * @example
 * ```ts
 * nodeWidth(["ModuleWrap @2001", "96 B self, 1.2 MB retained"], 10); // "2.067"
 * ```
 */
export function nodeWidth(lines: readonly string[], fontSize: number): string {
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, textWidth(line, fontSize));
  return inches(widest + 2 * NODE_MARGIN);
}

/**
 * A one-line label with as many spaces on each side as make Graphviz reserve room for the text
 * in the widest font, plus `gap` points on each side. Graphviz sizes edge labels and the title by
 * its own (Arial) estimate and centres the text in that room: `dot` puts an edge's label right of
 * the edge, so a wider font pushes the text over the edge, and a title wider than the graph over
 * the drawing's edge. The spaces widen the room on both sides and keep the text centred in it.
 *
 * @example
 * ```ts
 * paddedLabel(".server", 9, EDGE_LABEL_GAP); // "  .server  "
 * ```
 */
export function paddedLabel(text: string, fontSize: number, gap: number): string {
  const short = Math.max(0, textWidth(text, fontSize) - graphvizTextWidth(text, fontSize)) / 2 + gap;
  const spaces = " ".repeat(Math.ceil(short / (SPACE_WIDTH * fontSize)));
  return `${spaces}${text}${spaces}`;
}
