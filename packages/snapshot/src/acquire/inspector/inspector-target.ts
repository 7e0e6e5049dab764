/**
 * One entry of an inspector's target list (`/json/list`), as discovery returns it.
 *
 * @module
 */

/**
 * One entry of `/json/list`: a page, a worker, a Node or Deno main thread.
 *
 * @example
 * ```ts
 * import { listInspectorTargets } from "@heapgraph/snapshot";
 * const pages = (await listInspectorTargets({ port: 9222 })).filter((t: InspectorTarget) => t.type === "page");
 * ```
 */
export interface InspectorTarget {
  id: string;
  /** `"page"`, `"node"` (Node and Deno), `"iframe"`, `"service_worker"`, `"browser_ui"`, … */
  type: string;
  title: string;
  url: string;
  /** Absent when another debugger is already attached (Node lists the target without it). */
  webSocketDebuggerUrl?: string;
  description?: string;
}
