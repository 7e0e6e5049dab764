/**
 * The V8 snapshot header, validated with zod, and what it says about reading the
 * columns: which position of a node or edge record holds which field. Positions always
 * come from `meta`, never from a fixed layout.
 *
 * @module
 */
import { z } from "zod";
import type { SnapshotHeader } from "../../model/heap-snapshot.ts";
import { INDEX_EDGE_TYPES, REQUIRED_EDGE_FIELDS, REQUIRED_NODE_FIELDS } from "../../model/v8-format.ts";
import type { ParseContext } from "../json/parse-context.ts";

/** Roles of node record positions. */
export const NODE_TYPE = 0, NODE_NAME = 1, NODE_ID = 2, NODE_SIZE = 3, NODE_EDGES = 4, NODE_TRACE = 5, NODE_DETACHED = 6, NODE_EXTRA = 7;
/** Roles of edge record positions. */
export const EDGE_TYPE = 0, EDGE_NAME = 1, EDGE_TO = 2, EDGE_EXTRA = 3;

const NODE_ROLES: Record<string, number> = {
  type: NODE_TYPE, name: NODE_NAME, id: NODE_ID, self_size: NODE_SIZE, edge_count: NODE_EDGES, trace_node_id: NODE_TRACE, detachedness: NODE_DETACHED,
};
const EDGE_ROLES: Record<string, number> = { type: EDGE_TYPE, name_or_index: EDGE_NAME, to_node: EDGE_TO };

const fieldList = z.array(z.string()).min(1).max(256);
const typeList = z.array(z.union([z.array(z.string()), z.string()]));
const count = z.number().int().nonnegative().max(2 ** 32 - 1);

const metaSchema = z.looseObject({
  node_fields: fieldList,
  node_types: typeList,
  edge_fields: fieldList,
  edge_types: typeList,
  trace_function_info_fields: z.array(z.string()).optional(),
  trace_node_fields: z.array(z.string()).optional(),
  sample_fields: z.array(z.string()).optional(),
  location_fields: z.array(z.string()).optional(),
});

const headerSchema = z.looseObject({
  meta: metaSchema,
  node_count: count,
  edge_count: count,
  trace_function_count: count.optional(),
  root_index: count.optional(),
  extra_native_bytes: z.number().nonnegative().optional(),
});

/** How to read and write the columns of one V8 snapshot. */
export interface V8Layout {
  readonly header: SnapshotHeader;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nodeFieldCount: number;
  readonly edgeFieldCount: number;
  /** Role of each node record position (`NODE_*`). */
  readonly nodeRoles: Int32Array;
  /** For `NODE_EXTRA` positions: index into {@link extraNodeFieldNames}; else -1. */
  readonly nodeExtraIndex: Int32Array;
  readonly extraNodeFieldNames: readonly string[];
  readonly edgeRoles: Int32Array;
  readonly edgeExtraIndex: Int32Array;
  readonly extraEdgeFieldNames: readonly string[];
  readonly nodeTypeNames: readonly string[];
  readonly edgeTypeNames: readonly string[];
  /** 1 for edge types whose `name_or_index` is a string index. */
  readonly edgeTypeIsNamed: Uint8Array;
  readonly hasTraceIds: boolean;
  readonly hasDetachedness: boolean;
  readonly rootOrdinal: number;
}

/**
 * Validates a parsed `snapshot` header and works out the record layout.
 * Throws `UNSUPPORTED_META` when the header does not describe readable columns.
 *
 * @example
 * ```ts
 * const layout = v8Layout(JSON.parse(headerText), ctx);
 * console.log(layout.nodeFieldCount, layout.nodeTypeNames);
 * ```
 */
