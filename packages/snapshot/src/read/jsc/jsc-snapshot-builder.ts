/**
 * Reads JavaScriptCore's heap snapshot format (Bun's default `Bun.generateHeapSnapshot()`
 * and WebKit's inspector `Heap.snapshot`) into the V8-shaped columnar model:
 *
 * ```
 * { "version": 3, "type": "Inspector",
 *   "nodes": [id, size, classNameIndex, flags, ...],  "nodeClassNames": [...],
 *   "edges": [fromId, toId, edgeTypeIndex, extra, ...], "edgeTypes": [...], "edgeNames": [...] }
 * ```
 *
 * Edges refer to node ids and come sorted by source id; nodes come in any order. The
 * builder maps ids to ordinals, groups edges by source (counting sort, file order kept
 * within a node) and translates kinds with `jsc-kinds.ts`.
 *
 * @module
 */
import type { HeapSnapshot, SnapshotHeader } from "../../model/heap-snapshot.ts";
import {
  REQUIRED_EDGE_FIELDS, REQUIRED_NODE_FIELDS, V8_EDGE_TYPE_NAMES, V8_LOCATION_FIELDS, V8_NODE_TYPE_NAMES, V8_SAMPLE_FIELDS, V8_TRACE_FUNCTION_INFO_FIELDS,
  V8_TRACE_NODE_FIELDS,
} from "../../model/v8-format.ts";
import type { FormatBuilder } from "../format-builder.ts";
import { FlatNumberReader } from "../json/flat-number-reader.ts";
import { JsonValueReader } from "../json/json-value-reader.ts";
import type { ParseContext } from "../json/parse-context.ts";
import { StringArrayReader } from "../json/string-array-reader.ts";
import type { ValueReader } from "../json/value-reader.ts";
import { EDGE_ELEMENT, EDGE_INTERNAL, EDGE_SHORTCUT, GC_ROOTS_ID, isJscGlobalClass, jscEdgeType, jscNodeType, v8IdOfJscId } from "./jsc-kinds.ts";

const NODE_FIELDS = 4;
const EDGE_FIELDS = 4;
const MAX_JSC_ID = 0x7ffffffe;

/** The node fields of the V8-shaped header given to JSC snapshots. */
const JSC_NODE_FIELDS = [...REQUIRED_NODE_FIELDS, "jsc_flags"];

/**
 * Collects the JSC sections, then converts.
 *
 * @example
 * ```ts
 * const builder = new JscSnapshotBuilder(ctx); // chosen by the parser on a first key "version"
 * ```
 */
export class JscSnapshotBuilder implements FormatBuilder {
  readonly #ctx: ParseContext;
  readonly #numbers = new Map<string, FlatNumberReader>();
  readonly #strings = new Map<string, string[]>();
  readonly #scalars = new Map<string, unknown>();
  readonly #extraSections = new Map<string, unknown>();

  constructor(ctx: ParseContext) {
    this.#ctx = ctx;
  }

  reader(key: string, _index: number): ValueReader {
    const ctx = this.#ctx;
    switch (key) {
      case "version":
      case "type":
        return new JsonValueReader(ctx, key, 4096);
      case "nodes":
      case "edges": {
        const r = new FlatNumberReader(ctx, key, false);
        this.#numbers.set(key, r);
        return r;
      }
      case "nodeClassNames":
      case "edgeTypes":
      case "edgeNames": {
        const out: string[] = [];
        this.#strings.set(key, out);
        return new StringArrayReader(ctx, key, out);
      }
    }
    return new JsonValueReader(ctx, key, 256 << 20);
  }

