import type { HeapGraph } from "./heap-graph-types.ts";
import { memoize } from "./graph-memo.ts";
import { plumbingMask } from "./plumbing.ts";
import { globalMask } from "./predicates.ts";
import { checkOptions } from "./query-options.ts";
import { snapshotCodes } from "./snapshot-codes.ts";

/**
 * One big dominator subtree (a row of {@link largestRetainers}). Plain data.
 *
 * @example
 * ```ts
 * const [biggest]: RetainerRow[] = largestRetainers(graph);
 * console.log(biggest.className, biggest.retainedSize, `${(biggest.share * 100).toFixed(1)}%`);
 * ```
 */
export interface RetainerRow {
  readonly id: number;
  readonly className: string;
  /** A short description of the node. */
  readonly preview: string;
  readonly selfSize: number;
  /** What collecting this object would free. */
  readonly retainedSize: number;
  /** `retainedSize` as a fraction of the whole heap (0..1). */
  readonly share: number;
  /** The dominators above it, from the root down (class names), skipping the synthetic root. */
  readonly dominatedBy: readonly string[];
}

/**
 * Options of {@link largestRetainers}.
 *
 * @example
 * ```ts
 * largestRetainers(graph, { limit: 25 });
 * ```
 */
export interface LargestRetainersOptions {
  /** How many rows (default 10; `Infinity` for all). */
  limit?: number;
}

/**
 * The objects that keep the most memory alive, in the manner of Eclipse MAT's "biggest objects"
 * over the dominator tree. The tree is walked from the root through the nodes that only hold
 * the heap together — GC roots, global objects, V8's `system / ...` objects (contexts, module
 * records, native contexts) and plumbing — and the first program objects met below them are
 * ranked by retained size. So a module-level `cache` object shows up as itself, not as the module
 * context that holds it; what a listed object dominates is not listed again.
 *
 * @example
 * ```ts
 * for (const row of largestRetainers(graph, { limit: 5 })) console.log(row.className, row.retainedSize, row.share);
 * ```
 */
export function largestRetainers(graph: HeapGraph, options: LargestRetainersOptions = {}): RetainerRow[] {
  checkOptions("largestRetainers", options, { limit: "limit" });
  const candidates = topObjects(graph);
  const total = graph.retainedSizes()[graph.rootOrdinal] || 1;
  return candidates.slice(0, options.limit ?? 10).map((o) => retainerRow(graph, o, total));
}

/**
 * The row of one node.
 *
 * @example
 * ```ts
 * const row = retainerRow(graph, node.ordinal, graph.retainedSizes()[graph.rootOrdinal]);
 * ```
 */
export function retainerRow(graph: HeapGraph, o: number, total: number): RetainerRow {
  const node = graph.node(o);
  const dominatedBy: string[] = [];
  const dominators = graph.dominators();
  for (let d = dominators[o]; d !== graph.rootOrdinal && dominatedBy.length < graph.nodeCount; d = dominators[d]) {
    dominatedBy.push(graph.className(d));
  }
  return {
    id: node.id,
    className: node.className,
    preview: node.describe(),
    selfSize: node.selfSize,
    retainedSize: node.retainedSize,
    share: node.retainedSize / total,
    dominatedBy: dominatedBy.reverse(),
  };
}

/**
 * The first program objects below the root in the dominator tree (see {@link largestRetainers}),
 * by retained size, largest first. Computed once per graph.
 *
 * @example
 * ```ts
 * const [first] = topObjects(graph);
 * console.log(graph.className(first));
 * ```
 */
export function topObjects(graph: HeapGraph): readonly number[] {
  return memoize(graph, "topObjects", () => {
    const container = containerMask(graph);
    const retained = graph.retainedSizes();
    const { firstChild, children } = graph.dominatorTree();
    const out: number[] = [];
    const stack: number[] = [graph.rootOrdinal];
    while (stack.length > 0) {
      const o = stack.pop()!;
      for (let i = firstChild[o], end = firstChild[o + 1]; i < end; i++) {
        const child = children[i];
        if (container[child]) stack.push(child);
        else if (retained[child] > 0) out.push(child);
      }
    }
    return out.sort((a, b) => retained[b] - retained[a] || a - b);
  });
}

/**
 * One byte per node: 1 for nodes that only hold the heap together — the root, GC roots, global
 * objects, V8's `system / ...` objects, plumbing (see {@link largestRetainers}). Computed once.
 *
 * @example
 * ```ts
 * if (!containerMask(graph)[o]) console.log("a program object");
 * ```
 */
export function containerMask(graph: HeapGraph): Uint8Array {
  return memoize(graph, "containers", () => buildContainerMask(graph));
}

function buildContainerMask(graph: HeapGraph): Uint8Array {
  const { nodeCount, nodeType, nodeName, strings } = graph.snapshot;
  const codes = snapshotCodes(graph.snapshot);
  const plumbing = plumbingMask(graph);
  const globals = globalMask(graph);
  const system = new Map<number, boolean>();
  const mask = new Uint8Array(nodeCount);
  for (let o = 0; o < nodeCount; o++) {
    const t = nodeType[o];
    if (t === codes.synthetic || plumbing[o] || globals[o] || t === codes.hidden) {
      mask[o] = 1;
      continue;
    }
    if (t === codes.string || t === codes.consString || t === codes.slicedString) continue;
    let s = system.get(nodeName[o]);
    if (s === undefined) system.set(nodeName[o], (s = (strings[nodeName[o]] ?? "").startsWith("system / ")));
    if (s) mask[o] = 1;
  }
  mask[graph.rootOrdinal] = 1;
  return mask;
}
