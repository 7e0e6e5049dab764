/**
 * `heapgraph backrefs FILE --id ID`: what refers to an object (objgraph's `show_backrefs`).
 *
 * @module
 */
import { subgraphCommand } from "./subgraph-command.ts";

/**
 * `backrefs FILE (--id ID | --type NAME) [--depth N] [--too-many N] [--dot F] [--svg F] [--html F]`.
 * JSON as for `refs`; edges still point from holder to held.
 *
 * @example
 * ```ts
 * await main(["backrefs", "app.heapsnapshot", "--type", "RequestContext", "--html", "backrefs.html"]);
 * ```
 */
export const backrefsCommand = subgraphCommand("backrefs");
