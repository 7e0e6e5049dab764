import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { GraphProgress } from "../build-options.ts";
import type { TypeCodes } from "../graph-index-types.ts";
import { hasUserRoots } from "../indexes/user-roots.ts";
import { PhaseProgress } from "../progress.ts";
import { DETACHED } from "./detachedness.ts";

const UNVISITED = 0xffffffff;
const MULTIPLE_OWNERS = 0xfffffffe;
const EXTERNAL_STRING_DATA = "system / ExternalStringData";

/**
 * Shallow sizes as DevTools shows them (`calculateShallowSizes`): the size of an internal
 * array or hidden object (and of external string data) that exactly one "real" object owns,
 * through any chain of such internal nodes, moves to that owner, so that an object's
 * self size includes its backing stores. Internals reachable from several owners, or only
 * from synthetic roots, keep their size. Weak edges do not own.
 *
 * Snapshots without user roots (taken with "expose internals") keep their raw sizes, as in DevTools;
 * the snapshot's own column is returned then.
 *
 * @example
 * ```ts
 * const codes = snapshotCodes(snapshot);
 * const sizes = shallowSizes(snapshot, codes, propagateDetachedness(snapshot, codes));
 * console.log(sizes[o], "bytes, of which", snapshot.nodeSelfSize[o], "are the object itself");
 * ```
 */
export function shallowSizes(
  snapshot: HeapSnapshot,
  codes: TypeCodes,
  detachedness: Uint8Array,
  onProgress?: (progress: GraphProgress) => void,
): Float64Array {
  const { nodeCount, nodeType, nodeName, strings, firstEdge, edgeType, edgeTarget, rootOrdinal } = snapshot;
  const progress = new PhaseProgress(onProgress, "shallow sizes", nodeCount);
  if (!hasUserRoots(snapshot, codes)) {
    progress.done();
    return snapshot.nodeSelfSize;
  }
  const { hidden, array, native, synthetic, edgeWeak } = codes;
  const owners = new Uint32Array(nodeCount);
  // One byte per node saying whether it can be owned: most edges lead elsewhere, and this small
  // array answers that with fewer cache misses than the owners themselves.
  const ownable = new Uint8Array(nodeCount);
  let internals = 0;
  for (let o = 0; o < nodeCount; o++) {
    const t = nodeType[o];
    // DevTools renames detached native nodes before this step, so a detached one never matches the name.
    const owned = t === hidden || t === array ||
      (t === native && detachedness[o] !== DETACHED && strings[nodeName[o]] === EXTERNAL_STRING_DATA);
    if (owned) {
      owners[o] = UNVISITED;
      ownable[o] = 1;
      internals++;
    } else {
      owners[o] = o;
    }
  }
  // Each internal node enters the stack at most twice: when it gets an owner, and when it gets a second one.
  const stack = new Uint32Array(2 * internals + 1);
  // Ownership is a least fixpoint over the lattice unvisited < one owner < several owners,
  // so the order of visits does not change the result; owners are visited in ordinal order.
  for (let o = 0; o < nodeCount; o++) {
    if (o >= progress.next) progress.report(o);
    if (owners[o] !== o) continue;
    let top = spreadOwner(o, 0, owners, ownable, stack, firstEdge, edgeType, edgeTarget, edgeWeak);
    while (top > 0) {
      const from = stack[--top];
      top = spreadOwner(from, top, owners, ownable, stack, firstEdge, edgeType, edgeTarget, edgeWeak);
    }
  }
  const sizes = snapshot.nodeSelfSize.slice();
  for (let o = 0; o < nodeCount; o++) {
    const owner = owners[o];
    if (owner === UNVISITED || owner === MULTIPLE_OWNERS || owner === o) continue;
    if (nodeType[owner] === synthetic || owner === rootOrdinal) continue;
    sizes[owner] += sizes[o];
    sizes[o] = 0;
  }
  progress.done();
  return sizes;
}

/** Passes `from`'s owner on along its strong edges; returns the new stack top. */
function spreadOwner(
  from: number,
  top: number,
  owners: Uint32Array,
  ownable: Uint8Array,
  stack: Uint32Array,
  firstEdge: Uint32Array,
  edgeType: Uint8Array,
  edgeTarget: Uint32Array,
  edgeWeak: number,
): number {
  const owner = owners[from];
  for (let e = firstEdge[from], end = firstEdge[from + 1]; e < end; e++) {
    const target = edgeTarget[e];
    // Only internal nodes change owners; what is not one owns itself, whatever holds it.
    if (ownable[target] === 0 || edgeType[e] === edgeWeak) continue;
    const current = owners[target];
    if (current === UNVISITED) {
      owners[target] = owner;
      stack[top++] = target;
    } else if (current !== target && current !== owner && current !== MULTIPLE_OWNERS) {
      owners[target] = MULTIPLE_OWNERS;
      stack[top++] = target;
    }
  }
  return top;
}
