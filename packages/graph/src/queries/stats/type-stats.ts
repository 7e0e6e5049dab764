import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { cmp } from "../shared/compare-strings.ts";
import { filterMask, nodeMask } from "../shared/node-arguments.ts";
import { noiseFilter, noiseFilterShape, SHOWN } from "../shared/noise-filter.ts";
import { nodeList, nodePredicate, rowLimit } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { matchClasses } from "./class-match.ts";
import type { TypeStatsRow } from "./stats-rows.ts";

/**
 * The schema of {@link typestats}' options.
 *
 * @example
 * ```ts
 * typeStatsOptions.parse({ nodes: leakingObjects(graph) });
 * ```
 */
export const typeStatsOptions = z.strictObject({
  /** Keep only nodes for which this returns true. */
  filter: nodePredicate.optional(),
  /** Count only these nodes (e.g. the result of `leakingObjects`) instead of the whole graph. */
  nodes: nodeList.optional(),
  /** Only classes whose name or qualified name matches one of these globs, `/regex/`es or RegExps. */
  classes: noiseFilterShape.classes,
  /** Only nodes of these V8 node types (`object`, `closure`, `string`, ...). */
  types: noiseFilterShape.types,
  /** Only user objects: no engine internals, heapgraph's own objects, snapshot machinery or runtime internals (see `noiseFilter`). */
  user: noiseFilterShape.user,
});

/**
 * Options of {@link typestats}.
 *
 * @example
 * ```ts
 * typestats(graph, { filter: (n) => n.distance < 10, nodes: leakingObjects(graph) });
 * typestats(graph, { user: true, classes: ["Request*"] });
 * ```
 */
export type TypeStatsOptions = z.input<typeof typeStatsOptions>;

/**
 * The schema of {@link mostCommonTypes}' options.
 *
 * @example
 * ```ts
 * mostCommonTypesOptions.parse({ limit: 5 });
 * ```
 */
export const mostCommonTypesOptions = typeStatsOptions.extend({
  /** How many rows to return (default 10; `Infinity` for all). */
  limit: rowLimit.optional(),
});

/**
 * Options of {@link mostCommonTypes}.
 *
 * @example
 * ```ts
 * mostCommonTypes(graph, { limit: 5, filter: (n) => n.type === "object" });
 * ```
 */
export type MostCommonTypesOptions = z.input<typeof mostCommonTypesOptions>;

/**
 * The schema of {@link count}'s options.
 *
 * @example
 * ```ts
 * countOptions.parse({ nodes: [] });
 * ```
 */
export const countOptions = z.strictObject({
  /** Count among these nodes only. */
  nodes: nodeList.optional(),
});

/**
 * Options of {@link count}.
 *
 * @example
 * ```ts
 * count(graph, "Item", { nodes: leakingObjects(graph) });
 * ```
 */
export type CountOptions = z.input<typeof countOptions>;

/**
 * Instance count, total shallow size and total retained size per class — objgraph's `typestats`
 * with DevTools' Summary columns. Nodes of size 0 are not counted (as in DevTools). A class's
 * retained size adds the retained sizes of its instances that no other instance of the class
 * dominates, so nested instances are not counted twice. Rows are sorted by count, largest first.
 *
 * Classes with the same name defined in different places (or code loaded twice) are separate
 * rows with the same `name` and different `qualifiedName`s.
 *
 * Everything is counted by default, as DevTools' Summary counts it; `classes`, `types` and `user`
 * narrow (`user: true` leaves out engine internals, heapgraph's own objects and runtime internals).
 *
 * @example
 * ```ts
 * for (const row of typestats(graph).slice(0, 5)) console.log(row.name, row.count, row.retainedSize);
 * typestats(graph, { nodes: leakingObjects(graph) });
 * ```
 */
export function typestats(graph: HeapGraph, options: TypeStatsOptions = {}): TypeStatsRow[] {
  return statsRows(graph, "typestats", parseQueryOptions("typestats", typeStatsOptions, options));
}

/**
 * The `limit` classes with the most instances (objgraph's `most_common_types`), as
 * {@link typestats} rows.
 *
 * @example
 * ```ts
 * mostCommonTypes(graph, { limit: 3 }); // [{ name: "(string)", count: 12041, ... }, ...]
 * ```
 */
export function mostCommonTypes(graph: HeapGraph, options: MostCommonTypesOptions = {}): TypeStatsRow[] {
  const parsed = parseQueryOptions("mostCommonTypes", mostCommonTypesOptions, options);
  return statsRows(graph, "mostCommonTypes", parsed).slice(0, parsed.limit ?? 10);
}

