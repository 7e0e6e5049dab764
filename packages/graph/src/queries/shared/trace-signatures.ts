import type { HeapGraph } from "../../engine/index.ts";
import type { TraceElement } from "./trace-element.ts";

/** Longest block of steps a signature folds when it repeats (Promise → PromiseReaction → Promise is 2). */
const MAX_PERIOD = 4;
/** Longest trace, in elements, that clustering compares (later positions weigh almost nothing). */
const MAX_COMPARED_ELEMENTS = 64;
const NUMERIC = /^\d+$/;
const UNKNOWN = -2;

/**
 * Retainer-trace signatures of nodes, computed once per node down the retention tree, so that leak
 * clustering never builds a full path per leaked object (a 5,000-deep promise chain holds 5,000
 * leaked promises whose paths share all but their last steps).
 *
 * A signature is a node of a trie of steps (edge type and name, element indices as one; node type
 * and class). It starts at the first user-visible root of the path — a global object (`global`,
 * `Window`) or a module — never at the synthetic root, so the Blink and V8 plumbing above a
 * `Window` does not make all traces alike, and a block of 1 to 4 steps that repeats is folded into
 * one (`Timeout -_idlePrev-> Timeout …` ×170 reads as one step), so one leak is one signature
 * whatever the depth of each object in it. Memory: one integer per node, one trie node per distinct
 * folded prefix.
 *
 * @example
 * ```ts
 * const signatures = new TraceSignatures(final);
 * const same = signatures.of(a) === signatures.of(b); // same folded trace
 * const elements = signatures.elements(signatures.of(a)); // for traceSimilarity
 * ```
 */
export class TraceSignatures {
  readonly #graph: HeapGraph;
  readonly #parent: Int32Array;
  readonly #parentEdge: Int32Array;
  readonly #resets: Uint8Array;
  readonly #memo: Int32Array;
  /** Trie: per signature, its parent signature (-1 for the empty one, 0), its last step and its length. */
  readonly #sigParent: number[] = [-1];
  readonly #sigStep: number[] = [-1];
  readonly #children = new Map<string, number>();
  readonly #stepIds = new Map<string, number>();
  readonly #steps: TraceElement[][] = [];

  constructor(graph: HeapGraph) {
    this.#graph = graph;
    const { parent, parentEdge } = graph.retentionTree();
    this.#parent = parent;
    this.#parentEdge = parentEdge;
    const globals = graph.globalMask(), modules = graph.moduleMask(), userRoots = graph.userRootMask();
    const resets = new Uint8Array(graph.nodeCount);
    for (let o = 0; o < resets.length; o++) resets[o] = globals[o] | modules[o] | userRoots[o];
    this.#resets = resets;
    this.#memo = new Int32Array(graph.nodeCount).fill(UNKNOWN);
  }

  /** The signature of node `o`'s folded trace (0: no trace, the node is not reachable). */
  of(o: number): number {
    const memo = this.#memo, parent = this.#parent;
    // Climb to the nearest node whose signature is known, then come back down.
    const pending: number[] = [];
    let x = o;
    while (x >= 0 && memo[x] === UNKNOWN) {
      pending.push(x);
      x = parent[x];
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const node = pending[i], holder = parent[node];
      if (holder < 0) memo[node] = 0;
      else if (this.#resets[node] || memo[holder] === 0) memo[node] = this.#child(0, this.#step(node, -1));
      else memo[node] = this.#extend(memo[holder], this.#step(node, this.#parentEdge[node]));
    }
    return memo[o];
  }

  /** A signature's trace as clustering compares it: edge and node elements, first user-visible root first (at most 64). */
  elements(signature: number): TraceElement[] {
    const steps: number[] = [];
    for (let s = signature; s > 0; s = this.#sigParent[s]) steps.push(this.#sigStep[s]);
    const out: TraceElement[] = [];
    for (let i = steps.length - 1; i >= 0 && out.length < MAX_COMPARED_ELEMENTS; i--) out.push(...this.#steps[steps[i]]);
    return out;
  }

  /** The interned step id for reaching `o` by edge `e` (-1: a root step, node only). */
  #step(o: number, e: number): number {
    const graph = this.#graph;
    const nodeType = graph.nodeTypeName(o), className = graph.className(o);
    let key = `${nodeType}\u0001${className}`;
    let edge: TraceElement | undefined;
    if (e >= 0) {
      const type = graph.edgeTypeName(e), name = graph.edgeName(e);
      edge = { kind: "edge", type, name };
      key = `${type}\u0001${NUMERIC.test(name) ? "#" : name}\u0001${key}`;
    }
    let id = this.#stepIds.get(key);
    if (id === undefined) {
      id = this.#steps.length;
      this.#stepIds.set(key, id);
      const node: TraceElement = { kind: "node", type: nodeType, name: className };
      this.#steps.push(edge ? [edge, node] : [node]);
    }
    return id;
  }

  #child(signature: number, step: number): number {
    const key = `${signature},${step}`;
    let child = this.#children.get(key);
    if (child === undefined) {
      child = this.#sigParent.length;
      this.#sigParent.push(signature);
      this.#sigStep.push(step);
      this.#children.set(key, child);
    }
    return child;
  }

  /** `signature` followed by `step`, with a block that repeats the block before it folded away. */
  #extend(signature: number, step: number): number {
    // The last 2 × MAX_PERIOD - 1 steps of `signature`, newest first, then `step` in front.
    const recent = [step];
    const ancestors = [signature];
    for (let s = signature; s > 0 && recent.length < 2 * MAX_PERIOD; s = this.#sigParent[s]) {
      recent.push(this.#sigStep[s]);
      ancestors.push(this.#sigParent[s]);
    }
    for (let period = 1; period <= MAX_PERIOD && 2 * period <= recent.length; period++) {
      let same = true;
      for (let k = 0; k < period && same; k++) same = recent[k] === recent[k + period];
      // The path without its last `period` steps: `signature` without its last `period - 1`.
      if (same) return ancestors[period - 1];
    }
    return this.#child(signature, step);
  }
}
