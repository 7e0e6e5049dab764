import { z } from "zod";
import { NOISE_REASONS, type HeapGraph, type NoiseReason } from "../../engine/index.ts";
import { isIterable } from "./option-schemas.ts";
import { QueryError } from "./query-error.ts";
import { parseQueryOptions } from "./query-options.ts";

/** A class pattern: a glob (`*`, `?`) or `/regex/flags` string, or a RegExp. */
const classPattern = z.union([z.string().min(1), z.instanceof(RegExp)], { error: "expected a class name pattern (a glob, a /regex/ or a RegExp)" });

/** One item or an iterable of them, as an array. */
function oneOrMany<T extends z.ZodType>(item: T) {
  return z
    .union([item, z.custom<Iterable<unknown>>((v) => isIterable(v), { error: "expected one value or an array of them" })])
    .transform((v) => (typeof v === "object" && v !== null && !(v instanceof RegExp) && isIterable(v) ? [...v] : [v]))
    .pipe(z.array(item));
}

/**
 * The options of {@link noiseFilter} as a zod shape, for the queries that take them
 * (`growth`, `compare`, `GrowthTracker.update`, `typestats`, `findLeaks`):
 *
 * - `all`: show noise too (default false): heapgraph's own objects, its dependencies', the
 *   snapshot machinery and engine internals are hidden unless `all` is true.
 * - `classes`: keep only classes whose name (or qualified name) matches one of these patterns:
 *   globs (`Request*`), `/regex/flags` strings or RegExps. Engine internals a class or type
 *   filter matches are shown (`classes: ["(string)"]` shows strings).
 * - `types`: keep only nodes of these V8 node types (`object`, `closure`, `string`, `native`, ...).
 * - `user`: keep only user objects: no noise of any kind, runtime internals (`node:…` classes,
 *   embedder objects) included.
 *
 * @example
 * ```ts
 * const growthOptions = z.strictObject({ limit: rowLimit.optional(), ...noiseFilterShape });
 * ```
 */
export const noiseFilterShape = {
  all: z.boolean().optional(),
  classes: oneOrMany(classPattern).optional(),
  types: oneOrMany(z.string().min(1)).optional(),
  user: z.boolean().optional(),
};

const noiseFilterOptions = z.strictObject(noiseFilterShape);

/**
 * Options of {@link noiseFilter} (see {@link noiseFilterShape}).
 *
 * @example
 * ```ts
 * const options: NoiseFilterOptions = { classes: ["Request*", /^Zod/], user: true };
 * ```
 */
export type NoiseFilterOptions = z.input<typeof noiseFilterOptions>;

/**
 * What a query hid by default (plain data): classes left out entirely, the objects and bytes
 * hidden, and hidden objects per reason (`engine`, `heapgraph`, `snapshot`; see `NOISE_REASONS`).
 * For a comparison of two snapshots the numbers are growth: hidden objects and bytes that were added.
 *
 * @example
 * ```ts
 * const { hidden } = noiseFilter(graph);
 * console.log(hidden.classes, hidden.objects, hidden.reasons.heapgraph ?? 0);
 * ```
 */
export interface HiddenSummary {
  /** Classes with hidden objects and no object shown. */
  readonly classes: number;
  /** Hidden objects (of non-zero size, as counts are). */
  readonly objects: number;
  /** Their shallow size, in bytes. */
  readonly bytes: number;
  /** Hidden objects per reason. */
  readonly reasons: Readonly<Partial<Record<Exclude<NoiseReason, "user">, number>>>;
}

/**
 * The nodes a query shows, after the default noise hiding and the caller's class, type and user
 * filters, with what was hidden.
 *
 * @example
 * ```ts
 * const { mask, hidden } = noiseFilter(graph, { classes: ["Item"] });
 * ```
 */
export interface NoiseFilter {
  /** One byte per node: {@link SHOWN} (1), {@link HIDDEN} (2, hidden by default), or 0 (left out by the caller's filters). */
  readonly mask: Uint8Array;
  /** What the default hiding left out (not what the caller's filters left out). */
  readonly hidden: HiddenSummary;
  /** Whether the caller narrowed the nodes (`classes`, `types` or `user`): then classes that are not shown were filtered, not hidden. */
  readonly narrowed: boolean;
}

/**
 * A {@link NoiseFilter.mask} value: the node is shown.
 *
 * @example
 * ```ts
 * if (noiseFilter(graph).mask[o] === SHOWN) visit(o);
 * ```
 */
export const SHOWN = 1;

/**
 * A {@link NoiseFilter.mask} value: the node is noise, hidden by default (`all: true` shows it).
 *
 * @example
 * ```ts
 * if (noiseFilter(graph).mask[o] === HIDDEN) hiddenCount++;
 * ```
 */
export const HIDDEN = 2;

/** Reason codes (indexes of `NOISE_REASONS`). */
const ENGINE = 1, HEAPGRAPH = 2, SNAPSHOT = 3;

/**
 * The nodes to show by default, and what was hidden: heapgraph's own objects and its
 * dependencies', the snapshot machinery and engine internals (`(compiled code)`, `(string)`,
 * `(number)`, `(system)`, ...; see `graph.noiseMask()`) are hidden unless `all`; `classes`,
 * `types` and `user` narrow further (see {@link noiseFilterShape}). Engine internals matched by a
 * `classes` or `types` filter are shown: asking for `(string)` shows strings. One pass over the
 * nodes and one over the classes; no dominators.
 *
 * @throws {QueryError} `INVALID_OPTIONS`: a bad pattern, or a node type the snapshot does not have.
 *
 * @example
 * ```ts
 * const { mask, hidden } = noiseFilter(graph, { user: true });
 * for (let o = 0; o < graph.nodeCount; o++) if (mask[o] === SHOWN) visit(o);
 * console.log(`hid ${hidden.objects} objects`);
 * ```
 */
