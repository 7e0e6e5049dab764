/**
 * objgraph's `growth()` over the running process, with its state (the peaks) in the open: a
 * `GrowthTracker` of the graph package.
 *
 * @module
 */
import { GrowthTracker, type GrowthRow, type GrowthRows, type HiddenSummary, type HeapNode } from "@heapgraph/graph";
import { z } from "zod";
import { callbackOption, flagOption, limitOption, liveOptions, parseLiveOptions, patternsOption, SNAPSHOT_SHAPE } from "./live-options.ts";
import { liveGraph } from "./live-snapshot.ts";

/**
 * The tracker {@link growth} and `showGrowth` use when given none: objgraph's hidden
 * `peak_stats`, made visible. It holds, per class, the highest instance count seen so far (the
 * *peak*). {@link resetGrowth} clears it; `defaultGrowthTracker.peaks()` shows it.
 *
 * @example
 * ```ts
 * import { defaultGrowthTracker, showGrowth } from "heapgraph";
 * await showGrowth();
 * console.log(defaultGrowthTracker.peaks().get("MyBigFatObject"));
 * ```
 */
export const defaultGrowthTracker: GrowthTracker = new GrowthTracker();

/** Node type names: one, or an array. */
const typesOption = z
  .union([z.string().min(1), z.array(z.string().min(1))], { error: "must be a node type name (object, closure, string, ...) or an array of them" })
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();

const trackerOption = z
  .custom<GrowthTracker>(
    (v) => typeof v === "object" && v !== null && typeof (v as { update?: unknown }).update === "function" && typeof (v as { reset?: unknown }).reset === "function",
    { error: "must be a GrowthTracker" },
  )
  .optional();

/**
 * The options of {@link growth}, as a zod shape for the calls that extend them.
 *
 * @example
 * ```ts
 * const schema = liveOptions({ ...GROWTH_SHAPE, file: sinkOption });
 * ```
 */
export const GROWTH_SHAPE = {
  ...SNAPSHOT_SHAPE,
  /** How many classes (default 10; `Infinity` for all). */
  limit: limitOption,
  /** Count only nodes for which this returns true. */
  filter: callbackOption<(node: HeapNode) => boolean>(),
  /** Whose peaks to compare with and raise (default {@link defaultGrowthTracker}; objgraph's `peak_stats`). Pass your own to follow one thing apart from the rest. */
  tracker: trackerOption,
  /** Class names alone (default true); false names each class with where it is defined (`script:line:Name`). */
  shortnames: flagOption,
  /** Show noise too (default false): heapgraph's own objects and its dependencies', the snapshot machinery, engine internals such as `(compiled code)` and `(string)`. */
  all: flagOption,
  /** Only classes whose name matches one of these globs (`Request*`), `/regex/`es or RegExps; naming an engine internal (`(string)`) shows it. */
  classes: patternsOption,
  /** Only nodes of these V8 node types (`object`, `closure`, `string`, ...): one or an array. */
  types: typesOption,
  /** Only user objects: no noise, no runtime internals (`node:…` classes, embedder objects). */
  user: flagOption,
};

/**
 * The schema of {@link LiveGrowthOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("growth", liveGrowthOptions, { limit: 3 });
 * ```
 */
export const liveGrowthOptions = liveOptions(GROWTH_SHAPE);

/**
 * Options of {@link growth}: `limit` (default 10), `filter`, `tracker` (default
 * {@link defaultGrowthTracker}), `shortnames` (default true), `gc`, and the noise options `all`,
 * `classes`, `types`, `user`.
 *
 * @example
 * ```ts
 * const options: LiveGrowthOptions = { tracker: new GrowthTracker(), limit: 20 };
 * ```
 */
export type LiveGrowthOptions = z.input<typeof liveGrowthOptions>;

/**
 * Which classes have more instances than ever before — objgraph's `growth()`: takes a snapshot
 * now, compares each class's count with its peak in `tracker`, raises those peaks, and returns
 * `[name, count, delta]` for the classes above their peak, largest increase first. The first
 * call reports every class; a class that shrinks and grows back shows up again only once it
 * passes its old peak. Peaks are kept per definition site (`script:line:Name`), so two classes
 * of one name grow apart.
 *
 * Noise is hidden (heapgraph's own objects, zod's, the snapshot machinery, engine internals such
 * as `(compiled code)` and `(string)`); the tuples carry what was hidden (`.hidden`), and
 * `{ all: true }` shows everything.
 *
 * @example
 * ```ts
 * import { growth } from "heapgraph";
 * await growth();                            // the baseline: everything
 * computeSomething();
 * for (const [name, count, delta] of await growth({ limit: 3 })) console.log(name, count, delta);
 * ```
 */
export async function growth(options: LiveGrowthOptions = {}): Promise<[name: string, count: number, delta: number][] & { readonly hidden: HiddenSummary }> {
  const parsed = parseLiveOptions("growth", liveGrowthOptions, options);
  const rows = await growthRows(parsed);
  return Object.assign(growthTuples(rows, parsed.shortnames ?? true), { hidden: rows.hidden });
}

/**
 * Growth rows as objgraph's `(name, count, delta)` tuples.
 *
 * @example
 * ```ts
 * growthTuples(rows, true); // [["MyBigFatObject", 2, 2], ...]
 * ```
 */
export function growthTuples(rows: readonly GrowthRow[], shortnames: boolean): [name: string, count: number, delta: number][] {
  return rows.map((r) => [shortnames ? r.name : r.qualifiedName, r.count, r.delta]);
}

/**
 * The tracker's rows (with sizes) for a snapshot taken now: what {@link growth} returns, and
 * what `showGrowth` shows.
 *
 * @example
 * ```ts
 * const rows = await growthRows({ limit: 5 });
 * ```
 */
export async function growthRows(options: z.output<typeof liveGrowthOptions>): Promise<GrowthRows> {
  const { tracker = defaultGrowthTracker, gc = false, limit = 10, filter, all, classes, types, user } = options;
  const graph = await liveGraph({ gc });
  return tracker.update(graph, {
    limit,
    ...(filter ? { filter } : {}),
    ...(all !== undefined ? { all } : {}),
    ...(classes ? { classes } : {}),
    ...(types ? { types } : {}),
    ...(user !== undefined ? { user } : {}),
  });
}

/**
 * Forgets the peaks of `tracker` (default {@link defaultGrowthTracker}): the next
 * {@link growth} or `showGrowth` reports every class again, as the first one did.
 *
 * @example
 * ```ts
 * import { resetGrowth, showGrowth } from "heapgraph";
 * resetGrowth();
 * await showGrowth(); // everything, from zero
 * ```
 */
export function resetGrowth(tracker: GrowthTracker = defaultGrowthTracker): void {
  parseLiveOptions("resetGrowth", liveOptions({ tracker: trackerOption }), { tracker });
  tracker.reset();
}
