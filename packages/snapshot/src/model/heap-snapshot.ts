/**
 * The columnar in-memory model of a heap snapshot (DESIGN.md §2).
 *
 * One typed array per field, indexed by node *ordinal* (0..nodeCount-1) or by
 * edge index (0..edgeCount-1). A node's outgoing edges are the contiguous range
 * `firstEdge[ordinal] .. firstEdge[ordinal + 1]`. Edge targets are ordinals,
 * not the flat offsets the file uses.
 *
 * @module
 */

/**
 * The `snapshot.meta` object of a V8 heap snapshot, as found in the file.
 *
 * @example
 * ```ts
 * const { node_fields, edge_fields } = snap.header.meta; // e.g. ["type","name","id","self_size","edge_count",...]
 * ```
 */
export interface SnapshotMeta {
  /** Field names of one node record, in file order, e.g. `["type","name","id",...]`. */
  readonly node_fields: readonly string[];
  /** Per node field: an enum list (array of names) or a scalar type name such as `"string"` or `"number"`. */
  readonly node_types: readonly (readonly string[] | string)[];
  readonly edge_fields: readonly string[];
  readonly edge_types: readonly (readonly string[] | string)[];
  readonly trace_function_info_fields?: readonly string[];
  readonly trace_node_fields?: readonly string[];
  readonly sample_fields?: readonly string[];
  readonly location_fields?: readonly string[];
  /** Fields this version does not know are carried unchanged. */
  readonly [extra: string]: unknown;
}

/**
 * The `snapshot` header object: meta plus counts and whatever else the producer wrote.
 *
 * @example
 * ```ts
 * console.log(snap.header.node_count, snap.header.meta.node_fields.length, "fields per node");
 * ```
 */
export interface SnapshotHeader {
  readonly meta: SnapshotMeta;
  readonly node_count: number;
  readonly edge_count: number;
  readonly trace_function_count?: number;
  readonly root_index?: number;
  readonly extra_native_bytes?: number;
  readonly [extra: string]: unknown;
}

/**
 * Script positions of functions and other objects (`locations` section), by node ordinal.
 *
 * @example
 * ```ts
 * const loc = snap.locations;
 * if (loc) for (let k = 0; k < loc.count; k++) console.log(loc.objectOrdinal[k], `${loc.scriptId[k]}:${loc.line[k]}:${loc.column[k]}`);
 * ```
 */
export interface SnapshotLocations {
  readonly count: number;
  readonly objectOrdinal: Uint32Array;
  readonly scriptId: Uint32Array;
  readonly line: Uint32Array;
  readonly column: Uint32Array;
  /**
   * Location fields this version does not interpret (Chrome's `script_object_index`), by
   * field name, one raw number per location, exactly as in the file. Absent when there are none.
   */
  readonly extraFields?: ReadonlyMap<string, Float64Array>;
}

/**
 * Allocation-tracking sections, present only when the producer tracked allocations.
 * Kept as flat numbers so that writing the snapshot back reproduces them.
 *
 * @example
 * ```ts
 * const perInfo = snap.header.meta.trace_function_info_fields?.length ?? 6;
 * console.log(snap.traces ? snap.traces.functionInfos.length / perInfo : 0, "allocating functions");
 * ```
 */
export interface AllocationTraces {
  /** `trace_function_infos`, flat, `meta.trace_function_info_fields.length` numbers per function. */
  readonly functionInfos: Float64Array;
  /**
   * `trace_tree` as a flat token stream: numbers in order, with the nesting encoded
   * as {@link TRACE_TREE_OPEN} / {@link TRACE_TREE_CLOSE} markers (negative numbers never occur in the tree).
   */
  readonly tree: Float64Array;
  /** `samples`, flat, `meta.sample_fields.length` numbers per sample. */
  readonly samples: Float64Array;
}

/**
 * Marker in {@link AllocationTraces.tree} for `[`.
 *
 * @example
 * ```ts
 * const depth = snap.traces?.tree.filter((v) => v === TRACE_TREE_OPEN).length ?? 0;
 * ```
 */
