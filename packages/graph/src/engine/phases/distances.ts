import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "../build-options.ts";
import { NO_DISTANCE, SYSTEM_DISTANCE, type TypeCodes } from "../graph-index-types.ts";
import { isUserRoot } from "../indexes/user-roots.ts";
import { PhaseProgress } from "../progress.ts";
import type { EphemeronPairTable } from "./ephemeron-edges.ts";

const NATIVE_CONTEXT = "system / NativeContext";
const SLOPPY_FUNCTION_MAP = "sloppy_function_map";
const MAP_DESCRIPTORS = "(map descriptors)";

/** How a holder's edges are filtered (DevTools' `filterForDistances` special cases). */
const UNKNOWN = 0, PLAIN = 1, NATIVE_CONTEXT_NODE = 2, MAP_DESCRIPTORS_NODE = 3;

/**
 * Distances from the roots by breadth-first search, exactly as DevTools computes them
 * (`calculateDistances`):
 *
 * - the search starts from the *user roots* (non-synthetic nodes under the synthetic root, and
 *   `(Document DOM trees)`) at distance 1; then from the synthetic root itself at
 *   {@link SYSTEM_DISTANCE} (or 0 when there are no user roots) for what only system roots reach;
 * - weak edges are not followed, nor a native context's `sloppy_function_map`, nor the descriptor
 *   links of `(map descriptors)` arrays (slots 3i+3 from 3 on), which maps may share;
 * - a WeakMap value is reached through the *second* of its two edges (table side and key side)
 *   that the search meets, so its distance is the greater of the two routes.
 *
 * Nodes never reached get {@link NO_DISTANCE}.
 *
 * @example
 * ```ts
 * const distances = calculateDistances(snapshot, snapshotCodes(snapshot), ephemeronPairTable(snapshot.strings));
 * console.log("global is", distances[globalOrdinal], "step(s) from the roots");
 * ```
 */
export function calculateDistances(
  snapshot: HeapSnapshot,
  codes: TypeCodes,
  ephemerons: EphemeronPairTable,
  onProgress?: (progress: GraphProgress) => void,
): Int32Array {
  const { nodeCount, strings, firstEdge, edgeTarget, rootOrdinal } = snapshot;
  const progress = new PhaseProgress(onProgress, "distances", nodeCount);
  const distances = new Int32Array(nodeCount).fill(NO_DISTANCE);
  const rootStart = firstEdge[rootOrdinal], rootEnd = firstEdge[rootOrdinal + 1];
  // Holders whose edges DevTools filters, by string index of their name (filled in on first sight).
  const special = new Uint8Array(strings.length);
  const search: BreadthFirst = {
    snapshot,
    codes,
    distances,
    seen: new Uint8Array(nodeCount),
    // The root may list a user root twice; DevTools then visits it twice.
    queue: new Uint32Array(nodeCount + (rootEnd - rootStart)),
    special,
    pairOfName: ephemerons.pairOfName,
    // Toggled per WeakMap pair: set when the first of its two edges is met (and skipped).
    pending: new Uint8Array(ephemerons.pairCount),
    visited: 0,
    progress,
  };
  let userRoots = 0;
  for (let e = rootStart; e < rootEnd; e++) {
    const child = edgeTarget[e];
    if (!isUserRoot(snapshot, codes, child)) continue;
    distances[child] = 1;
    search.seen[child] = 1;
    search.queue[userRoots++] = child;
  }
  breadthFirst(search, userRoots);
  distances[rootOrdinal] = userRoots > 0 ? SYSTEM_DISTANCE : 0;
  search.seen[rootOrdinal] = 1;
  search.queue[0] = rootOrdinal;
  breadthFirst(search, 1);
  progress.done();
  return distances;
}

/** State of the breadth-first search. */
interface BreadthFirst {
  readonly snapshot: HeapSnapshot;
  readonly codes: TypeCodes;
  readonly distances: Int32Array;
  /** One byte per node: whether it has a distance (read once per edge; a quarter of the distances' size, so fewer cache misses). */
  readonly seen: Uint8Array;
  readonly queue: Uint32Array;
  /** Per string index: UNKNOWN, then PLAIN, NATIVE_CONTEXT_NODE or MAP_DESCRIPTORS_NODE. */
  readonly special: Uint8Array;
  readonly pairOfName: Int32Array;
  readonly pending: Uint8Array;
  visited: number;
  readonly progress: PhaseProgress;
}

/**
 * DevTools' `bfs` with its `filterForDistances`: visits the queue's first `length` nodes (all at
 * one distance) and all they lead to. The queue holds one distance after the other, so the
 * distance is counted by level rather than read per node.
 */
function breadthFirst(s: BreadthFirst, length: number): void {
  const { snapshot, codes, distances, seen, queue, special, pairOfName, pending, progress } = s;
  const { nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget } = snapshot;
  const { edgeWeak, edgeInternal, edgeElement, edgeHidden, hidden, array } = codes;
  let visited = s.visited;
  let head = 0;
  let levelEnd = length;
  let distance = length > 0 ? distances[queue[0]] + 1 : 0;
  while (head < length) {
    if (head === levelEnd) {
      distance++;
      levelEnd = length;
    }
    const o = queue[head++];
    if (++visited >= progress.next) progress.report(Math.min(visited, distances.length - 1));
    const t0 = nodeType[o];
    let kind = PLAIN;
    if (t0 === hidden || t0 === array) {
      const name = nodeName[o];
      kind = special[name];
      if (kind === UNKNOWN) kind = special[name] = strings[name] === NATIVE_CONTEXT ? NATIVE_CONTEXT_NODE : strings[name] === MAP_DESCRIPTORS ? MAP_DESCRIPTORS_NODE : PLAIN;
    }
    const filtered = (kind === NATIVE_CONTEXT_NODE && t0 === hidden) || (kind === MAP_DESCRIPTORS_NODE && t0 === array);
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      const t = edgeType[e];
      if (t === edgeWeak) continue;
      const child = edgeTarget[e];
      if (seen[child] !== 0) continue;
      if (filtered) {
        if (kind === NATIVE_CONTEXT_NODE) {
          if (t !== edgeElement && t !== edgeHidden && strings[edgeNameOrIndex[e]] === SLOPPY_FUNCTION_MAP) continue;
        } else {
          // Descriptor arrays: [0] count, [1] enum cache, then (key, type, descriptor) triples; skip the descriptors.
          const index = t === edgeElement || t === edgeHidden ? edgeNameOrIndex[e] : parseInt(strings[edgeNameOrIndex[e]], 10);
          if (!(index < 2 || index % 3 !== 1)) continue;
          queue[length++] = child;
          distances[child] = distance;
          seen[child] = 1;
          continue;
        }
      }
      if (t === edgeInternal) {
        const pair = pairOfName[edgeNameOrIndex[e]];
        if (pair >= 0) {
          if (pending[pair] === 0) {
            pending[pair] = 1;
            continue;
          }
          pending[pair] = 0;
        }
      }
      distances[child] = distance;
      seen[child] = 1;
      queue[length++] = child;
    }
  }
  s.visited = visited;
}
