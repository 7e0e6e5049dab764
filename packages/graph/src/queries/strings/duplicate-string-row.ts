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
  /**
   * How many of the copies are concatenated strings (V8's `concatenated string`, what `a + b`
   * builds), whose text heapgraph put together from their parts; the others are flat strings.
   */
  readonly concatenated: number;
}

/**
 * What `duplicateStrings` could not look at, alongside its rows. Concatenated strings are read by
 * putting their parts together, which costs memory: at most `textBudget` bytes of text are built
 * (2 bytes a character), and only for strings that have another string of the same length.
 *
 * @example
 * ```ts
 * const rows = duplicateStrings(graph);
 * if (rows.notMaterialized > 0) console.log(`${rows.notMaterialized} concatenated strings not read (textBudget ${rows.textBudget} bytes)`);
 * ```
 */
export interface DuplicateStringsSummary {
  /** The budget used, in bytes of concatenated-string text (the `textBudget` option). */
  readonly textBudget: number;
  /** Concatenated strings that may have copies but whose text was not built: the budget was spent. */
  readonly notMaterialized: number;
  /**
   * Concatenated strings with a sliced part (`s.slice()` of a long string): V8 writes neither the
   * offset nor the length of a sliced string, so their text is unknown and they are not counted.
   */
  readonly unknownText: number;
}

/**
 * The result of `duplicateStrings`: the rows, carrying the summary of what was not looked at.
 *
 * @example
 * ```ts
 * const result: DuplicateStrings = duplicateStrings(graph, { limit: 5 });
 * console.log(result.length, result.notMaterialized);
 * ```
 */
export type DuplicateStrings = DuplicateStringRow[] & DuplicateStringsSummary;
