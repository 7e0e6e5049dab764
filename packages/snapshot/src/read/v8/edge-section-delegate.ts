/**
 * The seam through which the V8 builder hands the `edges` section to someone else (a worker, in
 * `read/parallel/`): the builder asks once the header is read whether the edges go elsewhere, passes
 * over the section's bytes when it meets them, and takes what the other reader found at the end.
 * `v8/` knows only this interface, never how or where the section is read.
 *
 * @module
 */
import type { V8Columns } from "./v8-columns.ts";
import type { V8Layout } from "./v8-layout.ts";

/**
 * What reading the `edges` section found, the same counters an `EdgeRecordReader` keeps.
 *
 * @example
 * ```ts
 * const outcome: EdgeSectionOutcome = { records: 3, field: 0, maxName: 7 };
 * ```
 */
export interface EdgeSectionOutcome {
  /** Complete records read. */
  readonly records: number;
  /** Values of an unfinished last record (0 when the records are whole). */
  readonly field: number;
  /** Largest string index held by a named edge. */
  readonly maxName: number;
}

/**
 * Reads the `edges` section somewhere else. The builder calls {@link begin} when the `nodes` section
 * starts; if it returns true, the builder passes the `edges` value over (telling {@link passOver}) and, at
 * its end, reads the counters from {@link outcome}, which the delegate's owner must have settled
 * before (asynchronously: see `readSnapshot`).
 *
 * @example
 * ```ts
 * const builder = new V8SnapshotBuilder(ctx, delegate);
 * // ... parser.write(...) for every chunk; then await the delegate, then:
 * const snapshot = builder.finish(); // takes delegate.outcome for the edges
 * ```
 */
export interface EdgeSectionDelegate {
  /** True when the edge columns must be shared with the other reader (`SharedArrayBuffer`). */
  readonly sharedEdges: boolean;
  /**
   * The header is read (`layout`, the columns allocated) and the `nodes` value starts at byte
   * `offset`: start reading the edges elsewhere, into `cols`' edge columns. False: read them here.
   */
  begin(layout: V8Layout, cols: V8Columns, offset: number): boolean;
  /** The parser met the `edges` value at byte `offset` (after the key's colon); the builder passes it over. */
  passOver(offset: number): void;
  /** The other reader's counters; null until settled. */
  readonly outcome: EdgeSectionOutcome | null;
}
