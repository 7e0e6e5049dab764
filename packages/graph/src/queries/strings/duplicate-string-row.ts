/**
 * What `duplicateStrings` returns: plain data, safe for `--json`, and the row type `@heapgraph/render` draws.
 *
 * @module
 */

/**
 * One duplicated string (a row of `duplicateStrings`). Plain data.
 *
 * @example
 * ```ts
 * const [worst]: DuplicateStringRow[] = duplicateStrings(graph);
 * console.log(worst.count, worst.value, worst.wastedBytes);
 * ```
 */
export interface DuplicateStringRow {
  /** The string's contents, cut at 200 characters. */
  readonly value: string;
  /** Its full length in characters, as the snapshot names it (V8 cuts very long names). */
  readonly length: number;
  /** How many separate copies the heap holds. */
  readonly count: number;
  /** Shallow size of one copy, in bytes. */
  readonly size: number;
  /** All copies together. */
  readonly totalSize: number;
  /** What keeping one copy would save: `totalSize - size`. */
  readonly wastedBytes: number;
  /** Heap object ids of up to 20 copies, ascending. */
  readonly ids: readonly number[];
}
