/**
 * Chain steps (`ChainStep` of `@heapgraph/graph`) in the `--json` output of the commands and in the MCP tools' results:
 * stable JSON fields. Their text is `chainText` of `@heapgraph/render`.
 *
 * @module
 */
import type { ChainStep } from "@heapgraph/graph";

/**
 * One step of a chain in `--json` output: the node and the edge by which the previous step holds it.
 *
 * @example
 * ```ts
 * const step: StepJson = { id: 3, type: "synthetic", name: "(GC roots)", className: "(GC roots)", preview: "", selfSize: 0, retainedSize: 0, edge: { type: "element", name: "1" } };
 * ```
 */
export interface StepJson {
  readonly id: number;
  /** V8 node type: `object`, `closure`, `synthetic`, ... */
  readonly type: string;
  /** The node's name in the snapshot (constructor name for objects, contents for strings). */
  readonly name: string;
  /** DevTools' class name. */
  readonly className: string;
  /** A readable name where the class says too little: closures, timers, listeners, modules (see `stepLabel`). */
  readonly label?: string;
  readonly preview: string;
  readonly selfSize: number;
  readonly retainedSize: number;
  /** How the previous step holds this one; null for the first (root) step. */
  readonly edge: { readonly type: string; readonly name: string } | null;
  /** For a WeakMap value: the WeakMap's table, which must stay alive too. */
  readonly weakMapTable?: { readonly id: number; readonly className: string; readonly edge: { readonly type: string; readonly name: string } };
  /** The step begins a block of `period` steps the full path repeated `times` times (only the last repetition is listed). */
  readonly repeat?: { readonly times: number; readonly period: number };
}

/**
 * The JSON of a chain step.
 *
 * @example
 * ```ts
 * const json = pathToRoot(graph, node).steps.map(stepJson);
 * ```
 */
export function stepJson(step: ChainStep): StepJson {
  const out: StepJson = {
    id: step.id,
    type: step.type,
    name: step.name,
    className: step.className,
    ...(step.label === undefined ? {} : { label: step.label }),
    preview: step.preview,
    selfSize: step.selfSize,
    retainedSize: step.retainedSize,
    edge: step.edge ? { type: step.edge.type, name: step.edge.name } : null,
  };
  const repeated: StepJson = step.repeat ? { ...out, repeat: { times: step.repeat.times, period: step.repeat.period } } : out;
  if (!step.weakMapTable) return repeated;
  const t = step.weakMapTable;
  return { ...repeated, weakMapTable: { id: t.id, className: t.className, edge: { type: t.edge.type, name: t.edge.name } } };
}
