import type { ChainStep } from "@heapgraph/graph";
import { z } from "zod";
import { parseRenderOptions } from "../errors/parse-render-options.ts";
import { edgeLabel } from "./edge-label.ts";
import { formatSize } from "./format-size.ts";
import { printable } from "./printable-text.ts";

const formatTraceOptions = z.strictObject({
  /** Show `@id` after each class (default false). */
  ids: z.boolean().optional(),
  /** Name steps by their `label` where they have one (`poll() at poller.js:8:3`, `Module(db.js)`), not their class (default false). */
  labels: z.boolean().optional(),
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
 * `(GC roots) -[5]-> global -.server-> Server -.cache-> Map`, a step that `collapseRepeats` marked
 * followed by `×170`. The trace of a `LeakCluster`, or any chain from `chainSteps` / `pathToRoot`
 * of `@heapgraph/graph`.
 *
 * @throws {RenderError} `INVALID_OPTIONS` for unknown or ill-typed options.
 *
 * @example
 * ```ts
 * formatTrace(cluster.trace); // "global -.app-> App -.sessions-> Map -[3]-> Session"
 * formatTrace(cluster.trace, { ids: true }); // "global @5 -.app-> App @71 -.sessions-> ..."
 * formatTrace(path, { labels: true }); // "global -.timer-> Timeout(setInterval 1000 ms → poll() at poller.js:8:3) -._onTimeout-> ..."
 * ```
 */
export function formatTrace(trace: readonly ChainStep[], options: FormatTraceOptions = {}): string {
  const { ids = false, labels = false } = parseRenderOptions(formatTraceOptions, options, "formatTrace");
  return traceLine(trace, ids, labels);
}

/**
 * {@link formatTrace} without the option check, for the table builders' loops.
 *
 * @example
 * ```ts
 * const cells = clusters.map((c) => traceLine(c.trace, false));
 * ```
 */
export function traceLine(trace: readonly ChainStep[], ids: boolean, labels = false): string {
  let out = "";
  trace.forEach((step, i) => {
    if (i > 0) out += ` -${holdingEdge(step, trace[i - 1])}-> `;
    const name = labels && step.label !== undefined ? step.label : step.className;
    out += ids ? `${name} @${step.id}` : name;
    if (step.repeat) out += ` ×${step.repeat.times}`;
  });
  return out;
}

/**
 * A chain as text, root first, one step per line: the edge label, then the step's name, `@id`, a
 * preview and the retained size (and the WeakMap table a WeakMap value also needs). The name is
 * the step's `label` when it has one — closures by function and place (`poll() at poller.js:8:3`),
 * timers by callback and interval, listeners by event, modules by file — with the class after it
 * unless the label starts with it; else the class and its preview. A step that
 * `collapseRepeats` marked ends with `×170` (and how many steps repeat, when more than one). The
 * text the `heapgraph chain` and `heapgraph leaks` commands print.
 *
 * @example
 * ```ts
 * console.log(chainText(collapseRepeats(pathToRoot(graph, node).steps)));
 * //   (root) @1  [1.2 MB retained]
 * //   -[2]-> global @5  [1.1 MB retained]
 * //   -.timer-> Timeout(setInterval 1000 ms → poll() at poller.js:8:3) @71  [2.2 kB retained]
 * //   ...
 * ```
 */
export function chainText(steps: readonly ChainStep[], indent = "  "): string {
  const lines = steps.map((step, i) => {
    const edge = step.edge ? `-${holdingEdge(step, steps[i - 1])}-> ` : i > 0 ? "-?-> " : "";
    const table = step.weakMapTable ? `  (with WeakMap table @${step.weakMapTable.id})` : "";
    const repeat = step.repeat ? `  ×${step.repeat.times}${step.repeat.period > 1 ? ` (${step.repeat.period} steps repeated)` : ""}` : "";
    return `${indent}${edge}${stepName(step)}  [${formatSize(step.retainedSize)} retained]${table}${repeat}`;
  });
  return `${lines.join("\n")}\n`;
}

/** A step's name, id and preview on a chain line: its label (and class), else its class and preview. */
function stepName(step: ChainStep): string {
  if (step.label !== undefined) {
    // The class after the label, or the raw name for V8's categories (`(system)` → `system / SourceTextModule`).
    const kind = step.className.startsWith("(") && step.name ? step.name : step.className;
    const className = step.type === "closure" || step.label.startsWith(kind) ? "" : ` (${printable(kind, 40)})`;
    return `${printable(step.label, 120)}${className} @${step.id}`;
  }
  const preview = step.preview && step.preview !== step.className ? `  ${printable(step.preview, 60)}` : "";
  return `${printable(step.className, 80)} @${step.id}${preview}`;
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
