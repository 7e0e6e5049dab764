import type { HeapSnapshot, SnapshotHeader, SnapshotLocations } from "./heap-snapshot.ts";

/** The shape of a V8 heap snapshot after `JSON.parse`. */
export interface V8SnapshotJson {
  snapshot: SnapshotHeader;
  nodes: ArrayLike<number>;
  edges: ArrayLike<number>;
  strings: readonly string[];
  locations?: ArrayLike<number>;
  [section: string]: unknown;
}

const KNOWN_NODE_FIELDS = new Set(["type", "name", "id", "self_size", "edge_count", "trace_node_id", "detachedness"]);
const KNOWN_EDGE_FIELDS = new Set(["type", "name_or_index", "to_node"]);
const KNOWN_SECTIONS = new Set(["snapshot", "nodes", "edges", "trace_function_infos", "trace_tree", "samples", "locations", "strings"]);

/**
 * Builds the columnar {@link HeapSnapshot} from a V8 heap snapshot that is already
 * parsed JSON: small snapshots, test data, or objects you already hold in memory.
 * Large files should go through `readSnapshot`, which streams and never builds the JSON object.
 *
 * @example
 * ```ts
 * const snap = snapshotFromJson(JSON.parse(text));
 * console.log(snap.nodeCount);
 * ```
 */
export function snapshotFromJson(json: V8SnapshotJson): HeapSnapshot {
  const header = json.snapshot;
  const meta = header.meta;
  const nodeFields = meta.node_fields;
  const edgeFields = meta.edge_fields;
  const nodeFieldCount = nodeFields.length;
  const edgeFieldCount = edgeFields.length;
  const nodeCount = json.nodes.length / nodeFieldCount;
  const edgeCount = json.edges.length / edgeFieldCount;
  const at = (fields: readonly string[], name: string) => fields.indexOf(name);
  const nType = at(nodeFields, "type"), nName = at(nodeFields, "name"), nId = at(nodeFields, "id");
  const nSize = at(nodeFields, "self_size"), nEdges = at(nodeFields, "edge_count");
  const nTrace = at(nodeFields, "trace_node_id"), nDetached = at(nodeFields, "detachedness");
  const eType = at(edgeFields, "type"), eName = at(edgeFields, "name_or_index"), eTo = at(edgeFields, "to_node");

  const nodeType = new Uint8Array(nodeCount);
  const nodeName = new Uint32Array(nodeCount);
  const nodeId = new Uint32Array(nodeCount);
  const nodeSelfSize = new Float64Array(nodeCount);
  const nodeEdgeCount = new Uint32Array(nodeCount);
  const nodeTraceId = nTrace >= 0 ? new Uint32Array(nodeCount) : null;
  const nodeDetachedness = nDetached >= 0 ? new Uint8Array(nodeCount) : null;
  const firstEdge = new Uint32Array(nodeCount + 1);
  const extraNodeFields = new Map<string, Float64Array>();
  nodeFields.forEach((f) => KNOWN_NODE_FIELDS.has(f) || extraNodeFields.set(f, new Float64Array(nodeCount)));
  const n = json.nodes;
  for (let i = 0, o = 0; i < nodeCount; i++, o += nodeFieldCount) {
    nodeType[i] = n[o + nType];
    nodeName[i] = n[o + nName];
    nodeId[i] = n[o + nId];
    nodeSelfSize[i] = n[o + nSize];
    nodeEdgeCount[i] = n[o + nEdges];
    firstEdge[i + 1] = firstEdge[i] + n[o + nEdges];
    if (nodeTraceId) nodeTraceId[i] = n[o + nTrace];
    if (nodeDetachedness) nodeDetachedness[i] = n[o + nDetached];
    for (const [f, col] of extraNodeFields) col[i] = n[o + nodeFields.indexOf(f)];
  }

  const edgeType = new Uint8Array(edgeCount);
  const edgeNameOrIndex = new Uint32Array(edgeCount);
  const edgeTarget = new Uint32Array(edgeCount);
  const extraEdgeFields = new Map<string, Float64Array>();
  edgeFields.forEach((f) => KNOWN_EDGE_FIELDS.has(f) || extraEdgeFields.set(f, new Float64Array(edgeCount)));
  const e = json.edges;
  for (let i = 0, o = 0; i < edgeCount; i++, o += edgeFieldCount) {
    edgeType[i] = e[o + eType];
    edgeNameOrIndex[i] = e[o + eName];
    edgeTarget[i] = e[o + eTo] / nodeFieldCount;
    for (const [f, col] of extraEdgeFields) col[i] = e[o + edgeFields.indexOf(f)];
  }

  let locations: SnapshotLocations | null = null;
  if (json.locations && meta.location_fields) {
    const lf = meta.location_fields;
    const per = lf.length;
    const count = json.locations.length / per;
    const objectOrdinal = new Uint32Array(count), scriptId = new Uint32Array(count);
    const line = new Uint32Array(count), column = new Uint32Array(count);
    const lObj = at(lf, "object_index"), lScript = at(lf, "script_id"), lLine = at(lf, "line"), lCol = at(lf, "column");
    for (let i = 0, o = 0; i < count; i++, o += per) {
      objectOrdinal[i] = json.locations[o + lObj] / nodeFieldCount;
      scriptId[i] = json.locations[o + lScript];
      line[i] = json.locations[o + lLine];
      column[i] = json.locations[o + lCol];
    }
    locations = { count, objectOrdinal, scriptId, line, column };
  }

  const extraSections = new Map<string, unknown>();
  for (const key of Object.keys(json)) if (!KNOWN_SECTIONS.has(key)) extraSections.set(key, json[key]);
  const enumNames = (types: SnapshotHeader["meta"]["node_types"], index: number) => {
    const t = types[index];
    return Array.isArray(t) ? (t as readonly string[]) : [];
  };
  return {
    format: "v8",
    header,
    nodeCount,
    edgeCount,
    rootOrdinal: header.root_index !== undefined ? header.root_index / nodeFieldCount : 0,
    nodeTypeNames: enumNames(meta.node_types, nType),
    edgeTypeNames: enumNames(meta.edge_types, eType),
    nodeType, nodeName, nodeId, nodeSelfSize, nodeEdgeCount, nodeTraceId, nodeDetachedness,
    extraNodeFields, firstEdge,
    edgeType, edgeNameOrIndex, edgeTarget, extraEdgeFields,
    strings: json.strings,
    locations,
    traces: null,
    extraSections,
  };
}
