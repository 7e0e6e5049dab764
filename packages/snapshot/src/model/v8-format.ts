/**
 * The vocabulary of V8's heap snapshot format that the model is described in: the node and
 * edge type names in V8's order, the fields every node and edge record has, and V8's own field
 * lists for locations and allocation traces. The reader checks headers against it, the writer
 * writes it, and the JavaScriptCore mapping gives it to snapshots that have no header of
 * their own.
 *
 * @module
 */

/**
 * V8's node types, in V8's order (`meta.node_types[0]` of a V8 snapshot).
 *
 * @example
 * ```ts
 * V8_NODE_TYPE_NAMES.indexOf("closure"); // 5
 * ```
 */
export const V8_NODE_TYPE_NAMES = [
  "hidden", "array", "string", "object", "code", "closure", "regexp", "number", "native",
  "synthetic", "concatenated string", "sliced string", "symbol", "bigint", "object shape",
] as const;

/**
 * V8's edge types, in V8's order (`meta.edge_types[0]` of a V8 snapshot).
 *
 * @example
 * ```ts
 * V8_EDGE_TYPE_NAMES.indexOf("weak"); // 6
 * ```
 */
export const V8_EDGE_TYPE_NAMES = ["context", "element", "property", "internal", "hidden", "shortcut", "weak"] as const;

/**
 * The node fields without which the columns cannot be read or written.
 *
 * @example
 * ```ts
 * REQUIRED_NODE_FIELDS.every((f) => snap.header.meta.node_fields.includes(f)); // true for every readable snapshot
 * ```
 */
export const REQUIRED_NODE_FIELDS: readonly string[] = ["type", "name", "id", "self_size", "edge_count"];

/**
 * The edge fields without which the columns cannot be read or written.
 *
 * @example
 * ```ts
 * REQUIRED_EDGE_FIELDS.every((f) => snap.header.meta.edge_fields.includes(f)); // true for every readable snapshot
 * ```
 */
export const REQUIRED_EDGE_FIELDS: readonly string[] = ["type", "name_or_index", "to_node"];

/**
 * Edge types whose `name_or_index` is a number (an element or hidden index), not a string
 * index, as in DevTools.
 *
 * @example
 * ```ts
 * INDEX_EDGE_TYPES.has("element"); // true
 * ```
 */
export const INDEX_EDGE_TYPES: ReadonlySet<string> = new Set(["element", "hidden"]);

/**
 * V8's `meta.location_fields`, used when a snapshot has locations but its header lists no fields for them.
 *
 * @example
 * ```ts
 * const fields = snap.header.meta.location_fields ?? V8_LOCATION_FIELDS;
 * ```
 */
export const V8_LOCATION_FIELDS: readonly string[] = ["object_index", "script_id", "line", "column"];

/**
 * V8's `meta.trace_function_info_fields`: one allocation-trace function record.
 *
 * @example
 * ```ts
 * const perInfo = snap.header.meta.trace_function_info_fields?.length ?? V8_TRACE_FUNCTION_INFO_FIELDS.length;
 * ```
 */
export const V8_TRACE_FUNCTION_INFO_FIELDS: readonly string[] = ["function_id", "name", "script_name", "script_id", "line", "column"];

/**
 * V8's `meta.trace_node_fields`: one allocation-trace tree node.
 *
 * @example
 * ```ts
 * V8_TRACE_NODE_FIELDS.includes("children"); // true
 * ```
 */
export const V8_TRACE_NODE_FIELDS: readonly string[] = ["id", "function_info_index", "count", "size", "children"];

/**
 * V8's `meta.sample_fields`: one allocation sample.
 *
 * @example
 * ```ts
 * V8_SAMPLE_FIELDS; // ["timestamp_us", "last_assigned_id"]
 * ```
 */
export const V8_SAMPLE_FIELDS: readonly string[] = ["timestamp_us", "last_assigned_id"];
