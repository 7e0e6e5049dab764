/**
 * `heapgraph refs FILE --id ID`: what an object refers to (objgraph's `show_refs`).
 *
 * @module
 */
import { subgraphCommand } from "./subgraph-command.ts";

/**
 * `refs FILE (--id ID | --type NAME) [--depth N] [--too-many N] [--dot F] [--svg F] [--html F]`.
 * JSON: `{ file, kind, target, nodes: [{ id, type, className, preview, selfSize, retainedSize, depth, role, truncated }], edges: [{ from, to, type, name }], depthLimited, files }`.
 *
 * @example
 * ```ts
 * await main(["refs", "app.heapsnapshot", "--id", "12345", "--svg", "refs.svg"]);
 * ```
 */
export const refsCommand = subgraphCommand("refs");
