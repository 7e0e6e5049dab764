import type { HeapSnapshot } from "@heapgraph/snapshot";
import type { TypeCodes } from "./graph-index-types.ts";

/**
 * What a snapshot proves about a length: at least `min`, at most `max` (`null`: no upper bound
 * is known). `min === max` is an exact length.
 *
 * @example
 * ```ts
 * const bounds: LengthBounds = { min: 4, max: 17 }; // shown as "≥4, ≤17"
 * ```
 */
export interface LengthBounds {
  readonly min: number;
  readonly max: number | null;
}

/** Tagged size per snapshot (0: not a V8 layout heapgraph can read sizes from). */
const taggedSizes = new WeakMap<HeapSnapshot, number>();
const NUMERIC = /^\d+$/;

/**
 * The length of a JavaScript array (an `object` node named `Array`), as far as the snapshot
 * proves it. V8 writes no `length`, and `element` edges only for elements that are heap objects
 * (no Smis, no doubles, no `undefined`/holes), so `[1, 2, 3]` has no element edge at all. The rule:
 *
 * 1. Element edges give a lower bound: the highest index + 1.
 * 2. The backing store (the `elements` internal edge) gives an upper bound: its capacity, from its
 *    self size (`(size - 2 × tagged) / tagged`; a double store's 8-byte slots make this a bound
 *    too when tagged values are 4 bytes). The tagged size is the size of the smallest `Array`
 *    object, which has 4 tagged fields (32 bytes, or 16 with pointer compression).
 * 3. A store that is a literal's copy-on-write constant elements (a `code` node, as V8 tags
 *    `(constant elements)`) is exactly as long as the array: V8 copies it before any write.
 * 4. No `elements` edge: the store is V8's shared empty array, the length is 0.
 * 5. A dictionary store (sparse arrays, huge `length`) holds elements by hash, so its size says
 *    nothing: a store whose slots are not where the element edges say (its numeric internal
 *    edges differ from the element indexes), or that has the size of a number dictionary
 *    (4 + 3 × 2^k slots) without element edges to prove otherwise, gives no upper bound.
 * 6. Snapshots without V8's layout (no `map` edge on the array: Bun's V8-format output) give the
 *    lower bound only.
 *
 * @example
 * ```ts
 * jsArrayLength(snapshot, codes, ordinalOf([1, 2, 3])); // { min: 3, max: 3 }
 * jsArrayLength(snapshot, codes, ordinalOf(pushed100Numbers)); // { min: 0, max: 140 }
 * ```
 */
export function jsArrayLength(snapshot: HeapSnapshot, codes: TypeCodes, ordinal: number): LengthBounds {
  const { strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget, nodeType, nodeSelfSize } = snapshot;
  let min = 0, elementCount = 0, store = -1, v8Layout = false;
  for (let e = firstEdge[ordinal], end = firstEdge[ordinal + 1]; e < end; e++) {
    if (edgeType[e] === codes.edgeElement) {
      elementCount++;
      if (edgeNameOrIndex[e] + 1 > min) min = edgeNameOrIndex[e] + 1;
    } else if (edgeType[e] === codes.edgeInternal) {
      const name = strings[edgeNameOrIndex[e]];
      if (name === "elements") store = edgeTarget[e];
      else if (name === "map") v8Layout = true;
    }
  }
  const tagged = taggedSize(snapshot, codes);
  if (!v8Layout || tagged === 0) return { min, max: null };
  if (store < 0) return min === 0 ? { min: 0, max: 0 } : { min, max: null };
  const slots = slotCount(nodeSelfSize[store], tagged);
  if (slots < min) return { min, max: null };
  if (nodeType[store] === codes.code) return { min: slots, max: slots };
  if (nodeType[store] !== codes.array) return { min, max: null };
  if (elementCount > 0) {
    return sameSlots(snapshot, codes, ordinal, store) && !looksLikeDictionaryEntries(snapshot, codes, ordinal, slots) ? { min, max: slots } : { min, max: null };
  }
  return isDictionarySize(slots) ? { min, max: null } : { min, max: slots };
}

/**
 * The number of slots of a V8 backing store or other internal array (an `array` node). When it
 * holds references, V8 writes them as internal edges named by slot (`0`, `3`), and only for fixed
 * arrays, whose size is 2 + slots tagged values: the count is then exact. Otherwise (a store of
 * Smis or doubles, a byte array) the size does not tell slots from bytes, and only `element`
 * edges, if any, give a lower bound.
 *
 * @example
 * ```ts
 * arraySlots(snapshot, codes, backingStoreOf(holey)); // { min: 17, max: 17 }: elements at 0 and 3, 17 slots
 * ```
 */