/**
 * How many instances of a class there are (objgraph's `count`). `name` is a class name — every
 * class of that name counts — or a qualified name (`script:line:name`, or its tail such as
 * `app.mjs:12:Item`) for one definition site. Nodes of size 0 are not counted.
 *
 * @example
 * ```ts
 * count(graph, "MyBigFatObject"); // 2
 * count(graph, "Item", { nodes: leakingObjects(graph) });
 * ```
 */
export function count(graph: HeapGraph, name: string, options: CountOptions = {}): number {
  const { nodes } = parseQueryOptions("count", countOptions, options);
  const classes = matchClasses("count", graph, name);
  if (classes.length === 0) return 0;
  const mask = nodeMask("count", graph, nodes);
  if (!mask) {
    const counts = graph.classCounts();
    return classes.reduce((sum, c) => sum + counts.count[c], 0);
  }
  const wanted = new Uint8Array(graph.classes().names.length);
  for (const c of classes) wanted[c] = 1;
  const { classOf } = graph.classes();
  const sizes = graph.selfSizes();
  let n = 0;
  for (let o = 0; o < graph.nodeCount; o++) if (mask[o] && wanted[classOf[o]] && sizes[o] > 0) n++;
  return n;
}

function statsRows(graph: HeapGraph, query: string, options: z.output<typeof typeStatsOptions>): TypeStatsRow[] {
  let totals: { count: ArrayLike<number>; selfSize: ArrayLike<number>; retainedSize: ArrayLike<number> };
  const narrowed = options.classes !== undefined || options.types !== undefined || options.user === true;
  if (options.nodes === undefined && !options.filter && !narrowed) {
    // First, before the class names: on two threads, the dominators start on the other one at once.
    totals = graph.classStats();
  } else {
    let mask = nodeMask(query, graph, options.nodes);
    if (narrowed) mask = shownBy(graph, query, options, mask);
    if (options.filter) mask = filterMask(graph, query, options.filter, mask);
    totals = classTotals(graph, mask!);
  }
  const { names } = graph.classes();
  const qualified = graph.qualifiedClassNames();
  const rows: TypeStatsRow[] = [];
  for (let c = 0; c < names.length; c++) {
    if (totals.count[c] === 0) continue;
    rows.push({ name: names[c], qualifiedName: qualified[c], count: totals.count[c], selfSize: totals.selfSize[c], retainedSize: totals.retainedSize[c] });
  }
  return rows.sort((a, b) => b.count - a.count || b.retainedSize - a.retainedSize || cmp(a.qualifiedName, b.qualifiedName));
}

/** Narrows `mask` (or all nodes, when null) to the nodes the class, type and user filters show. */
function shownBy(graph: HeapGraph, query: string, options: z.output<typeof typeStatsOptions>, mask: Uint8Array | null): Uint8Array {
  const { classes, types, user } = options;
  const shown = noiseFilter(graph, { all: true, ...(classes ? { classes } : {}), ...(types ? { types } : {}), ...(user ? { user } : {}) }, query).mask;
  for (let o = 0; o < shown.length; o++) shown[o] = shown[o] === SHOWN && (!mask || mask[o]) ? 1 : 0;
  return shown;
}

/**
 * Per-class count, shallow and retained size over the nodes in `mask`, by DevTools' rules:
 * nodes of size 0 are skipped, and a node's retained size counts for its class only when no
 * dominator-tree ancestor of the same class was counted.
 */
function classTotals(graph: HeapGraph, mask: Uint8Array): { count: Uint32Array; selfSize: Float64Array; retainedSize: Float64Array } {
  const { classOf, names } = graph.classes();
  const sizes = graph.selfSizes();
  const retained = graph.retainedSizes();
  const count = new Uint32Array(names.length);
  const selfSize = new Float64Array(names.length);
  const retainedSize = new Float64Array(names.length);
  for (let o = 0; o < graph.nodeCount; o++) {
    if (!mask[o] || sizes[o] === 0) continue;
    count[classOf[o]]++;
    selfSize[classOf[o]] += sizes[o];
  }
  // Walk the dominator tree; `open[c]` counts counted ancestors of class c on the current path.
  const { firstChild, children } = graph.dominatorTree();
  const open = new Uint32Array(names.length);
  const EXIT = 0x80000000;
  const stack = new Uint32Array(2 * graph.nodeCount + 2);
  let top = 0;
  stack[top++] = graph.rootOrdinal;
  while (top > 0) {
    const item = stack[--top];
    if (item & EXIT) {
      open[classOf[item ^ EXIT]]--;
      continue;
    }
    const c = classOf[item];
    const from = firstChild[item], to = firstChild[item + 1];
    if (mask[item] && sizes[item] > 0 && open[c] === 0) {
      retainedSize[c] += retained[item];
      if (from !== to) {
        open[c]++;
        stack[top++] = (item | EXIT) >>> 0;
      }
    }
    for (let i = from; i < to; i++) stack[top++] = children[i];
  }
  return { count, selfSize, retainedSize };
}
