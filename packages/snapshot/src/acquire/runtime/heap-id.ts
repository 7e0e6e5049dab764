/**
 * From a live value of this process to its heap snapshot id and back, on the runtimes whose
 * adapter can (Node, and Deno with `--allow-sys`); Bun's adapter explains why it cannot.
 *
 * @module
 */
import { z } from "zod";
import { parseSnapshotOptions } from "../../errors/parse-snapshot-options.ts";
import { detectRuntime } from "./detect-runtime.ts";
import { NotSupportedError } from "./not-supported-error.ts";
import type { RuntimeAdapter } from "./runtime-adapter.ts";
import { runtimeAdapter } from "./runtime-adapters.ts";

const heapIdOptions = z.strictObject({
  /** Longest wait for one inspector command, in ms. Default 120 000 (assigning ids can mean a full heap walk). */
  timeoutMs: z.number().int().positive().max(2 ** 31 - 1).optional(),
});

/**
 * Options of {@link heapIdOf} and {@link objectAt}: `timeoutMs` (derived from the schema that checks them).
 *
 * @example
 * ```ts
 * const options: HeapIdOptions = { timeoutMs: 300_000 }; // a large heap
 * const id = await heapIdOf(suspect, options);
 * ```
 */
export type HeapIdOptions = z.input<typeof heapIdOptions>;

const liveValue = z.custom<object>((v) => (typeof v === "object" && v !== null) || typeof v === "function", "expected an object or a function");
const heapId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * The heap snapshot id of `value`: the `id` of its node in any snapshot of this process
 * taken later (and earlier, if it already existed then). Ids are stable for the life of
 * the process on Node and Deno.
 *
 * V8 numbers objects when it takes a snapshot; for an object created since the last
 * snapshot, this call first makes V8 number the heap, which costs about as much as
 * building a snapshot (nothing is serialized).
 *
 * Throws `SnapshotOptionsError` (`INVALID_OPTIONS`) for primitives and bad options,
 * {@link NotSupportedError} on Bun (no in-process inspector, and Bun renumbers objects in
 * every snapshot, so no id would outlive one snapshot: give the object a distinctive class
 * or property and search for that instead) and on Deno without `--allow-sys`.
 *
 * @example
 * ```ts
 * import { heapIdOf, takeSnapshot } from "@heapgraph/snapshot";
 * const suspect = cache.get("user:42");
 * const id = await heapIdOf(suspect);
 * const snap = await takeSnapshot();
 * const ordinal = snap.nodeId.indexOf(id); // the node of `suspect`
 * ```
 */
export async function heapIdOf(value: object, options: HeapIdOptions = {}): Promise<number> {
  parseSnapshotOptions(liveValue, value, "heapIdOf value");
  const { timeoutMs = DEFAULT_TIMEOUT_MS } = parseSnapshotOptions(heapIdOptions, options, "heapIdOf options");
  return adapterFor("heapIdOf").heapIdOf(value, timeoutMs);
}

/**
 * The live value whose heap snapshot id is `id`, or `undefined` when V8 knows no live
 * object by that id (collected, never numbered, or an internal object that JavaScript
 * cannot hold). Objects come back as themselves (`objectAt(await heapIdOf(x)) === x`);
 * strings and numbers come back as their value.
 *
 * Throws `SnapshotOptionsError` (`INVALID_OPTIONS`) when `id` is not a positive integer,
 * and {@link NotSupportedError} where {@link heapIdOf} does.
 *
 * @example
 * ```ts
 * import { objectAt, takeSnapshot } from "@heapgraph/snapshot";
 * const snap = await takeSnapshot();
 * const ordinal = snap.nodeName.findIndex((n) => snap.strings[n] === "Session");
 * const session = await objectAt(snap.nodeId[ordinal]);
 * console.log(session);
 * ```
 */
export async function objectAt(id: number, options: HeapIdOptions = {}): Promise<unknown> {
  parseSnapshotOptions(heapId, id, "objectAt id");
  const { timeoutMs = DEFAULT_TIMEOUT_MS } = parseSnapshotOptions(heapIdOptions, options, "objectAt options");
  return adapterFor("objectAt").objectAt(id, timeoutMs);
}

function adapterFor(operation: string): RuntimeAdapter {
  const runtime = detectRuntime();
  const adapter = runtimeAdapter(runtime);
  if (!adapter) throw new NotSupportedError(operation, runtime, "there is no node:inspector here");
  return adapter;
}
