/**
 * objgraph's filter as tool inputs (`classes`, `types`, `user`, and `all` where noise is hidden
 * by default), and the graph queries' options from them.
 *
 * @module
 */
import type { NoiseFilterOptions } from "@heapgraph/graph";
import { z } from "zod";

/**
 * The narrowing filters: class patterns, V8 node types, user objects only.
 *
 * @example
 * ```ts
 * const input = { snapshot: snapshotRef, ...filterInput };
 * ```
 */
export const filterInput = {
  classes: z.array(z.string().min(1)).max(20).optional().describe("only classes whose name matches one of these: a glob (Request*) or a /regex/"),
  types: z.array(z.string().min(1)).max(20).optional().describe("only nodes of these V8 node types (object, closure, string, native, …)"),
  user: z.boolean().optional().describe("only user objects: no engine internals, heapgraph's own objects or runtime internals"),
};

/**
 * {@link filterInput} and `all`, for the questions that hide noise by default.
 *
 * @example
 * ```ts
 * const input = { before: snapshotRef, after: snapshotRef, ...noiseInput };
 * ```
 */
export const noiseInput = {
  all: z.boolean().optional().describe("also show what is hidden by default: heapgraph's own objects, engine internals ((compiled code), (string), …)"),
  ...filterInput,
};

/**
 * The queries' noise options from the tool's input.
 *
 * @example
 * ```ts
 * growth(before, after, { ...noiseOptions(args) });
 * ```
 */
export function noiseOptions(args: { all?: boolean | undefined; classes?: string[] | undefined; types?: string[] | undefined; user?: boolean | undefined }): NoiseFilterOptions {
  return {
    ...(args.all ? { all: true } : {}),
    ...(args.classes ? { classes: args.classes } : {}),
    ...(args.types ? { types: args.types } : {}),
    ...(args.user ? { user: true } : {}),
  };
}
