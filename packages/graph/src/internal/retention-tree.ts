import { EphemeronEdges } from "./ephemeron-edges.ts";
import type { HeapGraph } from "./heap-graph-types.ts";
import { memoize } from "./graph-memo.ts";
import { plumbingMask } from "./plumbing.ts";
import { retainingEdges } from "./retaining-edges.ts";
import { isUserRoot } from "./user-roots.ts";

/**
 * Shortest retaining paths from the roots to every node, as a tree of parent links.
 *
 * `parent[o]` is the holder on a shortest path to `o` (-1 when no retaining path reaches `o`,
 * and for the root), `parentEdge[o]` the edge it holds `o` by. A WeakMap value is kept alive by
 * its key and its table together; its parent is the *key* and `pairEdge` gives the table's edge.
 *
 * @example
 * ```ts
 * const { parent, parentEdge }: RetentionTree = retentionTree(graph);
 * ```
 */
export interface RetentionTree {
  readonly parent: Int32Array;
  readonly parentEdge: Int32Array;
  /** For WeakMap values: the table-side edge of the pair whose key-side edge is `parentEdge`. */
  readonly pairEdge: ReadonlyMap<number, number>;
}

/**
 * Builds the {@link RetentionTree} of a graph by breadth-first search over retaining edges
 * (see `retainingEdges`: no weak edges, no WeakRef targets, no job-scoped holds), once per graph.
 *
 * The search prefers paths people can read, in three rounds: first from the user roots (global
 * objects, windows) as DevTools' distances do, then from the synthetic root (handles, stack,
 * module records), both without passing through V8 plumbing (maps, feedback, code); a last round
 * lets plumbing carry the search to whatever only plumbing holds. A WeakMap value is reached
 * once both its key and its table are, like DevTools' distances.
 *
 * @example
 * ```ts
 * const { parent, parentEdge } = retentionTree(graph);
 * for (let o = node.ordinal; parent[o] >= 0; o = parent[o]) console.log(graph.edgeName(parentEdge[o]));
 * ```
 */
export function retentionTree(graph: HeapGraph): RetentionTree {
  return memoize(graph, "retentionTree", () => build(graph));
}

function build(graph: HeapGraph): RetentionTree {
  const snapshot = graph.snapshot;
  const { nodeCount, nodeId, firstEdge, edgeType, edgeNameOrIndex, edgeTarget, rootOrdinal } = snapshot;
  const rules = retainingEdges(graph);
  const { codes } = rules;
  const plumbing = plumbingMask(graph);
  const ephemerons = memoize(graph, "ephemerons", () => new EphemeronEdges(snapshot.strings));
  const parent = new Int32Array(nodeCount).fill(-1);
  const parentEdge = new Int32Array(nodeCount).fill(-1);
  const visited = new Uint8Array(nodeCount);
  const pairEdge = new Map<number, number>();
  // First edge met per WeakMap pair (edge index + 1; 0 = none yet), and its holder.
  let pendingEdge = new Int32Array(64);
  let pendingHolder = new Int32Array(64);
  const queue = new Uint32Array(nodeCount);
  let length = 0;

  const visit = (child: number, holder: number, e: number) => {
    visited[child] = 1;
    parent[child] = holder;
    parentEdge[child] = e;
    queue[length++] = child;
  };

  /** Follows edge `e` of `o` if it retains and (unless `withPlumbing`) does not lead into plumbing. */
  const follow = (o: number, e: number, withPlumbing: boolean) => {
    const child = edgeTarget[e];
    if (visited[child] || !rules.retains(o, e)) return;
    if (!withPlumbing && plumbing[child]) return;
    if (edgeType[e] === codes.edgeInternal) {
      const pair = ephemerons.pairOf(edgeNameOrIndex[e]);
      if (pair >= 0) {
        if (pair >= pendingEdge.length) {
          const size = Math.max(pendingEdge.length * 2, pair + 1);
          const grownEdge = new Int32Array(size), grownHolder = new Int32Array(size);
          grownEdge.set(pendingEdge);
          grownHolder.set(pendingHolder);
          pendingEdge = grownEdge;
          pendingHolder = grownHolder;
        }
        const first = pendingEdge[pair];
        if (first === 0) {
          pendingEdge[pair] = e + 1;
          pendingHolder[pair] = o;
          return;
        }
        // Both halves are reachable: the key is the holder that is not the table.
        const firstEdge = first - 1, firstHolder = pendingHolder[pair];
        const tableId = ephemerons.tableId(pair);
        if (nodeId[o] === tableId) {
          visit(child, firstHolder, firstEdge);
          pairEdge.set(child, e);
        } else {
          visit(child, o, e);
          pairEdge.set(child, firstEdge);
        }
        return;
      }
    }
    visit(child, o, e);
  };

  const bfs = (head: number, withPlumbing: boolean) => {
    while (head < length) {
      const o = queue[head++];
      for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) follow(o, e, withPlumbing);
    }
  };

  // Round 1: from the user roots.
  visited[rootOrdinal] = 1;
  for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
    const child = edgeTarget[e];
    if (visited[child] || !isUserRoot(snapshot, codes, child)) continue;
    visit(child, rootOrdinal, e);
  }
  bfs(0, false);
  // Round 2: from the synthetic root (GC roots, embedder roots).
  const second = length;
  for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
    follow(rootOrdinal, e, false);
  }
  bfs(second, false);
  // Round 3: what only plumbing leads to. Revisit every reached node's edges into plumbing.
  const reached = length;
  const rescan = (o: number) => {
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      if (plumbing[edgeTarget[e]]) follow(o, e, true);
    }
  };
  rescan(rootOrdinal);
  for (let i = 0; i < reached; i++) rescan(queue[i]);
  bfs(reached, true);
  return { parent, parentEdge, pairEdge };
}
