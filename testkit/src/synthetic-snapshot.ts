/**
 * Writes small synthetic V8 heap snapshots from a readable description, for tests.
 *
 * The output has the exact layout V8 writes (header meta, flat `nodes` and
 * `edges`, string table with the `<dummy>` placeholder at index 0), so that
 * every reader in the project can be tested on graphs whose shape is known.
 *
 * @example
 * ```ts
 * const text = syntheticSnapshot({
 *   nodes: {
 *     a: { type: "object", name: "Foo", size: 32 },
 *     b: { type: "object", name: "Bar", size: 16 },
 *   },
 *   roots: ["a"],
 *   edges: [["a", "property", "bar", "b"]],
 * }).text;
 * ```
 */

/** Node types in V8's order; a node's `type` is one of these. */
export const V8_NODE_TYPES = [
  "hidden", "array", "string", "object", "code", "closure", "regexp", "number", "native",
  "synthetic", "concatenated string", "sliced string", "symbol", "bigint", "object shape",
] as const;
/** Edge types in V8's order. */
export const V8_EDGE_TYPES = ["context", "element", "property", "internal", "hidden", "shortcut", "weak"] as const;

export type V8NodeType = (typeof V8_NODE_TYPES)[number];
export type V8EdgeType = (typeof V8_EDGE_TYPES)[number];

/** One node of the description. `id` defaults to an odd number assigned in order. */
export interface SyntheticNode {
  type: V8NodeType;
  name: string;
  size?: number;
  id?: number;
  detachedness?: 0 | 1 | 2;
  traceNodeId?: number;
}

/** `[from, type, nameOrIndex, to]`: element and hidden edges take a number, the others a name. */
export type SyntheticEdge = [from: string, type: V8EdgeType, nameOrIndex: string | number, to: string];

/** A script position for a node (`locations` section). */
export interface SyntheticLocation {
  node: string;
  scriptId: number;
  line: number;
  column: number;
}

export interface SyntheticSnapshotDescription {
  /** Nodes by key. The synthetic root `"(root)"` and `"(GC roots)"` are added unless given. */
  nodes: Record<string, SyntheticNode>;
  edges?: SyntheticEdge[];
  /** Keys of nodes the synthetic root reaches with a `shortcut` edge (global objects, user roots). */
  roots?: string[];
  /** Keys of nodes `(GC roots)` holds directly (through an `element` edge). */
  gcRoots?: string[];
  locations?: SyntheticLocation[];
  /**
   * Field layout: `"node20"` writes 7 node fields with trace ids, `"node24"` drops `trace_node_id`
   * while meta still lists 7 types (as Node 24 and Deno do), `"legacy"` has no `detachedness`.
   */
  layout?: "node20" | "node24" | "legacy";
  /** Write `snapshot.root_index`. */
  rootIndex?: boolean;
}

/** What {@link syntheticSnapshot} produces. */
export interface SyntheticSnapshot {
  /** The snapshot as V8 writes it (JSON text). */
  text: string;
  /** The same, parsed. */
  json: {
    snapshot: { meta: Record<string, unknown>; node_count: number; edge_count: number; trace_function_count: number; root_index?: number };
    nodes: number[];
    edges: number[];
    locations: number[];
    strings: string[];
    [section: string]: unknown;
  };
  /** Node key to ordinal. */
  ordinal: Record<string, number>;
  /** Node key to heap object id. */
  id: Record<string, number>;
}

const ROOT = "(root)";
const GC_ROOTS = "(GC roots)";

