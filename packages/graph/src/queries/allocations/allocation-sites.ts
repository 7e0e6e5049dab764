/**
 * Where objects were allocated: objects grouped by the top frames of their allocation stacks.
 *
 * @module
 */
import { z } from "zod";
import type { AllocationFrame, HeapGraph, HeapNode } from "../../engine/index.ts";
import { ordinalsOf } from "../shared/node-arguments.ts";
import { isIterable, rowLimit } from "../shared/option-schemas.ts";
import { checkQueryArgument, parseQueryOptions } from "../shared/query-options.ts";
import { QueryError } from "../shared/query-error.ts";
import type { AllocationSiteRow, AllocationSites } from "./allocation-site-row.ts";

/**
 * The schema of {@link allocationSites}' options.
 *
 * @example
 * ```ts
 * allocationSitesOptions.parse({ limit: 3, depth: 2 });
 * ```
 */
export const allocationSitesOptions = z.strictObject({
  /** How many sites, most objects first (default 10; `Infinity` for all). */
  limit: rowLimit.optional(),
  /** How many top frames make a site (default 5; `Infinity`: the whole stack). Objects whose stacks agree on these are one site. */
  depth: rowLimit.optional(),
});

/**
 * Options of {@link allocationSites}.
 *
 * @example
 * ```ts
 * allocationSites(graph, leaked, { limit: 3, depth: 2 } satisfies AllocationSitesOptions);
 * ```
 */
export type AllocationSitesOptions = z.input<typeof allocationSitesOptions>;

/**
 * The objects {@link allocationSites} looks at: node handles, or ordinals, or heap object ids.
 *
 * @example
 * ```ts
 * const byIds: AllocationSitesNodes = { ids: [1201, 1203] };
 * const byOrdinals: AllocationSitesNodes = { ordinals: cluster.members };
 * ```
 */
export type AllocationSitesNodes = Iterable<HeapNode> | { readonly ordinals: ArrayLike<number> } | { readonly ids: ArrayLike<number> };

const DEFAULT_LIMIT = 10;
const DEFAULT_DEPTH = 5;
const MAX_IDS = 20;
const MAX_CLASSES = 5;

const isArrayLike = (v: unknown): v is ArrayLike<number> => typeof v === "object" && v !== null && typeof (v as { length?: unknown }).length === "number";
const nodesArgument = z.union([
  z.strictObject({ ordinals: z.custom<ArrayLike<number>>(isArrayLike, { error: "expected an array of ordinals" }) }),
  z.strictObject({ ids: z.custom<ArrayLike<number>>(isArrayLike, { error: "expected an array of heap object ids" }) }),
  z.custom<Iterable<HeapNode>>(isIterable, { error: "expected nodes, { ordinals } or { ids }" }),
]);

interface Site {
  readonly frames: readonly AllocationFrame[];
  count: number;
  selfSize: number;
  readonly ids: number[];
  readonly classes: Map<number, number>;
  /** First position among the objects given, for a stable order among equals. */
  readonly first: number;
}

/**
 * Groups objects by where they were allocated — the top `depth` frames of their allocation
 * stacks (`graph.allocationStack`) — with counts and shallow sizes, most objects first (then
 * most bytes). For a leak's objects this says which code made them: "30 TracedNeedle allocated
 * at allocateNeedles app.js:16:25 ← startWork app.js:21:19".
 *
 * Objects without a stack (allocated before tracking started, or every object when the snapshot
 * was taken without allocation tracking: `hasTraces` false) are counted in `untracked`, not
 * listed. Frames name functions at the position where each function starts (V8 records
 * functions, not statements), with 1-based lines and columns as DevTools shows them.
 *
 * Throws {@link QueryError} `INVALID_OPTIONS` for bad options or arguments, `FOREIGN_NODE` for a
 * handle of another graph, and `INVALID_OPTIONS` for an ordinal out of range.
 *
 * @example
 * ```ts
 * import { allocationSites } from "@heapgraph/graph";
 * const sites = allocationSites(graph, byType(graph, "RequestContext"), { limit: 3 });
 * for (const site of sites) {
 *   const where = site.frames.map((f) => `${f.functionName} ${f.scriptName}:${f.line}:${f.column}`).join(" ← ");
 *   console.log(`${site.count} objects (${site.selfSize} bytes) allocated at ${where}`);
 * }
 * if (sites.untracked > 0) console.log(`${sites.untracked} objects have no allocation stack`);
 * ```
 */
