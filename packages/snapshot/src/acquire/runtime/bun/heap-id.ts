/**
 * Heap ids on Bun: not supported. Bun has no in-process V8 inspector, and it renumbers objects
 * in every snapshot, so no id would outlive one snapshot.
 *
 * @module
 */
import { NotSupportedError } from "../not-supported-error.ts";

const WHY =
  "Bun has no in-process V8 inspector, and it renumbers objects in every snapshot, so no id would outlive one snapshot; " +
  "give the object a distinctive class or property and search the snapshot for that instead";

/**
 * Rejects with a {@link NotSupportedError} that says why and what to do instead.
 *
 * @example
 * ```ts
 * await heapIdOf({}, 1_000); // NotSupportedError: heapIdOf is not supported on bun: …
 * ```
 */
export function heapIdOf(_value: object, _timeoutMs: number): Promise<number> {
  return Promise.reject(new NotSupportedError("heapIdOf", "bun", WHY));
}

/**
 * Rejects with a {@link NotSupportedError} that says why and what to do instead.
 *
 * @example
 * ```ts
 * await objectAt(1, 1_000); // NotSupportedError: objectAt is not supported on bun: …
 * ```
 */
export function objectAt(_id: number, _timeoutMs: number): Promise<unknown> {
  return Promise.reject(new NotSupportedError("objectAt", "bun", WHY));
}
