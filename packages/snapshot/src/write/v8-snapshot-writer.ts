/**
 * Serializes a {@link HeapSnapshot} as V8 heap snapshot JSON, sections in V8's order
 * (`snapshot`, `nodes`, `edges`, `trace_function_infos`, `trace_tree`, `samples`,
 * `locations`, other sections, `strings`), which Chrome DevTools' loader relies on.
 * Field positions come from the header's `meta`, so reading the output gives the same columns.
 *
 * @module
 */
import { SnapshotOptionsError } from "../errors/snapshot-options-error.ts";
import { TRACE_TREE_CLOSE, TRACE_TREE_OPEN, type HeapSnapshot, type SnapshotHeader, type SnapshotMeta } from "../model/heap-snapshot.ts";
import { REQUIRED_EDGE_FIELDS, REQUIRED_NODE_FIELDS, V8_LOCATION_FIELDS, V8_TRACE_FUNCTION_INFO_FIELDS } from "../model/v8-format.ts";
import type { ByteWriter } from "./byte-writer.ts";

const COMMA = 0x2c;

/**
 * Writes `snapshot` in V8 format to `out`, flushing chunk by chunk.
 * Throws `SnapshotOptionsError` (`INVALID_OPTIONS`) when the snapshot's header does not describe its columns.
 *
 * @example
 * ```ts
 * const w = new ByteWriter(async (chunk) => file.write(chunk));
 * await serializeV8(snapshot, w);
 * await w.flush();
 * ```
 */
export async function serializeV8(snapshot: HeapSnapshot, out: ByteWriter): Promise<void> {
  const header = outputHeader(snapshot);
  const meta = header.meta;
  out.ascii('{"snapshot":');
  await out.utf8(JSON.stringify(header));
  await out.utf8(',\n"nodes":[');
  await writeNodes(snapshot, meta.node_fields, out);
  await out.utf8('],\n"edges":[');
  await writeEdges(snapshot, meta.edge_fields, meta.node_fields.length, out);
  await out.utf8('],\n"trace_function_infos":[');
  await writeFlat(snapshot.traces?.functionInfos, out);
  await out.utf8('],\n"trace_tree":[');
  await writeTree(snapshot.traces?.tree, out);
  await out.utf8('],\n"samples":[');
  await writeFlat(snapshot.traces?.samples, out);
  await out.utf8('],\n"locations":[');
  await writeLocations(snapshot, meta.location_fields ?? V8_LOCATION_FIELDS, meta.node_fields.length, out);
  await out.utf8("]");
  for (const [key, value] of snapshot.extraSections) {
    await out.utf8(",\n");
    await out.utf8(JSON.stringify(key));
    out.byte(0x3a);
    await out.utf8(JSON.stringify(value) ?? "null");
  }
  await out.utf8(',\n"strings":[');
  const strings = snapshot.strings;
  for (let i = 0; i < strings.length; i++) {
    if (i > 0) out.ascii(",\n");
    const pending = out.utf8(JSON.stringify(strings[i]));
    if (pending) await pending;
  }
  await out.utf8("]}\n");
}

/** The header to write: the snapshot's own, with counts, root index and location fields made consistent with the columns. */
function outputHeader(snapshot: HeapSnapshot): SnapshotHeader {
  const header = snapshot.header;
  const meta = header.meta;
  for (const name of REQUIRED_NODE_FIELDS) {
    if (!meta.node_fields.includes(name)) throw new SnapshotOptionsError(`writeSnapshot snapshot: header.meta.node_fields lacks "${name}" (got ${JSON.stringify(meta.node_fields)})`);
  }
  for (const name of REQUIRED_EDGE_FIELDS) {
    if (!meta.edge_fields.includes(name)) throw new SnapshotOptionsError(`writeSnapshot snapshot: header.meta.edge_fields lacks "${name}" (got ${JSON.stringify(meta.edge_fields)})`);
  }
  if (snapshot.firstEdge.length < snapshot.nodeCount + 1 || snapshot.edgeTarget.length < snapshot.edgeCount) {
    throw new SnapshotOptionsError(
      `writeSnapshot snapshot: the columns are shorter than nodeCount / edgeCount (got firstEdge ${snapshot.firstEdge.length} for ${snapshot.nodeCount} nodes, edgeTarget ${snapshot.edgeTarget.length} for ${snapshot.edgeCount} edges)`,
    );
  }
  let outMeta: SnapshotMeta = meta;
  const locations = snapshot.locations;
  if (locations && !meta.location_fields) {
    outMeta = { ...meta, location_fields: [...V8_LOCATION_FIELDS, ...(locations.extraFields?.keys() ?? [])] };
  }
  const nodeFieldCount = meta.node_fields.length;
  const traceFields = meta.trace_function_info_fields?.length ?? V8_TRACE_FUNCTION_INFO_FIELDS.length;
  const result: Record<string, unknown> = { ...header, meta: outMeta, node_count: snapshot.nodeCount, edge_count: snapshot.edgeCount };
  // A header's own count is kept (V8's may be below the number of infos it wrote); one is added when missing.
  if (header.trace_function_count === undefined && snapshot.traces) {
    result.trace_function_count = Math.floor(snapshot.traces.functionInfos.length / traceFields);
  }
  if (snapshot.rootOrdinal !== 0 || header.root_index !== undefined) result.root_index = snapshot.rootOrdinal * nodeFieldCount;
  return result as unknown as SnapshotHeader;
}

