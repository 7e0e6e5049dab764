/**
 * The one validation path of the live API: each call's options are a zod schema built from the
 * pieces here, and {@link parseLiveOptions} turns a failed check into a `LiveError`
 * `INVALID_OPTIONS` naming the call, the option and the bad value.
 *
 * @module
 */
import { parseOptions } from "@heapgraph/snapshot";
import type { HeapNode } from "@heapgraph/graph";
import { z } from "zod";
import { LiveError } from "./live-error.ts";
import type { TextSink } from "./output.ts";

/**
 * Parses a live call's `options` (undefined means none) with `schema`.
 *
 * @throws {LiveError} `INVALID_OPTIONS`: an unknown option, or a value of the wrong kind, e.g.
 * `showGrowth: limit: must be a positive whole number or Infinity (got 0)`.
 *
 * @example
 * ```ts
 * const { limit } = parseLiveOptions("showGrowth", showGrowthOptions, options);
 * ```
 */
export function parseLiveOptions<S extends z.ZodType>(call: string, schema: S, options: unknown): z.output<S> {
  return parseOptions(schema, options === undefined ? {} : options, call, (message, cause) => new LiveError("INVALID_OPTIONS", message, { cause }));
}

/**
 * The options object of a live call: exactly the keys of `shape`, all optional. An unknown key
 * (`max_depth` for `maxDepth`) is refused with the list of known ones.
 *
 * @example
 * ```ts
 * const countOptions = liveOptions({ ...SNAPSHOT_SHAPE, objects: nodesOption });
 * type CountOptions = z.input<typeof countOptions>;
 * ```
 */
export function liveOptions<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} (known: ${known})`
        : "options must be an object",
  });
}

/**
 * A callback option (`filter`, `highlight`, `extraInfo`, ...).
 *
 * @example
 * ```ts
 * const shape = { filter: callbackOption<(node: HeapNode) => boolean>() };
 * ```
 */
export function callbackOption<F extends (...args: never[]) => unknown>() {
  return z.custom<F>((v) => typeof v === "function", { error: "must be a function" }).optional();
}

/**
 * `true` or `false`.
 *
 * @example
 * ```ts
 * const shape = { internals: flagOption };
 * ```
 */
export const flagOption = z.boolean({ error: "must be true or false" }).optional();

/**
 * A whole number of at least 0 (`maxDepth`, `tooMany`).
 *
 * @example
 * ```ts
 * const shape = { maxDepth: countOption };
 * ```
 */
export const countOption = z
  .number({ error: "must be a whole number of at least 0" })
  .refine((v) => Number.isSafeInteger(v) && v >= 0, { error: "must be a whole number of at least 0" })
  .optional();

/**
 * How many rows: a positive whole number, or `Infinity` for all.
 *
 * @example
 * ```ts
 * const shape = { limit: limitOption };
 * ```
 */
export const limitOption = z
  .custom<number>((v) => v === Infinity || (Number.isSafeInteger(v) && (v as number) > 0), { error: "must be a positive whole number or Infinity" })
  .optional();

/**
 * Name patterns (`classes`, `types`): a string or RegExp, or an array of them; a pattern the
 * query cannot use is reported by the query, naming it.
 *
 * @example
 * ```ts
 * const shape = { classes: patternsOption };
 * ```
 */
export const patternsOption = z
  .union([z.string().min(1), z.instanceof(RegExp), z.array(z.union([z.string().min(1), z.instanceof(RegExp)]))], {
    error: "must be a name, a glob, a RegExp, or an array of them",
  })
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();

/**
 * Something text can be written to (objgraph's `file=`).
 *
 * @example
 * ```ts
 * const shape = { file: sinkOption };
 * ```
 */
export const sinkOption = z
  .custom<TextSink>((v) => typeof v === "object" && v !== null && typeof (v as { write?: unknown }).write === "function", {
    error: "must be an object with a write(text) method",
  })
  .optional();

/**
 * An array (or other iterable) of anything: objects to leave out (`extraIgnore`).
 *
 * @example
 * ```ts
 * const shape = { extraIgnore: iterableOption };
 * ```
 */
export const iterableOption = z
  .custom<Iterable<unknown>>((v) => typeof v === "object" && v !== null && Symbol.iterator in v, { error: "must be an array (or other iterable)" })
  .optional();

/**
 * Node handles to count among (objgraph's `objects=`); that they are node handles of one graph
 * is checked where they are used.
 *
 * @example
 * ```ts
 * const shape = { objects: nodesOption };
 * ```
 */
export const nodesOption = z
  .custom<Iterable<HeapNode>>((v) => typeof v === "object" && v !== null && Symbol.iterator in v, { error: "must be an array (or other iterable) of node handles" })
  .optional();

/**
 * The options every live call that takes a snapshot has.
 *
 * @example
 * ```ts
 * const getLeakingObjectsOptions = liveOptions({ ...SNAPSHOT_SHAPE, internals: flagOption });
 * ```
 */
export const SNAPSHOT_SHAPE = {
  /**
   * Ask for a separate full garbage collection before the snapshot (default false). V8 and
   * JavaScriptCore already collect all garbage while they build a snapshot, so nothing
   * unreachable is ever in it; the extra collection also lets pending finalizers run, and on a
   * large heap costs seconds.
   */
  gc: flagOption,
};

/**
 * A short, safe rendering of a bad argument for an error message.
 *
 * @example
 * ```ts
 * describeValue("max_depth"); // "\"max_depth\""
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "no constructor"})`;
  return `${typeof value} ${String(value)}`;
}
