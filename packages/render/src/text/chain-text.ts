import type { ChainStep } from "@heapgraph/graph";
import { z } from "zod";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { edgeLabel } from "./edge-label.ts";
import { formatSize } from "./format-size.ts";
import { printable } from "./printable-text.ts";

const formatTraceOptions = z.strictObject({
  /** Show `@id` after each class (default false). */
  ids: z.boolean().optional(),
});

/**
 * Options of {@link formatTrace}.
 *
 * @example
 * ```ts
 * const options: FormatTraceOptions = { ids: true };
 * ```
 */
export type FormatTraceOptions = z.input<typeof formatTraceOptions>;

/**
 * A retainer trace on one line, root first: class names joined by their edge labels,
 * `(GC roots) -[5]-> global -.server-> Server -.cache-> Map`. The trace of a `LeakCluster`, or
 * any chain from `chainSteps` / `pathToRoot` of `@heapgraph/graph`.
 *
 * @throws {RenderError} `INVALID_OPTIONS` for unknown or ill-typed options.
 *
 * @example
 * ```ts
 * formatTrace(cluster.trace); // "global -.app-> App -.sessions-> Map -[3]-> Session"
 * formatTrace(cluster.trace, { ids: true }); // "global @5 -.app-> App @71 -.sessions-> ..."
 * ```
 */
export function formatTrace(trace: readonly ChainStep[], options: FormatTraceOptions = {}): string {
  return traceLine(trace, parseRenderOptions(formatTraceOptions, options, "formatTrace").ids === true);
}

/**
 * {@link formatTrace} without the option check, for the table builders' loops.
 *
 * @example
 * ```ts
 * const cells = clusters.map((c) => traceLine(c.trace, false));
 * ```
 */
export function traceLine(trace: readonly ChainStep[], ids: boolean): string {
  let out = "";
  trace.forEach((step, i) => {
    if (i > 0) out += ` -${holdingEdge(step, trace[i - 1])}-> `;
    out += ids ? `${step.className} @${step.id}` : step.className;
  });
  return out;
}

/**
 * A chain as text, root first, one step per line: the edge label, then the class, `@id`, a
 * preview and the retained size (and the WeakMap table a WeakMap value also needs). The text the
 * `heapgraph chain` and `heapgraph leaks` commands print.
 *
 * @example
 * ```ts
 * console.log(chainText(pathToRoot(graph, node).steps));
 * //   (root) @1  [1.2 MB retained]
 * //   -[1]-> (GC roots) @3  [1.1 MB retained]
 * //   ...
 * ```
 */
export function chainText(steps: readonly ChainStep[], indent = "  "): string {
  const lines = steps.map((step, i) => {
    const edge = step.edge ? `-${holdingEdge(step, steps[i - 1])}-> ` : i > 0 ? "-?-> " : "";
    const preview = step.preview && step.preview !== step.className ? `  ${printable(step.preview, 60)}` : "";
    const table = step.weakMapTable ? `  (with WeakMap table @${step.weakMapTable.id})` : "";
    return `${indent}${edge}${printable(step.className, 80)} @${step.id}${preview}  [${formatSize(step.retainedSize)} retained]${table}`;
  });
  return `${lines.join("\n")}\n`;
}

/**
 * The label of the edge by which `holder` holds `step` (`?` when the step has none), as
 * {@link edgeLabel} writes it.
 *
 * @example
 * ```ts
 * holdingEdge(trace[3], trace[2]); // ".sessions"
 * ```
 */
export function holdingEdge(step: Pick<ChainStep, "edge">, holder: Pick<ChainStep, "id"> | undefined): string {
  return step.edge ? edgeLabel(step.edge.type, step.edge.name, holder?.id) : "?";
}
