/**
 * The contract between the streaming parser and the reader of one JSON value: the parser
 * hands each chunk to the reader of the value it is in until the reader says it is done.
 *
 * @module
 */

/**
 * One reader of one JSON value, fed chunk by chunk. Implemented by the generic readers of this
 * folder and by the V8 record and location readers.
 *
 * @example
 * ```ts
 * let i = start;
 * while (i < chunk.length && !reader.done) i = reader.feed(chunk, i, chunk.length);
 * ```
 */
export interface ValueReader {
  /** Consumes bytes from `start`; returns where it stopped. When `done`, the value ended just before the returned position. */
  feed(bytes: Uint8Array, start: number, end: number): number;
  readonly done: boolean;
}
