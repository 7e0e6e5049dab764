/**
 * The contract between the streaming parser and a snapshot format: the parser reads the outer
 * JSON object and asks the format's builder for a reader of each top-level value; at the end
 * the builder assembles the columnar snapshot. V8 (`v8/`) and JavaScriptCore (`jsc/`)
 * implement it; the parser chooses one from the first key.
 *
 * @module
 */
import type { HeapSnapshot } from "../model/heap-snapshot.ts";
import type { ValueReader } from "./json/value-reader.ts";

/**
 * How one format turns top-level keys into readers and, at the end, into a snapshot.
 *
 * @example
 * ```ts
 * const builder: FormatBuilder = new V8SnapshotBuilder(ctx);
 * const reader = builder.reader("nodes", 0);
 * // ... the parser feeds `reader` until reader.done ...
 * builder.complete("nodes", reader);
 * const snapshot = builder.finish();
 * ```
 */
export interface FormatBuilder {
  /**
   * A reader for the value of `key`; `index` is where the value starts in the current chunk.
   * Called once per key: the parser refuses a key it has seen before.
   */
  reader(key: string, index: number): ValueReader;
  /** Called when the reader returned by {@link reader} is done. */
  complete(key: string, reader: ValueReader): void;
  /** The snapshot, once the input has ended cleanly. */
  finish(): HeapSnapshot;
}