export function noiseFilter(graph: HeapGraph, options: NoiseFilterOptions = {}, query = "noiseFilter"): NoiseFilter {
  const { all = false, classes, types, user = false } = parseQueryOptions(query, noiseFilterOptions, options);
  const narrowedByName = classes !== undefined || types !== undefined;
  const noise = graph.noiseMask();
  const { classOf, names } = graph.classes();
  const classWanted = classes ? classMatches(graph, classes.map((p) => classRegExp(query, p))) : null;
  const typeWanted = types ? typeMatches(graph, query, types) : null;
  const { type } = graph.nodeColumns();
  const sizes = graph.selfSizes();
  const mask = new Uint8Array(graph.nodeCount);
  const shownInClass = new Uint8Array(names.length), hiddenInClass = new Uint8Array(names.length);
  const perReason = new Float64Array(NOISE_REASONS.length);
  let objects = 0, bytes = 0;
  for (let o = 0; o < graph.nodeCount; o++) {
    const c = classOf[o];
    if ((classWanted && !classWanted[c]) || (typeWanted && !typeWanted[type[o]])) continue;
    const r = noise[o];
    if (user && r !== 0) continue;
    const hide = !all && (r === HEAPGRAPH || r === SNAPSHOT || (r === ENGINE && !narrowedByName));
    mask[o] = hide ? HIDDEN : SHOWN;
    if (!hide) {
      if (sizes[o] > 0) shownInClass[c] = 1;
    } else if (sizes[o] > 0) {
      hiddenInClass[c] = 1;
      perReason[r]++;
      objects++;
      bytes += sizes[o];
    }
  }
  let hiddenClasses = 0;
  for (let c = 0; c < names.length; c++) if (hiddenInClass[c] && !shownInClass[c]) hiddenClasses++;
  return { mask, hidden: { classes: hiddenClasses, objects, bytes, reasons: reasonCounts(perReason) }, narrowed: narrowedByName || user };
}

/**
 * Per-reason counts as a {@link HiddenSummary}'s `reasons` (reasons with no object left out).
 *
 * @example
 * ```ts
 * reasonCounts(new Float64Array([0, 12, 3, 0, 0])); // { engine: 12, heapgraph: 3 }
 * ```
 */
export function reasonCounts(perReason: ArrayLike<number>): HiddenSummary["reasons"] {
  const out: Partial<Record<Exclude<NoiseReason, "user">, number>> = {};
  for (let r = 1; r < NOISE_REASONS.length; r++) if (perReason[r] > 0) out[NOISE_REASONS[r] as Exclude<NoiseReason, "user">] = perReason[r];
  return out;
}

/**
 * A class pattern as a RegExp: a RegExp as is, `/source/flags` as a RegExp, anything else a glob
 * over the whole name (`*` any run, `?` one character; everything else literal).
 *
 * @throws {QueryError} `INVALID_OPTIONS` for a `/regex/` that does not compile.
 *
 * @example
 * ```ts
 * classRegExp("growth", "Request*").test("RequestContext"); // true
 * classRegExp("growth", "/^zod/i").test("ZodString"); // true
 * ```
 */
export function classRegExp(query: string, pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (regex) {
    try {
      return new RegExp(regex[1], regex[2]);
    } catch (error) {
      throw new QueryError("INVALID_OPTIONS", `${query}: classes: ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message})`);
    }
  }
  const glob = pattern.replace(/[.+^${}()|[\]\\*?]/g, (ch) => (ch === "*" ? ".*" : ch === "?" ? "." : `\\${ch}`));
  return new RegExp(`^${glob}$`);
}

/** Per class: 1 when its name or qualified name matches a pattern. */
function classMatches(graph: HeapGraph, patterns: readonly RegExp[]): Uint8Array {
  const { names } = graph.classes();
  const qualified = graph.qualifiedClassNames();
  const out = new Uint8Array(names.length);
  const test = (re: RegExp, text: string) => {
    re.lastIndex = 0;
    return re.test(text);
  };
  for (let c = 0; c < names.length; c++) if (patterns.some((re) => test(re, names[c]) || (qualified[c] !== names[c] && test(re, qualified[c])))) out[c] = 1;
  return out;
}

/** Per node type code: 1 when the type is wanted; a type the snapshot does not know throws `INVALID_OPTIONS`. */
function typeMatches(graph: HeapGraph, query: string, types: readonly string[]): Uint8Array {
  // The snapshot's own list of node types (`meta.node_types` of the `type` field), else the types its nodes carry.
  const { meta } = graph.snapshot.header;
  const listed = meta.node_types[meta.node_fields.indexOf("type")];
  const byName = new Map<string, number>();
  if (Array.isArray(listed)) {
    listed.forEach((name: string, code: number) => byName.set(name, code));
  } else {
    const { type } = graph.nodeColumns();
    for (let o = 0; o < graph.nodeCount; o++) if (!byName.has(graph.nodeTypeName(o))) byName.set(graph.nodeTypeName(o), type[o]);
  }
  const out = new Uint8Array(256);
  for (const t of types) {
    const code = byName.get(t);
    if (code === undefined) {
      throw new QueryError("INVALID_OPTIONS", `${query}: types: this snapshot has no node type ${JSON.stringify(t)} (its types: ${[...byName.keys()].join(", ")})`);
    }
    out[code] = 1;
  }
  return out;
}
