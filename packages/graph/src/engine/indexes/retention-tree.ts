import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { RetainingEdges, RetentionTree, TypeCodes } from "../graph-index-types.ts";
import type { EphemeronPairTable } from "../phases/ephemeron-edges.ts";
import { runtimeClosureMask } from "./runtime-closures.ts";
import { isUserRoot } from "./user-roots.ts";

/**
 * Names of the GC root categories that hold objects only for the moment of the snapshot: the
 * running code's stack and handle scopes (V8's, and the C++ stack of Chromium's embedder).
 */
const TRANSIENT_ROOTS = new Set(["(Stack roots)", "(Handle scope)", "C++ native stack roots", "C++ native stack traced handles"]);
/** The edge by which a suspended generator or async function (a module's async frame) holds its registers. */
const REGISTERS_EDGE = "parameters_and_registers";

/**
 * Whether a node name is a *transient* GC root category: the running code's stack or a handle
 * scope (`(Stack roots)`, `(Handle scope)`, `C++ native stack roots`). What they hold is held only
 * while the code that took the snapshot runs.
 *
 * @example
 * ```ts
 * isTransientRoot(graph.nodeName(o)); // true for "(Stack roots)"
 * ```
 */
export function isTransientRoot(name: string): boolean {
  return TRANSIENT_ROOTS.has(name);
}

/**
 * Whether an edge name is the one by which a suspended generator or async function — a module's
 * async frame among them — holds its parameters and registers (`parameters_and_registers`).
 *
 * @example
 * ```ts
 * isFrameRegistersEdge(graph.edgeName(e)); // true for "parameters_and_registers"
 * ```
 */
export function isFrameRegistersEdge(name: string): boolean {
  return name === REGISTERS_EDGE;
}

/** How `retentionTree`'s `expand` treats edges into plumbing. */
const DEFER = 0; // skip them, and note them for the plumbing round (rounds 1 to 4)
const SKIP = 1; // skip them (the root in round 2: round 5 rescans it first)
const ONLY = 2; // follow only them (the root in round 5)
const ALL = 3; // follow them like any other edge (round 5)
/** Bits of `retentionTree`'s per-node `state`. */
const PLUMBING = 1;
const VISITED = 2;
const NOTED = 4; // a non-internal edge to it is noted for the plumbing round
const RUNTIME = 8; // a closure of the runtime's own scripts (see `runtimeClosureMask`)
/** Which of the late edges `expand` follows, by round: none, runtime closures too, and frame registers too. */
const DURABLE = 0;
const RUNTIME_OPEN = 1;
const ALL_OPEN = 2;

/**
 * Builds the {@link RetentionTree} of a snapshot by breadth-first search over retaining edges
 * (see `retainingEdges`: no weak edges, no WeakRef targets, no job-scoped holds). The engine does
 * it once per graph (`graph.retentionTree()`), with its own rules, plumbing mask and WeakMap-pair table.
 *
 * The search prefers paths people can read, and durable holders over transient ones, in rounds:
 *
 * 1. from the user roots (global objects, windows), as DevTools' distances do;
 * 2. from the synthetic root's durable root categories (global handles, module records,
 *    builtins, …), every one of them before the transient ones;
 * 3. through the runtime's own closures (functions of `node:…`, `ext:…` scripts, see
 *    `runtimeClosureMask`), which rounds 1 and 2 leave for later, so that the program's modules,
 *    `exports` and globals lead before `global -queueMicrotask-> … -$Module-> … -_cache->`;
 * 4. from the transient roots (`(Stack roots)`, `(Handle scope)`, see {@link isTransientRoot})
 *    and through suspended frames' registers (`parameters_and_registers`: the running module's
 *    async frame), so that an object the running code also holds is reached from its durable
 *    holder when one exists;
 * 5. through V8 plumbing (maps, feedback, code), which no earlier round enters, to whatever only
 *    plumbing holds.
 *
 * A WeakMap value is reached once both its key and its table are, like DevTools' distances. Each
 * round is a breadth-first search continuing the same queue: linear in nodes and edges.
 *
 * @example
 * ```ts
 * const { parent, parentEdge } = retentionTree(snapshot, codes, rules, plumbing, ephemeronPairTable(snapshot.strings));
 * for (let o = ordinal; parent[o] >= 0; o = parent[o]) console.log(parentEdge[o]);
 * ```
 */