export function v8Layout(value: unknown, ctx: ParseContext): V8Layout {
  const parsed = headerSchema.safeParse(value);
  const unsupported = (problem: string, cause?: unknown) => ctx.error("UNSUPPORTED_META", problem, "snapshot", null, { cause });
  if (!parsed.success) throw unsupported(`the header does not describe a V8 heap snapshot: ${z.prettifyError(parsed.error)}`, parsed.error);
  const header = parsed.data as SnapshotHeader;
  const meta = header.meta;
  const nodes = roles(meta.node_fields, NODE_ROLES, NODE_EXTRA, REQUIRED_NODE_FIELDS, "node_fields", unsupported);
  const edges = roles(meta.edge_fields, EDGE_ROLES, EDGE_EXTRA, REQUIRED_EDGE_FIELDS, "edge_fields", unsupported);
  const nodeTypeNames = meta.node_types[meta.node_fields.indexOf("type")];
  const edgeTypeNames = meta.edge_types[meta.edge_fields.indexOf("type")];
  if (!Array.isArray(nodeTypeNames)) throw unsupported("meta.node_types has no list of names for the node \"type\" field");
  if (!Array.isArray(edgeTypeNames)) throw unsupported("meta.edge_types has no list of names for the edge \"type\" field");
  if (nodeTypeNames.length > 256 || edgeTypeNames.length > 256) throw unsupported("more than 256 node or edge types");
  const edgeTypeIsNamed = new Uint8Array(edgeTypeNames.length);
  edgeTypeNames.forEach((name: string, code: number) => (edgeTypeIsNamed[code] = INDEX_EDGE_TYPES.has(name) ? 0 : 1));

  const nodeFieldCount = meta.node_fields.length;
  let rootOrdinal = 0;
  if (header.root_index !== undefined) {
    if (header.root_index % nodeFieldCount !== 0 || header.root_index / nodeFieldCount >= header.node_count) {
      throw unsupported(`root_index ${header.root_index} is not the index of a node (${header.node_count} nodes of ${nodeFieldCount} fields)`);
    }
    rootOrdinal = header.root_index / nodeFieldCount;
  }
  if (ctx.maxBytes !== null) {
    // Each value takes at least two bytes (a digit and a comma).
    const needed = 2 * (header.node_count * nodeFieldCount + header.edge_count * meta.edge_fields.length) - 2;
    if (needed > ctx.maxBytes) {
      throw ctx.error("COUNT_MISMATCH", `the header claims ${header.node_count} nodes and ${header.edge_count} edges, more than the input can hold (a truncated file?)`, "snapshot", null, {
        expected: `at most ${ctx.maxBytes} bytes of input`,
        found: `counts that need at least ${needed} bytes`,
      });
    }
  }
  return {
    header,
    nodeCount: header.node_count,
    edgeCount: header.edge_count,
    nodeFieldCount,
    edgeFieldCount: meta.edge_fields.length,
    nodeRoles: nodes.roles,
    nodeExtraIndex: nodes.extraIndex,
    extraNodeFieldNames: nodes.extraNames,
    edgeRoles: edges.roles,
    edgeExtraIndex: edges.extraIndex,
    extraEdgeFieldNames: edges.extraNames,
    nodeTypeNames: nodeTypeNames as readonly string[],
    edgeTypeNames: edgeTypeNames as readonly string[],
    edgeTypeIsNamed,
    hasTraceIds: meta.node_fields.includes("trace_node_id"),
    hasDetachedness: meta.node_fields.includes("detachedness"),
    rootOrdinal,
  };
}

function roles(
  fields: readonly string[],
  known: Record<string, number>,
  extraRole: number,
  required: readonly string[],
  what: string,
  unsupported: (problem: string) => Error,
) {
  if (new Set(fields).size !== fields.length) throw unsupported(`meta.${what} names a field twice: ${JSON.stringify(fields)}`);
  for (const name of required) {
    if (!fields.includes(name)) throw unsupported(`meta.${what} lacks "${name}": ${JSON.stringify(fields)}`);
  }
  const result = new Int32Array(fields.length);
  const extraIndex = new Int32Array(fields.length).fill(-1);
  const extraNames: string[] = [];
  fields.forEach((name, position) => {
    const role = Object.hasOwn(known, name) ? known[name] : undefined;
    if (role !== undefined) result[position] = role;
    else {
      result[position] = extraRole;
      extraIndex[position] = extraNames.length;
      extraNames.push(name);
    }
  });
  return { roles: result, extraIndex, extraNames };
}
