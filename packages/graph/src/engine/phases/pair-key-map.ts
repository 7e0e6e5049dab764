/**
 * A hash map from pairs of small non-negative integers to positive integers, on typed arrays
 * (open addressing, linear probing). Hot loops that key a `Map` by `a * radix + b` pay for boxed
 * numbers once the product leaves the small-integer range; this keeps both halves unboxed.
 *
 * @example
 * ```ts
 * const children = new PairKeyMap();
 * children.set(parent, label, child);
 * children.get(parent, label); // child, or 0 when absent
 * ```
 */
export class PairKeyMap {
  #first = new Int32Array(1024);
  #second = new Int32Array(1024);
  /** The value per slot; 0 marks an empty slot. */
  #value = new Int32Array(1024);
  #size = 0;

  /** The value stored for (a, b), or 0 when there is none. */
  get(a: number, b: number): number {
    const first = this.#first, second = this.#second, value = this.#value;
    const mask = value.length - 1;
    for (let at = slotOf(a, b, mask); ; at = (at + 1) & mask) {
      const v = value[at];
      if (v === 0 || (first[at] === a && second[at] === b)) return v;
    }
  }

  /** Stores a positive `v` for (a, b), which must not be in the map yet. */
  set(a: number, b: number, v: number): void {
    if (2 * (this.#size + 1) > this.#value.length) this.#grow();
    this.#size++;
    this.#place(a, b, v);
  }

  #place(a: number, b: number, v: number): void {
    const value = this.#value;
    const mask = value.length - 1;
    let at = slotOf(a, b, mask);
    while (value[at] !== 0) at = (at + 1) & mask;
    this.#first[at] = a;
    this.#second[at] = b;
    value[at] = v;
  }

  /** Doubles the slots (keeping the map at most half full) and places every entry again. */
  #grow(): void {
    const first = this.#first, second = this.#second, value = this.#value;
    const size = 2 * value.length;
    this.#first = new Int32Array(size);
    this.#second = new Int32Array(size);
    this.#value = new Int32Array(size);
    for (let at = 0; at < value.length; at++) if (value[at] !== 0) this.#place(first[at], second[at], value[at]);
  }
}

function slotOf(a: number, b: number, mask: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) & mask;
}
