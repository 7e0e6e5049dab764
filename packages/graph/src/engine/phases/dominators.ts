import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "../build-options.ts";
import type { Retainers } from "../graph-index-types.ts";
import { PhaseProgress } from "../progress.ts";

/**
 * What {@link calculateDominators} produces.
 *
 * @example
 * ```ts
 * const { dominators, order } = calculateDominators(snapshot, bits, retainers);
 * console.log(dominators[o], order[1] - 1 === snapshot.rootOrdinal);
 * ```
 */
export interface DominatorResult {
  /** Immediate dominator ordinal per node; the root's is itself. */
  readonly dominators: Uint32Array;
  /**
   * Vertices in DFS order, 1-based (`order[1]` is the root + 1). Retained sizes are summed in
   * reverse of this order, as DevTools does.
   */
  readonly order: Uint32Array;
}

/**
 * Predecessors for the dominator computation: either the graph's full retainers (filtered by the
 * essential-edge bits on the fly), or a compact list of essential predecessors only.
 */
interface Predecessors {
  readonly first: Uint32Array;
  readonly node: Uint32Array;
  /** The retaining edge per entry when the lists hold every retainer; null when they hold essential ones only. */
  readonly edge: Uint32Array | null;
}

/**
 * The essential predecessors of every node as compact lists (holders in ordinal order): what the
 * dominator computation needs when the full retainers have not been built, at about half their size.
 * `counts` holds the number of essential edges to each node (see `essentialEdges`); it becomes the list starts.
 */
function essentialPredecessors(snapshot: HeapSnapshot, essential: Uint8Array, counts: Uint32Array): Predecessors {
  const { nodeCount, firstEdge, edgeTarget } = snapshot;
  const first = counts;
  for (let o = 1; o <= nodeCount; o++) first[o] += first[o - 1];
  const node = new Uint32Array(first[nodeCount]);
  for (let o = nodeCount - 1; o >= 0; o--) {
    for (let e = firstEdge[o + 1] - 1, start = firstEdge[o]; e >= start; e--) {
      if ((essential[e >>> 3] & (1 << (e & 7))) !== 0) node[--first[edgeTarget[e]]] = o;
    }
  }
  return { first, node, edge: null };
}

/** The sign bit of a forest entry: the vertex is linked. */
const LINKED = 0x80000000 | 0;
/** The ancestor part of a forest entry. */
const ANCESTOR = 0x7fffffff;

/** State of the iterative depth-first search (arrays indexed by vertex = ordinal + 1, stacks by depth). */
interface DepthFirst {
  readonly firstEdge: Uint32Array;
  readonly edgeTarget: Uint32Array;
  readonly essential: Uint8Array;
  readonly parent: Uint32Array;
  readonly semi: Uint32Array;
  readonly vertex: Uint32Array;
  /** The path from the search's start: its vertices, and per vertex the next edge to look at. */
  readonly stackVertex: Uint32Array;
  readonly stackEdge: Uint32Array;
  count: number;
  readonly progress: PhaseProgress;
}

/**
 * DevTools' iterative DFS over essential edges from `start`: numbers each vertex on first visit,
 * walks to the first unvisited successor, else back to the parent. The current path is a stack
 * by depth (vertex, next edge to look at), so walking back reads the top of two small stacks
 * rather than per-vertex arrays all over memory; the visiting order is DevTools'.
 */
function depthFirst(s: DepthFirst, start: number): void {
  const { firstEdge, edgeTarget, essential, parent, semi, vertex, stackVertex, stackEdge, progress } = s;
  let count = s.count;
  if (semi[start] === 0) {
    semi[start] = ++count;
    vertex[count] = start;
    if (count >= progress.next) progress.report(count);
  }
  let depth = 0;
  stackVertex[0] = start;
  stackEdge[0] = firstEdge[start - 1];
  while (depth >= 0) {
    const v = stackVertex[depth];
    let e = stackEdge[depth];
    let w = 0;
    for (const end = firstEdge[v]; e < end; e++) {
      if ((essential[e >>> 3] & (1 << (e & 7))) === 0) continue;
      const candidate = edgeTarget[e] + 1;
      if (semi[candidate] === 0) {
        w = candidate;
        break;
      }
    }
    if (w === 0) {
      depth--;
      continue;
    }
    stackEdge[depth] = e + 1;
    parent[w] = v;
    semi[w] = ++count;
    vertex[count] = w;
    if (count >= progress.next) progress.report(count);
    stackVertex[++depth] = w;
    stackEdge[depth] = firstEdge[w - 1];
  }
  s.count = count;
}

