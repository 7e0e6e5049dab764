/**
 * One element of a retainer trace: a node or an edge, as leak clustering compares them.
 *
 * @example
 * ```ts
 * const trace: TraceElement[] = [{ kind: "node", type: "object", name: "Cache" }, { kind: "edge", type: "property", name: "items" }];
 * ```
 */
export type TraceElement =
  | { readonly kind: "node"; readonly type: string; readonly name: string }
  | { readonly kind: "edge"; readonly type: string; readonly name: string };
