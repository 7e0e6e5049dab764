import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { chainStep } from "../chains/chain-step.ts";
import { pathToRoot } from "../chains/path-to-root.ts";
import { fraction } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import type { AccumulationPoint, LeakSuspect } from "./leak-rows.ts";

/**
 * The schema of {@link leakSuspects}' options.
 *
 * @example
 * ```ts
 * leakSuspectsOptions.parse({ threshold: 0.05 });
 * ```
 */
export const leakSuspectsOptions = z.strictObject({
  /** Smallest share of the heap a suspect must keep alive, 0..1 (default 0.1, MAT's 10%). */
  threshold: fraction.optional(),
});

/**
 * Options of {@link leakSuspects}.
 *
 * @example
 * ```ts
 * leakSuspects(graph, { threshold: 0.05 });
 * ```
 */
export type LeakSuspectsOptions = z.input<typeof leakSuspectsOptions>;

/** A child holding at least this share of its parent's retained size continues the descent. */
const DOMINANT_CHILD = 0.8;
/** Instances of a class sampled to find their common dominator. */
const MAX_SAMPLED = 10_000;

/**
 * Eclipse MAT's leak suspects. Two kinds:
 *
 * - *object*: an object (as `largestRetainers` finds them) that keeps at least `threshold` of the
 *   heap alive. Its accumulation point is found by walking down its dominator tree while one
 *   child keeps most (80%) of the memory: where that stops, the memory is spread over many
 *   children — the collection that grows.
 * - *class*: a class whose instances together keep at least `threshold` of the heap alive and
 *   pile up in one place: the smallest program object that dominates most (80%) of them is its
 *   accumulation point. Instances spread all over the heap (functions, plain objects under the
 *   global object) are not a suspect.
 *
 * Largest first. V8's type classes (`(string)`, `(array)`, `(compiled code)`, ...) and its
 * `system / ...` objects are never class suspects.
 *
 * @example
 * ```ts
 * for (const s of leakSuspects(graph)) console.log(s.description, s.accumulation?.path.map((p) => p.edge?.name).join("."));
 * ```
 */
export function leakSuspects(graph: HeapGraph, options: LeakSuspectsOptions = {}): LeakSuspect[] {
  const { threshold = 0.1 } = parseQueryOptions("leakSuspects", leakSuspectsOptions, options);
  const retained = graph.retainedSizes();
  const total = retained[graph.rootOrdinal] || 1;
  const { classOf, names } = graph.classes();
  const qualified = graph.qualifiedClassNames();
  const { id } = graph.nodeColumns();
  const suspects: LeakSuspect[] = [];
  for (const o of graph.topObjects()) {
    if (retained[o] < threshold * total) break;
    const c = classOf[o];
    const point = descend(graph, o);
    suspects.push({
      kind: "object",
      description:
        `One ${names[c]} (@${id[o]}) keeps ${formatShare(retained[o] / total)} of the heap alive (${retained[o]} bytes)` +
        (point !== o ? `; the memory accumulates in one ${graph.className(point)} (@${id[point]})` : ""),
      className: names[c],
      qualifiedName: qualified[c],
      id: id[o],
      count: 1,
      retainedSize: retained[o],
      share: retained[o] / total,
      accumulation: accumulation(graph, point),
    });
  }
  const stats = graph.classStats();
  for (let c = 0; c < names.length; c++) {
    if (stats.retainedSize[c] < threshold * total || stats.count[c] < 2 || isSystemClass(names[c])) continue;
    const point = commonDominator(graph, c);
    if (point < 0) continue;
    suspects.push({
      kind: "class",
      description:
        `${stats.count[c]} instances of ${names[c]} keep ${formatShare(stats.retainedSize[c] / total)} of the heap alive (${stats.retainedSize[c]} bytes)` +
        `; they are held in one ${graph.className(point)} (@${id[point]})`,
      className: names[c],
      qualifiedName: qualified[c],
      count: stats.count[c],
      retainedSize: stats.retainedSize[c],
      share: stats.retainedSize[c] / total,
      accumulation: accumulation(graph, point),
    });
  }
  return suspects.sort((a, b) => b.retainedSize - a.retainedSize || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** V8's type classes — `(string)`, `(array)`, `(system)`, `(compiled code)`, ... — and `system / ...` objects. */
function isSystemClass(name: string): boolean {
  return (name.startsWith("(") && name.endsWith(")")) || name.startsWith("system / ");
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Walks down from `o` while one dominated child keeps most of the memory; returns where it stops. */
function descend(graph: HeapGraph, o: number): number {
  const retained = graph.retainedSizes();
  const { firstChild, children } = graph.dominatorTree();
  for (let guard = 0; guard < graph.nodeCount; guard++) {
    let best = -1;
    for (let i = firstChild[o], end = firstChild[o + 1]; i < end; i++) {
      if (best < 0 || retained[children[i]] > retained[best]) best = children[i];
    }
    if (best < 0 || retained[best] < DOMINANT_CHILD * retained[o]) return o;
    o = best;
  }
  return o;
}

/**
 * The smallest program object (by retained size) that dominates at least 80% of class `c`'s
 * counted instances, or -1 — roots, globals and V8 internals do not count as accumulation points.
 */
function commonDominator(graph: HeapGraph, c: number): number {
  const containers = graph.containerMask();
  const { classOf } = graph.classes();
  const sizes = graph.selfSizes();
  const retained = graph.retainedSizes();
  const dominators = graph.dominators();
  const counts = new Map<number, number>();
  let sampled = 0;
  for (let o = 0; o < graph.nodeCount && sampled < MAX_SAMPLED; o++) {
    if (classOf[o] !== c || sizes[o] === 0) continue;
    sampled++;
    for (let d = dominators[o], guard = 0; guard < graph.nodeCount; d = dominators[d], guard++) {
      counts.set(d, (counts.get(d) ?? 0) + 1);
      if (d === graph.rootOrdinal) break;
    }
  }
  let best = -1;
  for (const [d, n] of counts) {
    if (containers[d] || n < DOMINANT_CHILD * sampled) continue;
    if (best < 0 || retained[d] < retained[best]) best = d;
  }
  return best;
}

function accumulation(graph: HeapGraph, o: number): AccumulationPoint {
  const { firstChild, children } = graph.dominatorTree();
  const { classOf, names } = graph.classes();
  const classCounts = new Map<number, number>();
  for (let i = firstChild[o], end = firstChild[o + 1]; i < end; i++) {
    const c = classOf[children[i]];
    classCounts.set(c, (classCounts.get(c) ?? 0) + 1);
  }
  let top: { name: string; count: number } | null = null;
  for (const [c, n] of classCounts) if (!top || n > top.count) top = { name: names[c], count: n };
  const node = graph.node(o);
  const path = pathToRoot(graph, node);
  return {
    id: node.id,
    className: node.className,
    preview: node.describe(),
    retainedSize: node.retainedSize,
    children: firstChild[o + 1] - firstChild[o],
    topChildClass: top,
    path: path.found ? path.steps : [chainStep(graph, o, -1)],
  };
}