/** Whether a node's predecessors hold it through no essential edge (or there are none). */
function onlyWeaklyHeld(preds: Predecessors, essential: Uint8Array, o: number): boolean {
  const { first, edge } = preds;
  if (edge === null) return first[o] === first[o + 1];
  for (let r = first[o], end = first[o + 1]; r < end; r++) {
    const e = edge[r];
    if ((essential[e >>> 3] & (1 << (e & 7))) !== 0) return false;
  }
  return true;
}

/**
 * The Lengauer–Tarjan forest: per vertex its `ancestor`, with the sign bit set once the vertex is
 * linked (one read answers both), the labels, and a path compression stack.
 */
interface Forest {
  readonly ancestor: Int32Array;
  readonly label: Uint32Array;
  readonly semi: Uint32Array;
  stack: Uint32Array;
}

/**
 * EVAL of the paper for a linked vertex: compresses the path to its tree's root (iteratively)
 * and returns the vertex of smallest semidominator on it.
 */
function evaluate(f: Forest, v: number): number {
  const { ancestor, label, semi } = f;
  let stack = f.stack;
  let sp = 0;
  let x = v;
  while (ancestor[ancestor[x] & ANCESTOR] < 0) {
    if (sp + 1 === stack.length) {
      const grown = new Uint32Array(stack.length * 2);
      grown.set(stack);
      stack = f.stack = grown;
    }
    stack[++sp] = x;
    x = ancestor[x] & ANCESTOR;
  }
  while (sp > 0) {
    const w = stack[sp--];
    const a = ancestor[w] & ANCESTOR;
    if (semi[label[a]] < semi[label[w]]) label[w] = label[a];
    ancestor[w] = ancestor[a]; // a is linked too: w keeps its mark
  }
  return label[v];
}

/**
 * The dominator tree by Lengauer–Tarjan (the simple version with path compression), iterative
 * and on typed arrays, following DevTools' `calculateDominatorsAndRetainedSizes` step for step
 * (same DFS, same order of predecessors and of bucket entries) so that every node gets the same
 * immediate dominator:
 *
 * - only *essential* edges count (see `essentialEdges`);
 * - the depth-first search starts at the root; nodes whose retainers are all non-essential
 *   (held only weakly, or by nothing) then start searches of their own, as if the root held them;
 * - nodes still unvisited (cycles held only weakly) are numbered one by one, as children of the root.
 *
 * Vertices are numbered 1..n (0 means none), vertex = ordinal + 1, as in the paper. Memory: six
 * 32-bit arrays per node (the DFS parent array doubles as the forest's ancestor array and its
 * sign bit as the linked mark, the label and bucket arrays as the search's stacks, the dominator
 * array as the bucket lists), plus the essential predecessors unless the full retainers
 * are given (`essentialPerTarget`: the counts `essentialEdges` made, consumed here). `output` lends
 * two zeroed arrays of nodeCount + 1 for the dominators (by vertex) and the order, which the result
 * then views (a worker's shared outputs: nothing to copy).
 *
 * @example
 * ```ts
 * const essentialPerTarget = new Uint32Array(snapshot.nodeCount + 1);
 * const codes = snapshotCodes(snapshot);
 * const bits = essentialEdges(snapshot, codes, ephemeronPairTable(snapshot.strings), markPageObjects(snapshot, codes), essentialPerTarget);
 * const { dominators } = calculateDominators(snapshot, bits, { essentialPerTarget });
 * console.log("immediate dominator of", o, "is", dominators[o]);
 * ```
 */
