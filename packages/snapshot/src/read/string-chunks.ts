/**
 * UTF-8 chunks of a string that already exists whole (Bun hands its snapshots over
 * as one string), so that it flows into the reader like any other byte stream.
 *
 * @module
 */

/**
 * Yields the UTF-8 encoding of `text` in slices of about `charsPerChunk` characters,
 * never splitting a surrogate pair.
 *
 * @example
 * ```ts
 * for (const bytes of stringChunks("héllo", 2)) console.log(bytes);
 * ```
 */
export function* stringChunks(text: string, charsPerChunk = 1 << 20): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + charsPerChunk);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    if (end === start) end = start + 2;
    yield encoder.encode(text.slice(start, end));
    start = end;
  }
}
