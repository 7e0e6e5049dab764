import type { SelectionNode } from "@heapgraph/graph";
import { z } from "zod";
import { positiveOrInfinity } from "../errors/option-schemas.ts";
import { isDotId } from "./dot-escape.ts";

const attributeValue = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Extra DOT attributes: names are DOT identifiers, values strings, numbers or booleans (quoted
 * and escaped for you).
 *
 * @example
 * ```ts
 * dotAttributes.parse({ URL: "https://example.com", penwidth: 2 });
 * ```
 */
export const dotAttributes = z.record(z.string(), attributeValue).superRefine((attrs, ctx) => {
  for (const name of Object.keys(attrs)) {
    if (!isDotId(name)) ctx.addIssue({ code: "custom", path: [name], message: `attribute name ${JSON.stringify(name)} is not a DOT identifier` });
  }
});

/**
 * Extra DOT attributes, as {@link dotAttributes} checks them.
 *
 * @example
 * ```ts
 * const attrs: DotAttributes = { rankdir: "LR", nodesep: 0.5 };
 * ```
 */
export type DotAttributes = z.input<typeof dotAttributes>;

const callback = <F>(what: string) =>
  z.custom<F>((v) => typeof v === "function", { message: `${what} must be a function` });

/**
 * What `toDot` accepts as options.
 *
 * @example
 * ```ts
 * toDotOptions.parse({ maxDepth: 3, ids: false });
 * ```
 */
export const toDotOptions = z.strictObject({
  /**
   * The depth drawn darkest (objgraph's `max_depth`). Default: the selection's `maxDepth` when it
   * carries one, else the deepest node's depth.
   */
  maxDepth: z.number().int().nonnegative().optional(),
  /** An extra label line per node, in place of the node's own `extraInfo`. Return nothing for no line. */
  extraInfo: callback<(node: SelectionNode) => string | undefined | null>("extraInfo").optional(),
  /** More DOT attributes per node, e.g. `URL`, `tooltip`, `target`; they win over heapgraph's own. */
  extraNodeAttrs: callback<(node: SelectionNode) => DotAttributes | undefined | null>("extraNodeAttrs").optional(),
  /** Attributes of the whole graph, e.g. `{ rankdir: "LR" }`. */
  graphAttrs: dotAttributes.optional(),
  /** A title drawn above the graph. */
  title: z.string().optional(),
  /** Show `@id` after the class name (default true). */
  ids: z.boolean().optional(),
  /** Show the self / retained size line (default true). */
  sizes: z.boolean().optional(),
  /** Every label line is cut to this many characters, ending with `…` (default 60, the length of graph previews). */
  maxLineLength: positiveOrInfinity.optional(),
});

/**
 * Options of `toDot`.
 *
 * @example
 * ```ts
 * const options: ToDotOptions = { maxDepth: 4, graphAttrs: { rankdir: "LR" }, extraNodeAttrs: (n) => ({ tooltip: n.preview }) };
 * ```
 */
export type ToDotOptions = z.input<typeof toDotOptions>;
