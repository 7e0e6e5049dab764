/**
 * Byte chunks joined into one array, for the few places that need a whole (a gzip header
 * split over chunks, a WebSocket message in fragments).
 *
 * @module
 */

/**
 * The bytes of `parts`, in order, in one new array.
 *
 * @example
 * ```ts
 * concatBytes([new Uint8Array([1, 2]), new Uint8Array([3])]); // Uint8Array [1, 2, 3]
 * ```
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