/** Builds a V8 heap snapshot from a description. */
export function syntheticSnapshot(description: SyntheticSnapshotDescription): SyntheticSnapshot {
  const layout = description.layout ?? "node20";
  const nodeFields = ["type", "name", "id", "self_size", "edge_count"];
  if (layout === "node20") nodeFields.push("trace_node_id");
  if (layout !== "legacy") nodeFields.push("detachedness");
  const nodeFieldCount = nodeFields.length;

  const nodes: Record<string, SyntheticNode> = {
    [ROOT]: { type: "synthetic", name: "", id: 1 },
    [GC_ROOTS]: { type: "synthetic", name: GC_ROOTS, id: 3 },
    ...description.nodes,
  };
  const keys = Object.keys(nodes);
  // The synthetic root must be first: V8 writes it at ordinal 0.
  keys.splice(keys.indexOf(ROOT), 1);
  keys.unshift(ROOT);

  const strings: string[] = ["<dummy>"];
  const stringIndex = new Map<string, number>();
  const intern = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };

  const ordinal: Record<string, number> = {};
  const id: Record<string, number> = {};
  let nextId = 5;
  keys.forEach((k, i) => {
    ordinal[k] = i;
    id[k] = nodes[k].id ?? (nextId += 2) - 2;
  });

  const edges: SyntheticEdge[] = [
    [ROOT, "element", 1, GC_ROOTS],
    ...(description.roots ?? []).map((k): SyntheticEdge => [ROOT, "shortcut", k, k]),
    ...(description.gcRoots ?? []).map((k, i): SyntheticEdge => [GC_ROOTS, "element", i + 1, k]),
    ...(description.edges ?? []),
  ];
  const outgoing = new Map<string, SyntheticEdge[]>(keys.map((k) => [k, []]));
  for (const edge of edges) {
    const [from, type, , to] = edge;
    if (!outgoing.has(from)) throw new Error(`synthetic snapshot: edge from unknown node "${from}"`);
    if (!outgoing.has(to)) throw new Error(`synthetic snapshot: edge to unknown node "${to}"`);
    if (!V8_EDGE_TYPES.includes(type)) throw new Error(`synthetic snapshot: unknown edge type "${type}"`);
    outgoing.get(from)!.push(edge);
  }

  const nodeArray: number[] = [];
  const edgeArray: number[] = [];
  for (const k of keys) {
    const n = nodes[k];
    const typeCode = V8_NODE_TYPES.indexOf(n.type);
    if (typeCode < 0) throw new Error(`synthetic snapshot: unknown node type "${n.type}"`);
    const out = outgoing.get(k)!;
    nodeArray.push(typeCode, intern(n.name), id[k], n.size ?? 0, out.length);
    if (layout === "node20") nodeArray.push(n.traceNodeId ?? 0);
    if (layout !== "legacy") nodeArray.push(n.detachedness ?? 0);
    for (const [, type, nameOrIndex, to] of out) {
      const numeric = type === "element" || type === "hidden";
      if (numeric !== (typeof nameOrIndex === "number")) {
        throw new Error(`synthetic snapshot: a ${type} edge takes a ${numeric ? "number" : "name"}, got ${JSON.stringify(nameOrIndex)}`);
      }
      edgeArray.push(
        V8_EDGE_TYPES.indexOf(type),
        typeof nameOrIndex === "number" ? nameOrIndex : intern(nameOrIndex),
        ordinal[to] * nodeFieldCount,
      );
    }
  }

  const locationArray: number[] = [];
  for (const loc of description.locations ?? []) {
    if (!(loc.node in ordinal)) throw new Error(`synthetic snapshot: location of unknown node "${loc.node}"`);
    locationArray.push(ordinal[loc.node] * nodeFieldCount, loc.scriptId, loc.line, loc.column);
  }

  const json: SyntheticSnapshot["json"] = {
    snapshot: {
      meta: {
        node_fields: nodeFields,
        node_types: [[...V8_NODE_TYPES], "string", "number", "number", "number", "number", "number"],
        edge_fields: ["type", "name_or_index", "to_node"],
        edge_types: [[...V8_EDGE_TYPES], "string_or_number", "node"],
        trace_function_info_fields: ["function_id", "name", "script_name", "script_id", "line", "column"],
        trace_node_fields: ["id", "function_info_index", "count", "size", "children"],
        sample_fields: ["timestamp_us", "last_assigned_id"],
        location_fields: ["object_index", "script_id", "line", "column"],
      },
      node_count: keys.length,
      edge_count: edges.length,
      trace_function_count: 0,
      ...(description.rootIndex ? { root_index: 0 } : {}),
    },
    nodes: nodeArray,
    edges: edgeArray,
    trace_function_infos: [],
    trace_tree: [],
    samples: [],
    locations: locationArray,
    strings,
  };
  return { text: toV8Text(json), json, ordinal, id };
}

/** Serializes like V8: one node or edge record per line, sections in V8's order. */
function toV8Text(json: SyntheticSnapshot["json"]): string {
  const nodeFieldCount = (json.snapshot.meta.node_fields as string[]).length;
  const rows = (values: number[], per: number) => {
    const lines: string[] = [];
    for (let i = 0; i < values.length; i += per) lines.push(values.slice(i, i + per).join(","));
    return lines.join(",\n");
  };
  return [
    `{"snapshot":${JSON.stringify(json.snapshot)},`,
    `"nodes":[${rows(json.nodes, nodeFieldCount)}],`,
    `"edges":[${rows(json.edges, 3)}],`,
    `"trace_function_infos":[],`,
    `"trace_tree":[],`,
    `"samples":[],`,
    `"locations":[${rows(json.locations, 4)}],`,
    `"strings":[${json.strings.map((s) => JSON.stringify(s)).join(",\n")}]}`,
  ].join("\n");
}
