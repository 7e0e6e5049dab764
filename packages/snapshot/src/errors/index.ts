/**
 * `@heapgraph/snapshot/errors`: the error base of every heapgraph package and the zod helper that
 * turns a failed option check into a typed error. Pure (no runtime APIs), so that the pure packages
 * (`@heapgraph/graph`, `@heapgraph/render`) import it without pulling in the snapshot package's file,
 * inspector and runtime code.
 *
 * @example
 * ```ts
 * import { HeapgraphError, parseOptions } from "@heapgraph/snapshot/errors";
 * ```
 *
 * @module
 */
export { HeapgraphError } from "./heapgraph-error.ts";
export { describeZodError, parseOptions } from "./parse-options.ts";
