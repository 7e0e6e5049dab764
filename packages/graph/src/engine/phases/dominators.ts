import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "../build-options.ts";
import { PhaseProgress } from "../progress.ts";

/**
 * What {@link calculateDominators} produces.
 *
 * @example
 * ```ts
 * const { dominators, order } = calculateDominators(snapshot, bits, { essentialPerTarget });
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

/** State of the iterative depth-first search. */
interface DepthFirst {
  readonly firstEdge: Uint32Array;
  readonly edgeTarget: Uint32Array;
  readonly essential: Uint8Array;
  /** DFS number per vertex (vertex = ordinal + 1), 0 while unvisited. */
  readonly numberOf: Uint32Array;
  /** One byte per vertex: visited (the per-edge test, on an array a quarter of the numbers' size). */
  readonly visited: Uint8Array;
  /** Vertex per DFS number. */
  readonly vertex: Uint32Array;
  /**
   * The forest's records (see {@link Forest}): the search writes each vertex's DFS parent there,
   * and keeps its path (per depth, a vertex and the next edge to look at) in the records' other
   * two words, which the forest only uses later.
   */
  readonly forest: Uint32Array;
  count: number;
  readonly progress: PhaseProgress;
}

/**
 * DevTools' iterative DFS over essential edges from `start`: numbers each vertex on first visit,
 * walks to the first unvisited successor, else back to the parent. The current path is a stack
 * by depth (vertex, next edge to look at), so walking back reads the top of a small stack rather
 * than per-vertex arrays all over memory; the visiting order is DevTools'.
 */
function depthFirst(s: DepthFirst, start: number): void {
  const { firstEdge, edgeTarget, essential, numberOf, visited, vertex, forest, progress } = s;
  let count = s.count;
  if (visited[start] === 0) {
    visited[start] = 1;
    numberOf[start] = ++count;
    vertex[count] = start;
    if (count >= progress.next) progress.report(count);
  }
  // The stack entry at depth d: forest[RECORD * d + STACK_VERTEX] and forest[RECORD * d + STACK_EDGE].
  let top = 0;
  forest[STACK_VERTEX] = start;
  forest[STACK_EDGE] = firstEdge[start - 1];
  while (top >= 0) {
    const v = forest[top + STACK_VERTEX];
    let e = forest[top + STACK_EDGE];
    let w = 0;
    for (const end = firstEdge[v]; e < end; e++) {
      if ((essential[e >>> 3] & (1 << (e & 7))) === 0) continue;
      const candidate = edgeTarget[e] + 1;
      if (visited[candidate] === 0) {
        w = candidate;
        break;
      }
    }
    if (w === 0) {
      top -= RECORD;
      continue;
    }
    forest[top + STACK_EDGE] = e + 1;
    visited[w] = 1;
    numberOf[w] = ++count;
    vertex[count] = w;
    forest[RECORD * count + ANCESTOR] = numberOf[v];
    if (count >= progress.next) progress.report(count);
    top += RECORD;
    forest[top + STACK_VERTEX] = w;
    forest[top + STACK_EDGE] = firstEdge[w - 1];
  }
  s.count = count;
}

/**
 * The essential predecessors of every node as compact lists, by ordinal (holders in ordinal
 * order), each holder written as its DFS number: `first[o] .. first[o + 1]` of `pred`. `counts`
 * holds the number of essential edges to each node (see `essentialEdges`); it becomes `first`.
 * Holders are read in ordinal order, so their numbers are read in order too; only the list
 * ends and the list entries are written all over memory.
 */
function essentialPredecessors(snapshot: HeapSnapshot, essential: Uint8Array, counts: Uint32Array, numberOf: Uint32Array): Uint32Array {
  const { nodeCount, firstEdge, edgeTarget } = snapshot;
  const first = counts;
  for (let o = 1; o <= nodeCount; o++) first[o] += first[o - 1];
  const pred = new Uint32Array(first[nodeCount]);
  for (let o = nodeCount - 1; o >= 0; o--) {
    const holder = numberOf[o + 1];
    for (let e = firstEdge[o + 1] - 1, start = firstEdge[o]; e >= start; e--) {
      if ((essential[e >>> 3] & (1 << (e & 7))) !== 0) pred[--first[edgeTarget[e]]] = holder;
    }
  }
  return pred;
}