export function arraySlots(snapshot: HeapSnapshot, codes: TypeCodes, ordinal: number): LengthBounds {
  const { strings, firstEdge, edgeType, edgeNameOrIndex, nodeSelfSize } = snapshot;
  let min = 0, numbered = false;
  for (let e = firstEdge[ordinal], end = firstEdge[ordinal + 1]; e < end; e++) {
    if (edgeType[e] === codes.edgeElement) {
      if (edgeNameOrIndex[e] + 1 > min) min = edgeNameOrIndex[e] + 1;
    } else if (edgeType[e] === codes.edgeInternal) {
      const name = strings[edgeNameOrIndex[e]];
      if (NUMERIC.test(name)) {
        numbered = true;
        if (Number(name) + 1 > min) min = Number(name) + 1;
      }
    }
  }
  const tagged = numbered ? taggedSize(snapshot, codes) : 0;
  const slots = tagged === 0 ? -1 : slotCount(nodeSelfSize[ordinal], tagged);
  return slots >= min ? { min: slots, max: slots } : { min, max: null };
}

/**
 * A length as text: `3` when exact, `≥4, ≤17`, `≤140`, `≥2`, or `""` when nothing is known.
 *
 * @example
 * ```ts
 * formatLength({ min: 4, max: 17 }); // "≥4, ≤17"
 * formatLength({ min: 3, max: 3 }); // "3"
 * ```
 */
export function formatLength(bounds: LengthBounds): string {
  if (bounds.max === null) return bounds.min > 0 ? `≥${bounds.min}` : "";
  if (bounds.min === bounds.max) return String(bounds.min);
  return bounds.min > 0 ? `≥${bounds.min}, ≤${bounds.max}` : `≤${bounds.max}`;
}

/** Slots of a fixed array of `size` bytes (header: map and length), or -1 when the size does not fit. */
function slotCount(size: number, tagged: number): number {
  const slots = (size - 2 * tagged) / tagged;
  return slots >= 0 && Number.isInteger(slots) ? slots : -1;
}

/** A number dictionary's slot count: 3 header + 1 prefix + 3 per entry, a power of two entries. */
function isDictionarySize(slots: number): boolean {
  const entries = (slots - 4) / 3;
  return Number.isInteger(entries) && entries >= 1 && (entries & (entries - 1)) === 0;
}

/** True when every element edge of the array has the store's numeric internal edge of the same index, and no other. */
function sameSlots(snapshot: HeapSnapshot, codes: TypeCodes, array: number, store: number): boolean {
  const { strings, firstEdge, edgeType, edgeNameOrIndex, edgeTarget } = snapshot;
  let s = firstEdge[store];
  const storeEnd = firstEdge[store + 1];
  for (let e = firstEdge[array], end = firstEdge[array + 1]; e < end; e++) {
    if (edgeType[e] !== codes.edgeElement) continue;
    while (s < storeEnd && !(edgeType[s] === codes.edgeInternal && NUMERIC.test(strings[edgeNameOrIndex[s]]))) s++;
    if (s === storeEnd || Number(strings[edgeNameOrIndex[s]]) !== edgeNameOrIndex[e] || edgeTarget[s] !== edgeTarget[e]) return false;
    s++;
  }
  for (; s < storeEnd; s++) if (edgeType[s] === codes.edgeInternal && NUMERIC.test(strings[edgeNameOrIndex[s]])) return false;
  return true;
}

/** Element indexes that could be a number dictionary's value slots (4 + 3k + 1) in a store of dictionary size. */
function looksLikeDictionaryEntries(snapshot: HeapSnapshot, codes: TypeCodes, array: number, slots: number): boolean {
  if (!isDictionarySize(slots)) return false;
  const { firstEdge, edgeType, edgeNameOrIndex } = snapshot;
  for (let e = firstEdge[array], end = firstEdge[array + 1]; e < end; e++) {
    if (edgeType[e] === codes.edgeElement && (edgeNameOrIndex[e] < 5 || (edgeNameOrIndex[e] - 5) % 3 !== 0)) return false;
  }
  return true;
}

/**
 * Bytes of a tagged value in this snapshot's heap: the smallest `Array` object has V8's four
 * tagged fields (map, properties, elements, length), so 32 bytes mean 8-byte values and 16 bytes
 * 4-byte ones (pointer compression, as in Chrome). 0 when the arrays do not have V8's layout.
 */
function taggedSize(snapshot: HeapSnapshot, codes: TypeCodes): number {
  let size = taggedSizes.get(snapshot);
  if (size !== undefined) return size;
  const { nodeCount, nodeType, nodeName, nodeSelfSize, strings, firstEdge, edgeType, edgeNameOrIndex } = snapshot;
  let smallest = Infinity, v8Layout = false;
  for (let o = 0; o < nodeCount; o++) {
    if (nodeType[o] !== codes.object || nodeSelfSize[o] >= smallest || strings[nodeName[o]] !== "Array") continue;
    smallest = nodeSelfSize[o];
    v8Layout = false;
    for (let e = firstEdge[o], end = firstEdge[o + 1]; e < end && !v8Layout; e++) {
      v8Layout = edgeType[e] === codes.edgeInternal && strings[edgeNameOrIndex[e]] === "map";
    }
  }
  size = v8Layout && (smallest === 16 || smallest === 32) ? smallest / 4 : 0;
  taggedSizes.set(snapshot, size);
  return size;
}