async function writeNodes(snapshot: HeapSnapshot, fields: readonly string[], out: ByteWriter): Promise<void> {
  const zeros = new Float64Array(snapshot.nodeCount);
  const columns: ArrayLike<number>[] = fields.map((name) => {
    switch (name) {
      case "type": return snapshot.nodeType;
      case "name": return snapshot.nodeName;
      case "id": return snapshot.nodeId;
      case "self_size": return snapshot.nodeSelfSize;
      case "edge_count": return edgeCounts(snapshot);
      case "trace_node_id": return snapshot.nodeTraceId ?? zeros;
      case "detachedness": return snapshot.nodeDetachedness ?? zeros;
      default: return snapshot.extraNodeFields.get(name) ?? zeros;
    }
  });
  await writeRecords(columns, snapshot.nodeCount, -1, 1, out);
}

/** Each node's edge count, from the `firstEdge` prefix sum. */
function edgeCounts(snapshot: HeapSnapshot): Uint32Array {
  const { firstEdge, nodeCount } = snapshot;
  const counts = new Uint32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) counts[i] = firstEdge[i + 1] - firstEdge[i];
  return counts;
}

async function writeEdges(snapshot: HeapSnapshot, fields: readonly string[], nodeFieldCount: number, out: ByteWriter): Promise<void> {
  const zeros = new Float64Array(snapshot.edgeCount);
  let targetField = -1;
  const columns: ArrayLike<number>[] = fields.map((name, k) => {
    switch (name) {
      case "type": return snapshot.edgeType;
      case "name_or_index": return snapshot.edgeNameOrIndex;
      case "to_node": targetField = k; return snapshot.edgeTarget;
      default: return snapshot.extraEdgeFields.get(name) ?? zeros;
    }
  });
  await writeRecords(columns, snapshot.edgeCount, targetField, nodeFieldCount, out);
}

async function writeLocations(snapshot: HeapSnapshot, fields: readonly string[], nodeFieldCount: number, out: ByteWriter): Promise<void> {
  const loc = snapshot.locations;
  if (!loc) return;
  const zeros = new Float64Array(loc.count);
  let objectField = -1;
  const columns: ArrayLike<number>[] = fields.map((name, k) => {
    switch (name) {
      case "object_index": objectField = k; return loc.objectOrdinal;
      case "script_id": return loc.scriptId;
      case "line": return loc.line;
      case "column": return loc.column;
      default: return loc.extraFields?.get(name) ?? zeros;
    }
  });
  await writeRecords(columns, loc.count, objectField, nodeFieldCount, out);
}

/** Writes `count` records, one value per column, comma-separated; `scaled` column multiplied by `scale`. */
async function writeRecords(columns: ArrayLike<number>[], count: number, scaled: number, scale: number, out: ByteWriter): Promise<void> {
  const width = columns.length;
  // A value takes at most 16 digits and a comma.
  const room = width * 17 + 1;
  for (let r = 0; r < count; r++) {
    if (!out.hasRoom(room)) await out.flush();
    if (r > 0) out.byte(COMMA);
    for (let f = 0; f < width; f++) {
      if (f > 0) out.byte(COMMA);
      const v = columns[f][r];
      out.uint(f === scaled ? v * scale : v);
    }
  }
}

async function writeFlat(values: Float64Array | undefined, out: ByteWriter): Promise<void> {
  if (!values) return;
  for (let i = 0; i < values.length; i++) {
    if (!out.hasRoom(18)) await out.flush();
    if (i > 0) out.byte(COMMA);
    out.uint(values[i]);
  }
}

async function writeTree(tree: Float64Array | undefined, out: ByteWriter): Promise<void> {
  if (!tree) return;
  let needComma = false;
  for (let i = 0; i < tree.length; i++) {
    if (!out.hasRoom(18)) await out.flush();
    const v = tree[i];
    if (v === TRACE_TREE_CLOSE) {
      out.byte(0x5d);
      needComma = true;
    } else {
      if (needComma) out.byte(COMMA);
      if (v === TRACE_TREE_OPEN) {
        out.byte(0x5b);
        needComma = false;
      } else {
        out.uint(v);
        needComma = true;
      }
    }
  }
}