export function retentionTree(
  snapshot: HeapSnapshot,
  codes: TypeCodes,
  rules: RetainingEdges,
  plumbing: Uint8Array,
  ephemerons: EphemeronPairTable,
): RetentionTree {

  const { nodeCount, nodeId, nodeType, nodeName, strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget, rootOrdinal } = snapshot;
  const { holderKind } = rules;
  const { edgeWeak, edgeInternal } = codes;
  const { pairOfName, tableId } = ephemerons;
  const parent = new Int32Array(nodeCount).fill(-1);
  const parentEdge = new Int32Array(nodeCount).fill(-1);
  // Per node: PLUMBING (from the plumbing mask), VISITED, NOTED and RUNTIME bits; one byte read per edge.
  const state = plumbing.slice();
  const runtime = runtimeClosureMask(snapshot, codes);
  for (let o = 0; o < nodeCount; o++) if (runtime[o] !== 0) state[o] |= RUNTIME;
  const registersName = strings.indexOf(REGISTERS_EDGE);
  // Which late edges `expand` follows now (DURABLE, RUNTIME_OPEN, ALL_OPEN).
  let open = DURABLE;
  // Edges into runtime closures (rounds 1 and 2) and frame registers (rounds 1 to 3), taken in
  // rounds 3 and 4: holder, edge (~edge when internal), target.
  const intoRuntime = new EdgeList();
  const intoRegisters = new EdgeList();
  const pairEdge = new Map<number, number>();
  // First edge met per WeakMap pair (edge index + 1; 0 = none yet), and its holder.
  const pendingEdge = new Int32Array(ephemerons.pairCount);
  const pendingHolder = new Int32Array(ephemerons.pairCount);
  const queue = new Uint32Array(nodeCount);
  let length = 0;
  // Retaining edges into plumbing met in rounds 1 to 4 (holder, edge, target; the edge as ~edge
  // when it is internal), in the order round 5 rescans them: the same order as rescanning every
  // reached node's edges, without the rescan.
  const deferred = new EdgeList(Math.max(1 << 16, nodeCount));

  const visit = (child: number, holder: number, e: number) => {
    state[child] |= VISITED;
    parent[child] = holder;
    parentEdge[child] = e;
    queue[length++] = child;
  };

  /** Takes retaining edge `e` of `o` to the unvisited `child`: visits it, or waits for the other half of its WeakMap pair. */
  const take = (o: number, e: number, child: number) => {
    const pair = pairOfName[edgeNameOrIndex[e]];
    if (pair < 0) {
      visit(child, o, e);
      return;
    }
    const first = pendingEdge[pair];
    if (first === 0) {
      pendingEdge[pair] = e + 1;
      pendingHolder[pair] = o;
      return;
    }
    // Both halves are reachable: the key is the holder that is not the table.
    const firstEdge = first - 1, firstHolder = pendingHolder[pair];
    if (nodeId[o] === tableId[pair]) {
      visit(child, firstHolder, firstEdge);
      pairEdge.set(child, e);
    } else {
      visit(child, o, e);
      pairEdge.set(child, firstEdge);
    }
  };

  /** Follows the retaining edges of `o` (see `retainingEdges`), treating edges into plumbing as `mode` says. */
  const expand = (o: number, mode: number) => {
    const kind = holderKind[o];
    if (kind === 1) return; // the keep-during-job list: none of its edges retains
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end; e++) {
      const t = edgeType[e];
      if (t === edgeWeak) continue;
      const child = edgeTarget[e];
      const s = state[child];
      const intoPlumbing = (s & PLUMBING) !== 0;
      // A WeakRef's internal edge to a non-plumbing node is its target.
      if (kind === 2 && t === edgeInternal && !intoPlumbing) continue;
      if (intoPlumbing) {
        if (mode === DEFER) {
          // Round 5 would find the target visited (by then, at the latest by the edge noted
          // first): nothing to note.
          if ((s & (VISITED | NOTED)) !== 0) continue;
          // Round 5 surely visits the target at this edge (unless visited before): a WeakMap
          // value (internal edge) may wait for its other half, so only other edges count.
          if (t !== edgeInternal) state[child] = s | NOTED;
          deferred.push(o, t === edgeInternal ? ~e : e, child);
          continue;
        }
        if (mode === SKIP) continue;
      } else if (mode === ONLY) {
        continue;
      }
      if ((s & VISITED) !== 0) continue;
      if (open !== ALL_OPEN) {
        if ((s & RUNTIME) !== 0 && open === DURABLE) {
          intoRuntime.push(o, t === edgeInternal ? ~e : e, child);
          continue;
        }
        if (t === edgeInternal && edgeNameOrIndex[e] === registersName) {
          intoRegisters.push(o, ~e, child);
          continue;
        }
      }
      if (t === edgeInternal) take(o, e, child);
      else visit(child, o, e);
    }
  };

  /** Takes the listed edges whose targets are still unvisited, in order. */
  const takeListed = (list: EdgeList) => {
    const { items } = list;
    for (let i = 0; i < list.length; i += 3) {
      const o = items[i], e = items[i + 1], child = items[i + 2];
      if ((state[child] & VISITED) !== 0) continue;
      if (e < 0) take(o, ~e, child);
      else visit(child, o, e);
    }
  };

  const bfs = (head: number, mode: number) => {
    while (head < length) expand(queue[head++], mode);
  };

  // Round 1: from the user roots.
  state[rootOrdinal] |= VISITED;
  for (let e = firstEdge[rootOrdinal], end = firstEdge[rootOrdinal + 1]; e < end; e++) {
    const child = edgeTarget[e];
    if ((state[child] & VISITED) !== 0 || !isUserRoot(snapshot, codes, child)) continue;
    visit(child, rootOrdinal, e);
  }
  bfs(0, DEFER);
  // Round 2: from the synthetic root (GC roots, embedder roots), the transient root categories
  // (directly under the root or under one of its synthetic children) held back for round 4.
  const transient: number[] = [];
  const holdBack = (holder: number) => {
    for (let e = firstEdge[holder], end = firstEdge[holder + 1]; e < end; e++) {
      const child = edgeTarget[e];
      if (nodeType[child] !== codes.synthetic || (state[child] & VISITED) !== 0) continue;
      if (TRANSIENT_ROOTS.has(strings[nodeName[child]])) {
        state[child] |= VISITED;
        transient.push(holder, e, child);
      } else if (holder === rootOrdinal) {
        holdBack(child);
      }
    }
  };
  holdBack(rootOrdinal);
  const second = length;
  expand(rootOrdinal, SKIP);
  bfs(second, DEFER);
  // Round 3: through the runtime's own closures.
  const third = length;
  open = RUNTIME_OPEN;
  takeListed(intoRuntime);
  bfs(third, DEFER);
  // Round 4: from the transient roots, and through suspended frames' registers.
  const fourth = length;
  open = ALL_OPEN;
  takeListed(intoRegisters);
  for (let i = 0; i < transient.length; i += 3) visit(transient[i + 2], transient[i], transient[i + 1]);
  bfs(fourth, DEFER);
  // Round 5: what only plumbing leads to. Revisit every reached node's edges into plumbing: the
  // root's, then the ones noted in rounds 1 to 4.
  const reached = length;
  expand(rootOrdinal, ONLY);
  takeListed(deferred);
  bfs(reached, ALL);
  return { parent, parentEdge, pairEdge };
}

/** A growable list of (holder, edge, target) triples. */
class EdgeList {
  items: Int32Array;
  length = 0;

  constructor(capacity = 3 * 1024) {
    this.items = new Int32Array(capacity);
  }

  push(holder: number, edge: number, target: number): void {
    if (this.length + 3 > this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = holder;
    this.items[this.length++] = edge;
    this.items[this.length++] = target;
  }
}
