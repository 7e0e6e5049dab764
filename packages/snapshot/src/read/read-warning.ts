/**
 * Warnings of `readSnapshot`: problems in the data that the reader skips past (as Chrome
 * DevTools does) instead of refusing the file.
 *
 * @module
 */

/**
 * What was skipped:
 * - `LOCATION_WITHOUT_NODE`: records of the `locations` section whose `object_index` points at
 *   no node (past the nodes, or into the middle of one). DevTools loads such files and ignores
 *   the records; so does heapgraph, and those objects have no script position.
 *
 * @example
 * ```ts
 * const code: ReadWarningCode = "LOCATION_WITHOUT_NODE";
 * ```
 */
export type ReadWarningCode = "LOCATION_WITHOUT_NODE";

/**
 * One warning of a read: one per kind of problem, however many records have it (`count`), with
 * the first place it was seen.
 *
 * @example
 * ```ts
 * await readSnapshot("app.heapsnapshot", {
 *   onWarning: (w: ReadWarning) => console.warn(`${w.fileName ?? "snapshot"}: ${w.message}`),
 * });
 * ```
 */
export interface ReadWarning {
  readonly code: ReadWarningCode;
  /** One line for people: what was skipped, how many, and the first one. */
  readonly message: string;
  /** The section the records are in (`"locations"`). */
  readonly section: string;
  /** How many records were skipped. */
  readonly count: number;
  /** Byte offset of the first skipped record's bad value in the (decompressed) text, when known. */
  readonly offset: number | null;
  /** What the first skipped record held instead of a node's offset. */
  readonly found: string;
  /** The file being read, when the source is a file or `fileName` was given. */
  readonly fileName: string | null;
}

/**
 * Receives the warnings of a read (`readSnapshot`'s `onWarning` option). Exceptions it throws
 * are ignored, as those of `onProgress` are.
 *
 * @example
 * ```ts
 * const warnings: ReadWarning[] = [];
 * const onWarning: ReadWarningListener = (w) => warnings.push(w);
 * ```
 */
export type ReadWarningListener = (warning: ReadWarning) => void;