export function allocationSites(graph: HeapGraph, nodes: AllocationSitesNodes, options: AllocationSitesOptions = {}): AllocationSites {
  const { limit = DEFAULT_LIMIT, depth = DEFAULT_DEPTH } = parseQueryOptions("allocationSites", allocationSitesOptions, options);
  const { ordinals, notFound } = ordinalsToLookAt(graph, nodes);
  const hasTraces = graph.hasAllocationTraces();
  const { id: nodeId } = graph.nodeColumns();
  const { classOf, names } = hasTraces ? graph.classes() : { classOf: new Uint32Array(0), names: [] as readonly string[] };
  const sizes = graph.selfSizes();
  const keys = new Map<readonly AllocationFrame[], string>();
  const sites = new Map<string, Site>();
  let untracked = 0;
  for (let i = 0; i < ordinals.length; i++) {
    const o = ordinals[i];
    const stack = hasTraces ? graph.allocationStack(o) : null;
    if (!stack || stack.length === 0) {
      untracked++;
      continue;
    }
    let key = keys.get(stack);
    if (key === undefined) keys.set(stack, (key = siteKey(stack, depth)));
    let site = sites.get(key);
    if (!site) sites.set(key, (site = { frames: stack.length > depth ? stack.slice(0, depth) : stack, count: 0, selfSize: 0, ids: [], classes: new Map(), first: i }));
    site.count++;
    site.selfSize += sizes[o];
    if (site.ids.length < MAX_IDS) site.ids.push(nodeId[o]);
    site.classes.set(classOf[o], (site.classes.get(classOf[o]) ?? 0) + 1);
  }
  const ordered = [...sites.values()].sort((a, b) => b.count - a.count || b.selfSize - a.selfSize || a.first - b.first);
  const rows: AllocationSiteRow[] = ordered.slice(0, limit).map((site) => ({
    frames: site.frames,
    count: site.count,
    selfSize: site.selfSize,
    classes: [...site.classes]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CLASSES)
      .map(([c, count]) => ({ className: names[c] ?? "", count })),
    ids: site.ids,
  }));
  return Object.assign(rows, { hasTraces, objects: ordinals.length, untracked, notFound, moreSites: Math.max(0, ordered.length - rows.length) });
}

/** The ordinals of the objects given, checked, and how many ids no node has. */
function ordinalsToLookAt(graph: HeapGraph, nodes: AllocationSitesNodes): { ordinals: ArrayLike<number>; notFound: number } {
  const checked = checkQueryArgument("allocationSites", "nodes", nodesArgument, nodes);
  if ("ordinals" in checked) {
    const ordinals = checked.ordinals;
    for (let i = 0; i < ordinals.length; i++) {
      const o = ordinals[i];
      if (!(Number.isInteger(o) && o >= 0 && o < graph.nodeCount)) {
        throw new QueryError("INVALID_OPTIONS", `allocationSites: nodes: ordinal ${o} (at ${i}) is not in 0..${graph.nodeCount - 1}`);
      }
    }
    return { ordinals, notFound: 0 };
  }
  if ("ids" in checked) {
    const out: number[] = [];
    let notFound = 0;
    for (let i = 0; i < checked.ids.length; i++) {
      const o = graph.ordinalOfId(checked.ids[i]);
      if (o >= 0) out.push(o);
      else notFound++;
    }
    return { ordinals: out, notFound };
  }
  return { ordinals: ordinalsOf("allocationSites", graph, checked as Iterable<HeapNode>), notFound: 0 };
}

/** A site's key: the top `depth` frames' functions and positions. */
function siteKey(stack: readonly AllocationFrame[], depth: number): string {
  let key = "";
  for (let i = 0; i < stack.length && i < depth; i++) {
    const f = stack[i];
    key += `${f.functionName}\u0000${f.scriptName}\u0000${f.scriptId}\u0000${f.line ?? 0}\u0000${f.column ?? 0}\u0001`;
  }
  return key;
}
