/**
 * What the chain queries return: plain data, safe for `--json`, and the row types `@heapgraph/render` draws.
 *
 * @module
 */
import type { NonRetainingReason } from "../../engine/index.ts";

/**
 * The edge a chain step was reached by, from the previous step (its holder).
 *
 * @example
 * ```ts
 * const edge: ChainEdge | null = pathToRoot(graph, node).steps[1].edge;
 * console.log(edge?.type, edge?.name);
 * ```
 */
export interface ChainEdge {
  /** The edge's index (see `HeapGraph.edgeName`). */
  readonly index: number;
  /** `context`, `element`, `property`, `internal`, `hidden`, `shortcut` or `weak`. */
  readonly type: string;
  /** Property or variable name, or element index, as a string. */
  readonly name: string;
}

/**
 * One node of a chain or path, as plain data (safe to serialize; the CLI's `--json` shows it).
 * Chains are listed root first: each step holds the next one.
 *
 * @example
 * ```ts
 * const steps: ChainStep[] = chainSteps(graph, findBackrefChain(graph, node, isModule));
 * console.log(steps.map((s) => s.edge?.name ?? s.className).join(" → "));
 * ```
 */
export interface ChainStep {
  readonly ordinal: number;
  readonly id: number;
  /** V8 node type: `object`, `closure`, `synthetic`, ... */
  readonly type: string;
  /** The node's raw name from the snapshot. */
  readonly name: string;
  /** DevTools' class name. */
  readonly className: string;
  /** A short description (string contents, array length, function name and place). */
  readonly preview: string;
  /**
   * A readable name where the class says too little (see `stepLabel`): `handler() at server.js:12:5`
   * for a closure, `Timeout(setInterval 1000 ms → poll() at poller.js:8:3)` for a timer,
   * `Module(holder.js)`, `module holder.mjs`, `module scope of holder.mjs`. Absent otherwise.
   */
  readonly label?: string;
  readonly selfSize: number;
  readonly retainedSize: number;
  /** How the previous step holds this one; null for the first step. */
  readonly edge: ChainEdge | null;
  /**
   * For a WeakMap value: the WeakMap table, which must stay alive too. The step's `edge` comes
   * from the key (the previous step); this says which table the pair lives in.
   */
  readonly weakMapTable?: { readonly id: number; readonly className: string; readonly edge: ChainEdge };
  /**
   * Set by `collapseRepeats` on the first step of a block of `period` steps that the full path
   * repeated `times` times in a row (`Timeout._idlePrev ×170`); only the last repetition is kept,
   * so the steps' ids stay those of the real path's end.
   */
  readonly repeat?: { readonly times: number; readonly period: number };
}

/**
 * A retainer that does not keep the node alive (shown when no retaining path exists).
 *
 * @example
 * ```ts
 * const path = pathToRoot(graph, node);
 * for (const h of path.nonRetaining ?? []) console.log(h.className, h.edge.name, h.why);
 * ```
 */
export interface NonRetainingHolder {
  readonly id: number;
  readonly className: string;
  readonly edge: ChainEdge;
  /** `weak` (a weak edge), `weak-ref` (a WeakRef's target), `keep-during-job` (V8 holds WeakRef targets until the job ends). */
  readonly why: NonRetainingReason;
}

/**
 * What `pathToRoot` found. Plain data.
 *
 * @example
 * ```ts
 * const path: RootPath = pathToRoot(graph, node);
 * console.log(path.found ? path.steps.length + " steps" : path.reason);
 * ```
 */
export interface RootPath {
  /** Whether a retaining path from the roots exists. */
  readonly found: boolean;
  /** The path, root first, ending at the node; just the node when `found` is false. */
  readonly steps: readonly ChainStep[];
  /** Why no path was found (absent when one was). */
  readonly reason?: string;
  /** When no path was found: the node's retainers that hold it without keeping it alive. */
  readonly nonRetaining?: readonly NonRetainingHolder[];
  /**
   * Transient holders that hold the node too, besides the path (see {@link AlsoHeldBy}): absent
   * when there are none.
   */
  readonly alsoHeldBy?: readonly AlsoHeldBy[];
}

/**
 * A transient holder of an object that a retaining path avoids: `stack` — the running code's stack
 * or a handle scope (`(Stack roots)`, `(Handle scope)`) held it when the snapshot was taken;
 * `async-frame` — the registers of a suspended async function or generator (a module's async
 * frame) hold it.
 *
 * @example
 * ```ts
 * if (pathToRoot(graph, node).alsoHeldBy?.includes("stack")) console.log("also held by the running code's stack");
 * ```
 */
export type AlsoHeldBy = "stack" | "async-frame";
