/**
 * The one error base of every heapgraph package.
 *
 * @module
 */

/**
 * What every heapgraph error has: a string `code` to branch on, a message that names the bad value,
 * and the underlying error as `cause`. Each package throws its own subclass (`SnapshotFormatError`,
 * `CaptureError`, `QueryError`, `RenderError`, `CliError`, ...), so `instanceof HeapgraphError`
 * catches all of them and `instanceof QueryError` just one family.
 *
 * @example
 * ```ts
 * import { HeapgraphError } from "@heapgraph/snapshot";
 * try {
 *   await run();
 * } catch (error) {
 *   if (error instanceof HeapgraphError) console.error(`${error.code}: ${error.message}`);
 *   else throw error;
 * }
 * ```
 */
export class HeapgraphError<Code extends string = string> extends Error {
  /** Machine-readable reason, such as `"TRUNCATED"` or `"INVALID_OPTIONS"`. */
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}