export const TRACE_TREE_OPEN = -1;
/**
 * Marker in {@link AllocationTraces.tree} for `]`.
 *
 * @example
 * ```ts
 * const closed = snap.traces?.tree.filter((v) => v === TRACE_TREE_CLOSE).length ?? 0;
 * ```
 */
export const TRACE_TREE_CLOSE = -2;

/**
 * Where a snapshot came from: V8's JSON format, or JavaScriptCore's (Bun) mapped onto it.
 *
 * @example
 * ```ts
 * if (snap.format === "jsc") console.log("JavaScriptCore: no string contents, no function names");
 * ```
 */
export type SnapshotFormat = "v8" | "jsc";

/**
 * A parsed heap snapshot in columns.
 *
 * @example
 * ```ts
 * import { readSnapshot } from "@heapgraph/snapshot";
 * const snap = await readSnapshot("app.heapsnapshot");
 * let total = 0;
 * for (let i = 0; i < snap.nodeCount; i++) total += snap.nodeSelfSize[i];
 * console.log(snap.nodeCount, "nodes,", total, "bytes");
 * ```
 */
export interface HeapSnapshot {
  readonly format: SnapshotFormat;
  /** The header as found in the file; `meta` says how to read the columns back out. */
  readonly header: SnapshotHeader;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Ordinal of the synthetic root (from `root_index` when present, else 0). */
  readonly rootOrdinal: number;
  /** Names of node type codes (`meta.node_types[typeField]`), e.g. `"object"`, `"closure"`. */
  readonly nodeTypeNames: readonly string[];
  /** Names of edge type codes, e.g. `"property"`, `"weak"`. */
  readonly edgeTypeNames: readonly string[];

  /** Node type code, an index into {@link nodeTypeNames}. */
  readonly nodeType: Uint8Array;
  /** Node name as an index into {@link strings}. */
  readonly nodeName: Uint32Array;
  /** V8 heap object id (odd: JS heap object; even: embedder object). */
  readonly nodeId: Uint32Array;
  /** Shallow size in bytes. */
  readonly nodeSelfSize: Float64Array;
  /**
   * Allocation trace node id, or null when the file has no `trace_node_id` field or every
   * node's is 0 (no allocation tracking: Node 20 writes the field anyway). Writers write 0s
   * for null when `meta.node_fields` lists the field.
   */
  readonly nodeTraceId: Uint32Array | null;
  /** 0 unknown, 1 attached, 2 detached; null when the file has no `detachedness` field. */
  readonly nodeDetachedness: Uint8Array | null;
  /** Node fields this version does not interpret, by field name, one number per node. */
  readonly extraNodeFields: ReadonlyMap<string, Float64Array>;
  /**
   * Prefix sum of edge counts, length `nodeCount + 1`: node `i`'s edges are
   * `firstEdge[i] .. firstEdge[i + 1]`, so its edge count (the file's `edge_count`) is
   * `firstEdge[i + 1] - firstEdge[i]`.
   */
  readonly firstEdge: Uint32Array;

  /** Edge type code, an index into {@link edgeTypeNames}. */
  readonly edgeType: Uint8Array;
  /** A string index for named edges; the element/hidden index for `element` and `hidden` edges. */
  readonly edgeNameOrIndex: Uint32Array;
  /** Target node *ordinal* (the file's flat offset divided by the node field count). */
  readonly edgeTarget: Uint32Array;
  /** Edge fields this version does not interpret, by field name, one number per edge. */
  readonly extraEdgeFields: ReadonlyMap<string, Float64Array>;

  /** The string table; `strings[0]` is a placeholder in V8 output. */
  readonly strings: readonly string[];
  /** Script positions, or null when the file has no `locations` section. */
  readonly locations: SnapshotLocations | null;
  /** Allocation traces, or null when tracking was off. */
  readonly traces: AllocationTraces | null;
  /** Top-level sections this version does not know, carried as parsed JSON. */
  readonly extraSections: ReadonlyMap<string, unknown>;
}