export function calculateDominators(
  snapshot: HeapSnapshot,
  essential: Uint8Array,
  predecessors: Retainers | { readonly essentialPerTarget: Uint32Array },
  onProgress?: (progress: GraphProgress) => void,
  output?: { readonly dominators: Uint32Array; readonly order: Uint32Array },
): DominatorResult {
  const { nodeCount, firstEdge, edgeTarget } = snapshot;
  const progress = new PhaseProgress(onProgress, "dominators", 2 * nodeCount);
  const preds: Predecessors = "firstRetainer" in predecessors
    ? { first: predecessors.firstRetainer, node: predecessors.retainerNode, edge: predecessors.retainerEdge }
    : essentialPredecessors(snapshot, essential, predecessors.essentialPerTarget);
  const { first: firstPred, node: predNode, edge: predEdge } = preds;
  const size = nodeCount + 1;
  // parent[v]: v's DFS parent; once v is linked into the forest (sign bit set), its forest ancestor.
  const parent = new Uint32Array(size);
  const semi = new Uint32Array(size);
  // `output`: zeroed arrays of nodeCount + 1 to work in (a worker's shared outputs), so that nothing is copied.
  const vertex = output?.order ?? new Uint32Array(size);
  const label = new Uint32Array(size);
  // During the search: the next edge to look at, per ordinal. Afterwards: bucket heads.
  const nextEdge = new Uint32Array(size);
  // During the search, label and nextEdge serve as its stacks.
  const search: DepthFirst = { firstEdge, edgeTarget, essential, parent, semi, vertex, stackVertex: label, stackEdge: nextEdge, count: 0, progress };

  const r = snapshot.rootOrdinal + 1;
  depthFirst(search, r);
  if (search.count < nodeCount) {
    for (let v = 1; v <= nodeCount; v++) {
      if (semi[v] === 0 && onlyWeaklyHeld(preds, essential, v - 1)) {
        parent[v] = r;
        depthFirst(search, v);
      }
    }
  }
  let count = search.count;
  for (let v = 0; v <= nodeCount; v++) label[v] = v;
  if (count < nodeCount) {
    for (let v = 1; v <= nodeCount; v++) {
      if (semi[v] !== 0) continue;
      parent[v] = r;
      semi[v] = ++count;
      vertex[count] = v;
    }
  }

  const forest: Forest = { ancestor: new Int32Array(parent.buffer, parent.byteOffset, size), label, semi, stack: new Uint32Array(1024) };
  const { ancestor } = forest;
  // A vertex waits in exactly one bucket until its bucket is processed, and gets its dominator
  // then; so one array holds the bucket links first and the dominators after. Buckets are filled
  // at the head and reversed before processing: first in, first out, like DevTools' sets.
  const bucketHead = nextEdge.fill(0);
  const dom = output?.dominators ?? new Uint32Array(size);
  const checkEdges = predEdge !== null;
  for (let i = count; i >= 2; i--) {
    if (2 * nodeCount - i >= progress.next) progress.report(2 * nodeCount - i);
    const w = vertex[i];
    const wo = w - 1;
    let orphan = true;
    let semiW = semi[w];
    // Holders from the last to the first: the order of DevTools' retainer lists.
    for (let ri = firstPred[wo + 1] - 1, start = firstPred[wo]; ri >= start; ri--) {
      if (checkEdges) {
        const e = predEdge![ri];
        if ((essential[e >>> 3] & (1 << (e & 7))) === 0) continue;
      }
      orphan = false;
      const v = predNode[ri] + 1;
      const a = ancestor[v];
      const u = a >= 0 ? v : ancestor[a & ANCESTOR] >= 0 ? label[v] : evaluate(forest, v);
      if (semi[u] < semiW) semiW = semi[u];
    }
    // A node nothing essential holds counts as held by the root alone.
    if (orphan) semiW = semi[r];
    semi[w] = semiW;
    const b = vertex[semiW];
    dom[w] = bucketHead[b];
    bucketHead[b] = w;
    const p = parent[w];
    ancestor[w] = p | LINKED; // link(p, w): w's ancestor is its parent
    let fifo = 0;
    for (let v = bucketHead[p]; v !== 0; ) {
      const next = dom[v];
      dom[v] = fifo;
      fifo = v;
      v = next;
    }
    bucketHead[p] = 0;
    for (let v = fifo; v !== 0; ) {
      const next = dom[v];
      const a = ancestor[v];
      const u = a >= 0 ? v : ancestor[a & ANCESTOR] >= 0 ? label[v] : evaluate(forest, v);
      dom[v] = semi[u] < semi[v] ? u : p;
      v = next;
    }
  }
  // Vertices left in buckets never got a dominator: 0, which the final step turns into the root.
  for (let b = 1; b <= nodeCount; b++) {
    for (let v = bucketHead[b]; v !== 0; ) {
      const next = dom[v];
      dom[v] = 0;
      v = next;
    }
  }
  dom[0] = dom[r] = r;
  for (let i = 2; i <= count; i++) {
    const w = vertex[i];
    if (dom[w] !== vertex[semi[w]]) dom[w] = dom[dom[w]];
  }
  for (let v = 1; v <= nodeCount; v++) dom[v] -= 1;
  progress.done();
  return { dominators: dom.subarray(1), order: vertex };
}