  complete(key: string, reader: ValueReader): void {
    if (!(reader instanceof JsonValueReader)) return;
    const value = reader.value();
    if (key === "version" || key === "type") {
      this.#scalars.set(key, value);
      if (key === "type" && value !== "Inspector") {
        throw this.#ctx.error("UNSUPPORTED_META", "only JavaScriptCore \"Inspector\" snapshots are supported", "type", null, {
          expected: '"Inspector"',
          found: JSON.stringify(value),
        });
      }
      if (key === "version" && (typeof value !== "number" || ![1, 2, 3].includes(value))) {
        throw this.#ctx.error("UNSUPPORTED_META", "unknown JavaScriptCore snapshot version", "version", null, {
          expected: "1, 2 or 3",
          found: JSON.stringify(value),
        });
      }
    } else this.#extraSections.set(key, value);
  }

  finish(): HeapSnapshot {
    const ctx = this.#ctx;
    const need = <T>(value: T | undefined, name: string): T => {
      if (value === undefined) throw ctx.error("NOT_A_HEAP_SNAPSHOT", `no "${name}" in a JavaScriptCore snapshot`, null, null);
      return value;
    };
    need(this.#scalars.get("version"), "version");
    need(this.#scalars.get("type"), "type");
    return jscToSnapshot(ctx, {
      version: this.#scalars.get("version") as number,
      nodes: need(this.#numbers.get("nodes"), "nodes").result(),
      edges: need(this.#numbers.get("edges"), "edges").result(),
      classNames: need(this.#strings.get("nodeClassNames"), "nodeClassNames"),
      edgeTypes: need(this.#strings.get("edgeTypes"), "edgeTypes"),
      edgeNames: need(this.#strings.get("edgeNames"), "edgeNames"),
      extraSections: this.#extraSections,
    });
  }
}

interface JscParts {
  version: number;
  nodes: Float64Array;
  edges: Float64Array;
  classNames: string[];
  edgeTypes: string[];
  edgeNames: string[];
  extraSections: Map<string, unknown>;
}

function jscToSnapshot(ctx: ParseContext, parts: JscParts): HeapSnapshot {
  const { nodes, edges, classNames, edgeNames } = parts;
  if (nodes.length % NODE_FIELDS !== 0) {
    throw ctx.error("COUNT_MISMATCH", `"nodes" is not a whole number of ${NODE_FIELDS}-field records`, "nodes", null, { found: `${nodes.length} values` });
  }
  if (edges.length % EDGE_FIELDS !== 0) {
    throw ctx.error("COUNT_MISMATCH", `"edges" is not a whole number of ${EDGE_FIELDS}-field records`, "edges", null, { found: `${edges.length} values` });
  }
  const jscNodeCount = nodes.length / NODE_FIELDS;
  const jscEdgeCount = edges.length / EDGE_FIELDS;
  // One node is added: "(GC roots)", last, as in V8 the holder of everything the root holds
  // but the global objects. The root gets one more edge, to it.
  const gcRoots = jscNodeCount;
  const nodeCount = jscNodeCount + 1;
  const edgeCount = jscEdgeCount + 1;
  // Strings: placeholder, "" for unnamed internal edges, "(GC roots)", class names, edge names.
  const strings = ["<dummy>", "", "(GC roots)", ...classNames, ...edgeNames];
  const classBase = 3;
  const edgeNameBase = 3 + classNames.length;

  const nodeType = new Uint8Array(nodeCount);
  const nodeName = new Uint32Array(nodeCount);
  const nodeId = new Uint32Array(nodeCount);
  const nodeSelfSize = new Float64Array(nodeCount);
  const flagsColumn = new Float64Array(nodeCount);
  const ordinalOf = idIndex(ctx, nodes, jscNodeCount);
  let rootOrdinal = -1;
  for (let i = 0, o = 0; i < jscNodeCount; i++, o += NODE_FIELDS) {
    const id = nodes[o], size = nodes[o + 1], cls = nodes[o + 2], flags = nodes[o + 3];
    if (cls >= classNames.length) {
      throw ctx.error("BAD_STRING_INDEX", `node ${i} has a class past nodeClassNames`, "nodes", null, { expected: `below ${classNames.length}`, found: String(cls) });
    }
    if (id === 0) rootOrdinal = i;
    nodeType[i] = jscNodeType(classNames[cls], flags, id === 0);
    nodeName[i] = classBase + cls;
    nodeId[i] = v8IdOfJscId(id);
    nodeSelfSize[i] = size;
    flagsColumn[i] = flags;
  }
  if (rootOrdinal < 0) throw ctx.error("NOT_A_HEAP_SNAPSHOT", "no <root> node (id 0)", "nodes", null);
  nodeType[gcRoots] = V8_NODE_TYPE_NAMES.indexOf("synthetic");
  nodeName[gcRoots] = 2;
  nodeId[gcRoots] = GC_ROOTS_ID;

  // Edges grouped by holder ordinal, in file order within a holder. The root keeps its edges
  // to global objects (as shortcuts, once per global); its other edges move to "(GC roots)".
  const owners = new Uint32Array(jscEdgeCount);
  const targets = new Uint32Array(jscEdgeCount);
  const nodeEdgeCount = new Uint32Array(nodeCount);
  const shortcut = new Uint8Array(nodeCount);
  const v8EdgeType = parts.edgeTypes.map(jscEdgeType);
  nodeEdgeCount[rootOrdinal] = 1;
  for (let e = 0, o = 0; e < jscEdgeCount; e++, o += EDGE_FIELDS) {
    let from = ordinalOf(edges[o], e, "source");
    const to = ordinalOf(edges[o + 1], e, "target");
    if (from === rootOrdinal) {
      if (shortcut[to] === 0 && isJscGlobalClass(strings[nodeName[to]])) shortcut[to] = 1;
      else from = gcRoots;
    }
    owners[e] = from;
    targets[e] = to;
    nodeEdgeCount[from]++;
  }
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) firstEdge[i + 1] = firstEdge[i] + nodeEdgeCount[i];
  const next = firstEdge.slice(0, nodeCount);
  const edgeType = new Uint8Array(edgeCount);
  const edgeNameOrIndex = new Uint32Array(edgeCount);
  const edgeTarget = new Uint32Array(edgeCount);
  const rootSlot = next[rootOrdinal]++;
  edgeType[rootSlot] = EDGE_ELEMENT;
  edgeNameOrIndex[rootSlot] = 1;
  edgeTarget[rootSlot] = gcRoots;
  let gcElement = 0;
  for (let e = 0, o = 0; e < jscEdgeCount; e++, o += EDGE_FIELDS) {
    const from = owners[e];
    const to = targets[e];
    const typeIndex = edges[o + 2], data = edges[o + 3];
    if (typeIndex >= v8EdgeType.length) {
      throw ctx.error("BAD_NUMBER", `edge ${e} has a type past edgeTypes`, "edges", null, { expected: `below ${v8EdgeType.length}`, found: String(typeIndex) });
    }
    const slot = next[from]++;
    let type = v8EdgeType[typeIndex];
    let nameOrIndex: number;
    if (from === rootOrdinal) {
      type = EDGE_SHORTCUT;
      nameOrIndex = nodeName[to];
    } else if (from === gcRoots) {
      type = EDGE_ELEMENT;
      nameOrIndex = ++gcElement;
    } else if (type === EDGE_ELEMENT) {
      if (data > 0xffffffff) throw ctx.error("BAD_NUMBER", `edge ${e} has an index out of range`, "edges", null, { found: String(data) });
      nameOrIndex = data;
    } else if (type === EDGE_INTERNAL) {
      nameOrIndex = 1;
    } else {
      if (data >= edgeNames.length) {
        throw ctx.error("BAD_STRING_INDEX", `edge ${e} has a name past edgeNames`, "edges", null, { expected: `below ${edgeNames.length}`, found: String(data) });
      }
      nameOrIndex = edgeNameBase + data;
    }
    edgeType[slot] = type;
    edgeNameOrIndex[slot] = nameOrIndex;
    edgeTarget[slot] = to;
  }

  const header: SnapshotHeader = {
    meta: {
      node_fields: JSC_NODE_FIELDS,
      node_types: [[...V8_NODE_TYPE_NAMES], "string", "number", "number", "number", "number"],
      edge_fields: [...REQUIRED_EDGE_FIELDS],
      edge_types: [[...V8_EDGE_TYPE_NAMES], "string_or_number", "node"],
      trace_function_info_fields: [...V8_TRACE_FUNCTION_INFO_FIELDS],
      trace_node_fields: [...V8_TRACE_NODE_FIELDS],
      sample_fields: [...V8_SAMPLE_FIELDS],
      location_fields: [...V8_LOCATION_FIELDS],
    },
    node_count: nodeCount,
    edge_count: edgeCount,
    trace_function_count: 0,
    ...(rootOrdinal !== 0 ? { root_index: rootOrdinal * JSC_NODE_FIELDS.length } : {}),
    jsc_version: parts.version,
  };
  return {
    format: "jsc",
    header,
    nodeCount,
    edgeCount,
    rootOrdinal,
    nodeTypeNames: V8_NODE_TYPE_NAMES,
    edgeTypeNames: V8_EDGE_TYPE_NAMES,
    nodeType, nodeName, nodeId, nodeSelfSize,
    nodeTraceId: null,
    nodeDetachedness: null,
    extraNodeFields: new Map([["jsc_flags", flagsColumn]]),
    firstEdge,
    edgeType, edgeNameOrIndex, edgeTarget,
    extraEdgeFields: new Map(),
    strings,
    // JSC has no script positions; empty (not null) as the header lists location fields.
    locations: { count: 0, objectOrdinal: new Uint32Array(0), scriptId: new Uint32Array(0), line: new Uint32Array(0), column: new Uint32Array(0) },
    traces: null,
    extraSections: parts.extraSections,
  };
}

/** Maps JSC node ids to ordinals: a dense table when ids are compact, else a Map. */
function idIndex(ctx: ParseContext, nodes: Float64Array, nodeCount: number): (id: number, edge: number, end: string) => number {
  let maxId = 0;
  for (let o = 0; o < nodes.length; o += NODE_FIELDS) {
    const id = nodes[o];
    if (id > MAX_JSC_ID) throw ctx.error("BAD_NUMBER", "a node id out of range", "nodes", null, { expected: `at most ${MAX_JSC_ID}`, found: String(id) });
    if (id > maxId) maxId = id;
  }
  const duplicate = (id: number) => ctx.error("BAD_NUMBER", `node id ${id} appears twice`, "nodes", null, { found: String(id) });
  const missing = (id: number, edge: number, end: string) =>
    ctx.error("BAD_EDGE_TARGET", `the ${end} of edge ${edge} is not a node`, "edges", null, { found: `node id ${id}` });
  if (maxId <= 4 * nodeCount + 65536) {
    const table = new Int32Array(maxId + 1).fill(-1);
    for (let i = 0; i < nodeCount; i++) {
      const id = nodes[i * NODE_FIELDS];
      if (table[id] !== -1) throw duplicate(id);
      table[id] = i;
    }
    return (id, edge, end) => {
      const ordinal = id <= maxId ? table[id] : -1;
      if (ordinal === -1) throw missing(id, edge, end);
      return ordinal;
    };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < nodeCount; i++) {
    const id = nodes[i * NODE_FIELDS];
    if (map.has(id)) throw duplicate(id);
    map.set(id, i);
  }
  return (id, edge, end) => {
    const ordinal = map.get(id);
    if (ordinal === undefined) throw missing(id, edge, end);
    return ordinal;
  };
}
