import type { HeapGraph } from "../../engine/index.ts";

/**
 * Most characters V8 writes of a string's contents into a snapshot (its
 * `heap_snapshot_string_limit`): a flat string named with this many characters may be longer.
 *
 * @example
 * ```ts
 * const maybeCut = text.length >= SNAPSHOT_STRING_LIMIT;
 * ```
 */
export const SNAPSHOT_STRING_LIMIT = 1024;

/** What V8 names every concatenated string node. */
const V8_NAME = "(concatenated string)";
/** Length not computed yet / being computed (a cycle, in a damaged file, reads as unknown). */
const TODO = -1, BUSY = -2;

/**
 * The concatenated strings of a graph (V8's `concatenated string` nodes, what `a + b` builds): each
 * one's parts (its `first` and `second` internal edges), whether it is one the program holds (a
 * *top* string: some holder is not another concatenated string), its length, its text, and the
 * bytes a copy of it costs. Everything is iterative (no recursion, whatever the depth of the
 * parts) and reads the graph's typed columns.
 *
 * A part is a flat string (its text is its name, of which V8 writes at most
 * {@link SNAPSHOT_STRING_LIMIT} characters: a part that long makes the text *possibly cut*),
 * another concatenated string, or a sliced string, whose offset and length V8 does not write: a
 * string with a sliced part has an unknown length and text. A concatenated string whose own name
 * is its text (Bun's V8-format output names JavaScriptCore's ropes so, and writes their parts
 * without edge names) is read from its name.
 *
 * @example
 * ```ts
 * const cons = new ConcatenatedStrings(graph);
 * for (let i = 0; i < cons.count; i++) if (cons.isTop(i)) console.log(cons.length(i), cons.text(i));
 * ```
 */
export class ConcatenatedStrings {
  /** Ordinals of the concatenated strings, ascending. */
  readonly ordinals: Uint32Array;
  readonly #graph: HeapGraph;
  readonly #index = new Map<number, number>();
  readonly #first: Int32Array;
  readonly #second: Int32Array;
  readonly #lengths: Float64Array;
  /** 1 when a part's name may be cut at {@link SNAPSHOT_STRING_LIMIT}. */
  readonly #cut: Uint8Array;
  readonly #top: Uint8Array;
  /** 1 when the node's own name is its text (not V8's `(concatenated string)`). */
  readonly #named: Uint8Array;

  constructor(graph: HeapGraph) {
    this.#graph = graph;
    const { type } = graph.nodeColumns();
    const { consString } = graph.typeCodes();
    const ordinals: number[] = [];
    for (let o = 0; o < graph.nodeCount; o++) if (type[o] === consString) ordinals.push(o);
    this.ordinals = Uint32Array.from(ordinals);
    const n = ordinals.length;
    this.#first = new Int32Array(n).fill(-1);
    this.#second = new Int32Array(n).fill(-1);
    this.#lengths = new Float64Array(n).fill(TODO);
    this.#cut = new Uint8Array(n);
    this.#top = new Uint8Array(n);
    this.#named = new Uint8Array(n);
    if (n === 0) return;
    const { name, strings } = graph.nodeColumns();
    for (let i = 0; i < n; i++) {
      const own = strings[name[ordinals[i]]];
      if (own && own !== V8_NAME) this.#named[i] = 1;
    }
    const first = this.#first, second = this.#second, tops = this.#top, index = this.#index;
    for (let i = 0; i < n; i++) index.set(ordinals[i], i);
    let current = 0;
    const visit = (target: number, edge: number): void => {
      const name = graph.edgeName(edge);
      if (name === "first") first[current] = target;
      else if (name === "second") second[current] = target;
    };
    const { firstRetainer, retainerNode } = graph.retainers();
    for (let i = 0; i < n; i++) {
      current = i;
      const o = ordinals[i];
      graph.forEachEdge(o, visit);
      let top = firstRetainer[o] === firstRetainer[o + 1] ? 1 : 0;
      for (let r = firstRetainer[o], end = firstRetainer[o + 1]; r < end && !top; r++) if (type[retainerNode[r]] !== consString) top = 1;
      tops[i] = top;
    }
  }

  /** How many concatenated strings the graph has. */
  get count(): number {
    return this.ordinals.length;
  }

  /** True when the program holds string `i` itself (not only as a part of a longer string). */
  isTop(i: number): boolean {
    return this.#top[i] === 1;
  }

