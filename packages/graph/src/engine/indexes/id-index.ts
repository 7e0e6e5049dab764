/**
 * Finds a node by heap object id: ids sorted by a two-pass radix sort (16 bits a pass) with their
 * ordinals alongside, searched by bisection. 8 bytes per node, no hash table.
 *
 * @example
 * ```ts
 * const ids = new IdIndex(snapshot.nodeId);
 * const ordinal = ids.find(6177); // -1 when no node has the id
 * const inOther = ids.matches(new IdIndex(other.nodeId)); // per ordinal: the same id's ordinal in other, or -1
 * ```
 */
export class IdIndex {
  readonly #ids: Uint32Array;
  readonly #ordinals: Uint32Array;

  constructor(nodeId: Uint32Array) {
    const n = nodeId.length;
    let ids = new Uint32Array(n), ordinals = new Uint32Array(n);
    let fromIds = nodeId, fromOrdinals: Uint32Array | null = null;
    const counts = new Uint32Array(65537);
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[((fromIds[i] >>> shift) & 0xffff) + 1]++;
      for (let d = 0; d < 65536; d++) counts[d + 1] += counts[d];
      for (let i = 0; i < n; i++) {
        const at = counts[(fromIds[i] >>> shift) & 0xffff]++;
        ids[at] = fromIds[i];
        ordinals[at] = fromOrdinals ? fromOrdinals[i] : i;
      }
      if (shift === 0) {
        fromIds = ids;
        fromOrdinals = ordinals;
        ids = new Uint32Array(n);
        ordinals = new Uint32Array(n);
      }
    }
    this.#ids = ids;
    this.#ordinals = ordinals;
  }

  /**
   * Per node of this index (by ordinal): the ordinal of the node with the same id in `other`, or
   * -1. One merge of the two sorted id lists, in linear time.
   */
  matches(other: IdIndex): Int32Array {
    const ids = this.#ids, ordinals = this.#ordinals, otherIds = other.#ids, otherOrdinals = other.#ordinals;
    const out = new Int32Array(ids.length).fill(-1);
    for (let i = 0, j = 0, m = otherIds.length; i < ids.length; i++) {
      const id = ids[i];
      while (j < m && otherIds[j] < id) j++;
      if (j < m && otherIds[j] === id) out[ordinals[i]] = otherOrdinals[j];
    }
    return out;
  }

  /** The ordinal of the node with heap object id `id`, or -1. */
  find(id: number): number {
    const ids = this.#ids;
    let lo = 0, hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < ids.length && ids[lo] === id ? this.#ordinals[lo] : -1;
  }
}