/**
 * The Lengauer–Tarjan forest over DFS numbers, one record of three words per vertex so that a
 * step of path compression reads two records rather than six arrays: the vertex's `ANCESTOR`
 * (first its DFS parent: linking a vertex to its parent writes nothing), its `LABEL` (the
 * paper's), and `LABEL_SEMI`, the semidominator of its label. A vertex is linked once it has been
 * processed, and processing goes from the highest number down, so "linked" is "number at least
 * `linkedFrom`": no mark to keep.
 */
type Forest = Uint32Array;
const RECORD = 3, ANCESTOR = 0, LABEL = 1, LABEL_SEMI = 2;
/** Where the search keeps its stack, before the forest needs these words. */
const STACK_VERTEX = LABEL, STACK_EDGE = LABEL_SEMI;

/**
 * Added to a dominator (by number) that is not final yet: "dominated as this vertex is". DFS
 * numbers stay below it (a snapshot has fewer than 2^31 nodes).
 */
const DEFERRED = 0x80000000;

/** Path compression's stack (vertices on the path), grown when a path is longer. */
let compressStack = new Uint32Array(1024);

/**
 * EVAL of the paper for a linked vertex `v` (`v >= linkedFrom`): compresses the path to its
 * tree's root (iteratively). The answer is then `v`'s record: its `LABEL` (the vertex of
 * smallest semidominator on the path) and that vertex's semidominator (`LABEL_SEMI`).
 */
function evaluate(forest: Forest, v: number, linkedFrom: number): void {
  let stack = compressStack;
  let sp = 0;
  let x = v;
  for (let a = forest[RECORD * x + ANCESTOR]; a >= linkedFrom; a = forest[RECORD * x + ANCESTOR]) {
    if (sp + 1 === stack.length) {
      const grown = new Uint32Array(stack.length * 2);
      grown.set(stack);
      stack = compressStack = grown;
    }
    stack[++sp] = x;
    x = a;
  }
  while (sp > 0) {
    const w = RECORD * stack[sp--];
    const a = RECORD * forest[w + ANCESTOR];
    if (forest[a + LABEL_SEMI] < forest[w + LABEL_SEMI]) {
      forest[w + LABEL] = forest[a + LABEL];
      forest[w + LABEL_SEMI] = forest[a + LABEL_SEMI];
    }
    forest[w + ANCESTOR] = forest[a + ANCESTOR];
  }
}