  /** The length of string `i` in characters, or NaN when a part is a sliced string (or missing). */
  length(i: number): number {
    if (this.#lengths[i] === TODO) this.#computeLength(i);
    return this.#lengths[i];
  }

  /** True when a part of string `i` is a flat string named with {@link SNAPSHOT_STRING_LIMIT} characters or more (its text may be cut there). */
  possiblyCut(i: number): boolean {
    if (this.#lengths[i] === TODO) this.#computeLength(i);
    return this.#cut[i] === 1;
  }

  /** The text of string `i` (call only when its length is known); `sizeOfParts` gets the sum of its flat parts' self sizes. */
  text(i: number, sizeOfParts?: (bytes: number) => void): string {
    const { type, name, strings } = this.#graph.nodeColumns();
    const { consString } = this.#graph.typeCodes();
    const sizes = this.#graph.selfSizes();
    const index = this.#index, first = this.#first, second = this.#second, named = this.#named;
    const pieces: string[] = [];
    const stack: number[] = [this.ordinals[i]];
    let bytes = 0;
    while (stack.length > 0) {
      const o = stack.pop()!;
      if (type[o] === consString && !named[index.get(o)!]) {
        const k = index.get(o)!;
        if (second[k] >= 0) stack.push(second[k]);
        if (first[k] >= 0) stack.push(first[k]);
      } else {
        pieces.push(strings[name[o]] ?? "");
        bytes += sizes[o];
      }
    }
    sizeOfParts?.(bytes);
    return pieces.join("");
  }

  /**
   * The bytes a copy of string `i` costs: its own cell, and the parts only it holds (a part with
   * one holder), down through the concatenated ones. Parts shared with other strings are not
   * counted: they would stay if this copy went.
   */
  ownSize(i: number): number {
    const { type } = this.#graph.nodeColumns();
    const { consString } = this.#graph.typeCodes();
    const sizes = this.#graph.selfSizes();
    const { firstRetainer } = this.#graph.retainers();
    const index = this.#index, first = this.#first, second = this.#second;
    let total = sizes[this.ordinals[i]];
    const stack: number[] = [i];
    while (stack.length > 0) {
      const k = stack.pop()!;
      for (let side = 0; side < 2; side++) {
        const part = side === 0 ? first[k] : second[k];
        if (part < 0 || firstRetainer[part + 1] - firstRetainer[part] !== 1) continue;
        total += sizes[part];
        if (type[part] === consString) stack.push(index.get(part)!);
      }
    }
    return total;
  }

  /** Post-order over the parts, depth first with an explicit stack. */
  #computeLength(start: number): void {
    const { type, name, strings } = this.#graph.nodeColumns();
    const { string, consString } = this.#graph.typeCodes();
    const lengths = this.#lengths, cut = this.#cut, index = this.#index, first = this.#first, second = this.#second;
    const named = this.#named, ordinals = this.ordinals;
    const stack: number[] = [start];
    lengths[start] = BUSY;
    while (stack.length > 0) {
      const k = stack[stack.length - 1];
      if (named[k]) {
        const own = strings[name[ordinals[k]]];
        stack.pop();
        lengths[k] = own.length;
        cut[k] = own.length >= SNAPSHOT_STRING_LIMIT ? 1 : 0;
        continue;
      }
      let pending = false;
      let total = 0, partCut = 0;
      for (let side = 0; side < 2; side++) {
        const part = side === 0 ? first[k] : second[k];
        if (part < 0) {
          total = NaN;
        } else if (type[part] === consString) {
          const j = index.get(part)!;
          if (lengths[j] === TODO) {
            // One part at a time, so that the stack is the path from `start`: a BUSY part is then
            // an ancestor, which only a damaged file can have.
            lengths[j] = BUSY;
            stack.push(j);
            pending = true;
            break;
          } else if (lengths[j] === BUSY) total = NaN;
          else {
            total += lengths[j];
            partCut |= cut[j];
          }
        } else if (type[part] === string) {
          const text = strings[name[part]] ?? "";
          total += text.length;
          if (text.length >= SNAPSHOT_STRING_LIMIT) partCut = 1;
        } else total = NaN;
      }
      if (pending) continue;
      stack.pop();
      lengths[k] = total;
      cut[k] = partCut;
    }
  }
}
