import { z } from "zod";
import { positiveOrInfinity } from "../errors/option-schemas.ts";

const layoutEngine = z.enum(["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"]);

/**
 * A Graphviz layout engine. `dot` (the default) is the one objgraph uses.
 *
 * @example
 * ```ts
 * const engine: LayoutEngine = "neato";
 * ```
 */
export type LayoutEngine = z.infer<typeof layoutEngine>;

const layoutLimits = z.strictObject({
  /** Most nodes (more-references boxes included). */
  maxNodes: positiveOrInfinity,
  /** Most edges. */
  maxEdges: positiveOrInfinity,
  /** Most edges beyond one per node (`edges - nodes`): what makes `dot` slow. */
  maxExtraEdges: positiveOrInfinity,
});

/**
 * How large a graph `renderSvg` agrees to lay out. Graphviz's `dot` layout is fast on trees but
 * grows steeply with edges that close cycles or cross levels (its crossing minimisation), and a
 * WebAssembly call cannot be interrupted, so graphs past these limits are refused up front. See
 * the package README for the measurements behind the defaults.
 *
 * @example
 * ```ts
 * const generous: LayoutLimits = { maxNodes: 10_000, maxEdges: 12_000, maxExtraEdges: 500 };
 * ```
 */
export type LayoutLimits = Readonly<z.infer<typeof layoutLimits>>;

/**
 * The default {@link LayoutLimits}, measured as described in the README.
 *
 * @example
 * ```ts
 * await renderSvg(dot, { limits: { maxNodes: 2 * DEFAULT_LAYOUT_LIMITS.maxNodes } });
 * ```
 */
export const DEFAULT_LAYOUT_LIMITS: LayoutLimits = Object.freeze({ maxNodes: 2500, maxEdges: 3000, maxExtraEdges: 250 });

/**
 * What `renderSvg` accepts as options.
 *
 * @example
 * ```ts
 * renderSvgOptions.parse({ engine: "neato", limits: false });
 * ```
 */
export const renderSvgOptions = z.strictObject({
  /** Graphviz layout engine (default `dot`). */
  engine: layoutEngine.optional(),
  /** Leave out the XML declaration and DOCTYPE, for SVG inside HTML (see `svgForHtml`). Default false. */
  inline: z.boolean().optional(),
  /** Override some of {@link DEFAULT_LAYOUT_LIMITS}, or `false` to lay out whatever size. */
  limits: z.union([layoutLimits.partial(), z.literal(false)]).optional(),
});

/**
 * Options of `renderSvg`.
 *
 * @example
 * ```ts
 * const options: RenderSvgOptions = { inline: true, limits: { maxNodes: 5000 } };
 * ```
 */
export type RenderSvgOptions = z.input<typeof renderSvgOptions>;