/**
 * The dominator tree by Lengauer–Tarjan (the simple version with path compression), iterative
 * and on typed arrays, with DevTools' `calculateDominatorsAndRetainedSizes` rules so that every
 * node gets the same immediate dominator:
 *
 * - only *essential* edges count (see `essentialEdges`);
 * - the depth-first search starts at the root, visiting successors in edge order as DevTools
 *   does; nodes whose retainers are all non-essential (held only weakly, or by nothing) then start
 *   searches of their own, in ordinal order, as if the root held them;
 * - nodes still unvisited (cycles held only weakly) are numbered one by one, as children of the
 *   root, and their semidominators come from their predecessors as they are;
 * - a node nothing essential holds has the root as semidominator; a node left in a bucket that is
 *   never processed gets the root as dominator.
 *
 * After the search everything runs on DFS numbers rather than ordinals: the per-vertex arrays
 * are read in processing order, predecessors are stored as their numbers, and a vertex is linked
 * exactly when its number is above the one being processed (no mark to read). Immediate
 * dominators depend on the numbering, the parents and the predecessor *sets* only
 * (semidominators are minimums; EVAL's answer does not depend on how far paths were compressed),
 * so the order of predecessors and of bucket entries is free.
 *
 * Memory, per node: six 32-bit words (the DFS numbers, then the bucket heads; the order; the
 * forest's three; the dominators; two of them `output`'s) and, during the search, a visited byte;
 * plus `essentialPerTarget` (the per-target counts of essential edges that `essentialEdges` made,
 * length nodeCount + 1, which this consumes as the predecessor list starts) and the essential
 * predecessors. `output` lends two zeroed arrays of nodeCount + 1 for the dominators (indexed by
 * ordinal + 1) and the order, which the result then views (a worker's shared outputs: nothing to copy).
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
  predecessors: { readonly essentialPerTarget: Uint32Array },
  onProgress?: (progress: GraphProgress) => void,
  output?: { readonly dominators: Uint32Array; readonly order: Uint32Array },
): DominatorResult {
  const { nodeCount, firstEdge, edgeTarget } = snapshot;
  const progress = new PhaseProgress(onProgress, "dominators", 2 * nodeCount);
  const size = nodeCount + 1;
  const perTarget = predecessors.essentialPerTarget;
  const numberOf = new Uint32Array(size);
  const vertex = output?.order ?? new Uint32Array(size);
  const forest: Forest = new Uint32Array(RECORD * size);
  const search: DepthFirst = { firstEdge, edgeTarget, essential, numberOf, visited: new Uint8Array(size), vertex, forest, count: 0, progress };

  depthFirst(search, snapshot.rootOrdinal + 1);
  if (search.count < nodeCount) {
    for (let v = 1; v <= nodeCount; v++) {
      if (search.visited[v] !== 0 || perTarget[v - 1] !== 0) continue;
      const start = search.count + 1;
      depthFirst(search, v);
      forest[RECORD * start + ANCESTOR] = 1;
    }
  }
  let count = search.count;
  for (let v = 1; v <= nodeCount && count < nodeCount; v++) {
    if (numberOf[v] !== 0) continue;
    numberOf[v] = ++count;
    vertex[count] = v;
    forest[RECORD * count + ANCESTOR] = 1;
  }

  const pred = essentialPredecessors(snapshot, essential, perTarget, numberOf);
  const first = perTarget;
  // The numbers are done with: their array holds the bucket heads now.
  const bucketHead = numberOf.fill(0);
  // A vertex waits in exactly one bucket until its bucket is processed, and gets its dominator
  // then; so one array holds the bucket links first and the dominators (by number) after.
  const dom = output?.dominators ?? new Uint32Array(size);
  for (let i = count; i >= 2; i--) {
    if (2 * nodeCount - i >= progress.next) progress.report(2 * nodeCount - i);
    let semiW = i;
    const o = vertex[i] - 1;
    const from = first[o], to = first[o + 1];
    for (let k = from; k < to; k++) {
      const v = pred[k];
      // Not linked yet (v < i), v is its own EVAL and semidominator; a self edge (v === i) changes nothing.
      if (v <= i) {
        if (v < semiW) semiW = v;
        continue;
      }
      if (forest[RECORD * v + ANCESTOR] > i) evaluate(forest, v, i + 1);
      const s = forest[RECORD * v + LABEL_SEMI];
      if (s < semiW) semiW = s;
    }
    // A node nothing essential holds counts as held by the root alone.
    if (from === to) semiW = 1;
    const record = RECORD * i;
    forest[record + LABEL] = i;
    forest[record + LABEL_SEMI] = semiW;
    dom[i] = bucketHead[semiW];
    bucketHead[semiW] = i;
    // link(p, i): i's ancestor is already its parent; from now on i counts as linked.
    const p = forest[record + ANCESTOR];
    for (let v = bucketHead[p]; v !== 0; ) {
      const next = dom[v];
      const at = RECORD * v;
      if (forest[at + ANCESTOR] >= i) evaluate(forest, v, i);
      // v waits in p's bucket, so its semidominator is p; otherwise it is dominated as its label is, once that is known.
      dom[v] = forest[at + LABEL_SEMI] < p ? forest[at + LABEL] + DEFERRED : p;
      v = next;
    }
    bucketHead[p] = 0;
  }
  // Vertices left in buckets never got a dominator: that of 0, which is the root.
  for (let b = 1; b <= nodeCount; b++) {
    for (let v = bucketHead[b]; v !== 0; ) {
      const next = dom[v];
      dom[v] = DEFERRED;
      v = next;
    }
  }
  dom[0] = dom[1] = 1;
  // In number order, a deferred vertex's label (a smaller number) is settled before it.
  for (let i = 2; i <= count; i++) {
    const d = dom[i];
    if (d >= DEFERRED) dom[i] = dom[d - DEFERRED];
  }
  // From numbers to ordinals (bucketHead is free), then into place: dominators indexed by ordinal + 1.
  const byVertex = bucketHead;
  byVertex[0] = 0;
  for (let i = 1; i <= count; i++) byVertex[vertex[i]] = vertex[dom[i]] - 1;
  dom.set(byVertex);
  progress.done();
  return { dominators: dom.subarray(1), order: vertex };
}
