/**
 * Assembles a V8 snapshot from its top-level sections as the stream parser meets them,
 * then checks what can only be checked at the end: counts, the edge-count prefix sum,
 * string indexes, locations.
 *
 * @module
 */
import type { AllocationTraces, HeapSnapshot } from "../../model/heap-snapshot.ts";
import type { FormatBuilder } from "../format-builder.ts";
import { FlatNumberReader } from "../json/flat-number-reader.ts";
import { JsonValueReader } from "../json/json-value-reader.ts";
import type { ParseContext } from "../json/parse-context.ts";
import { SkipArrayReader } from "../json/skip-array-reader.ts";
import { StringArrayReader } from "../json/string-array-reader.ts";
import type { ValueReader } from "../json/value-reader.ts";
import type { EdgeSectionDelegate, EdgeSectionOutcome } from "./edge-section-delegate.ts";
import { LocationReader } from "./location-reader.ts";
import { V8Columns } from "./v8-columns.ts";
import { v8Layout, type V8Layout } from "./v8-layout.ts";
import { EdgeRecordReader } from "./v8-edge-record-reader.ts";
import { NodeRecordReader } from "./v8-node-record-reader.ts";

/** Largest header or unknown section accepted (they are parsed with `JSON.parse`). */
const MAX_HEADER_BYTES = 64 << 20;
const MAX_EXTRA_SECTION_BYTES = 256 << 20;

/**
 * The V8 format: `snapshot` first, then `nodes`, `edges`, the trace sections,
 * `locations` and `strings` in any order; unknown sections are carried as JSON.
 *
 * @example
 * ```ts
 * const builder = new V8SnapshotBuilder(ctx);
 * // ... the parser calls reader()/complete() per key ...
 * const snapshot = builder.finish();
 * ```
 */
export class V8SnapshotBuilder implements FormatBuilder {
  readonly #ctx: ParseContext;
  #layout: V8Layout | null = null;
  #cols: V8Columns | null = null;
  #nodes: NodeRecordReader | null = null;
  #edges: EdgeRecordReader | null = null;
  readonly #delegate: EdgeSectionDelegate | null;
  /** The delegate took the edges section (set when the nodes section starts). */
  #delegated = false;
  /** The edges section was passed over, for the delegate. */
  #edgesElsewhere = false;
  #strings: string[] | null = null;
  #locations: LocationReader | null = null;
  readonly #flat = new Map<string, FlatNumberReader>();
  readonly #extraSections = new Map<string, unknown>();

  /** `delegate`: reads the `edges` section elsewhere (another thread), when it accepts to. */
  constructor(ctx: ParseContext, delegate: EdgeSectionDelegate | null = null) {
    this.#ctx = ctx;
    this.#delegate = delegate;
  }

  reader(key: string, index: number): ValueReader {
    const ctx = this.#ctx;
    if (key === "snapshot") return new JsonValueReader(ctx, key, MAX_HEADER_BYTES);
    const layout = this.#layout;
    const cols = this.#cols;
    if (!layout || !cols) throw ctx.error("NOT_A_HEAP_SNAPSHOT", `section "${key}" before the "snapshot" header`, key, index);
    switch (key) {
      case "nodes":
        if (this.#delegate && !this.#edges) this.#delegated = this.#delegate.begin(layout, cols, ctx.base + index);
        return (this.#nodes = new NodeRecordReader(ctx, cols, layout));
      case "edges":
        if (this.#delegated) {
          this.#edgesElsewhere = true;
          this.#delegate!.passOver(ctx.base + index);
          return new SkipArrayReader(ctx, key);
        }
        return (this.#edges = new EdgeRecordReader(ctx, cols, layout));
      case "strings":
        return new StringArrayReader(ctx, key, (this.#strings = []));
      case "trace_function_infos":
      case "samples":
      case "trace_tree": {
        const r = new FlatNumberReader(ctx, key, key === "trace_tree");
        this.#flat.set(key, r);
        return r;
      }
      case "locations":
        if (layout.header.meta.location_fields) {
          return (this.#locations = new LocationReader(ctx, layout.header.meta.location_fields, layout.nodeFieldCount, layout.nodeCount));
        }
    }
    return new JsonValueReader(ctx, key, MAX_EXTRA_SECTION_BYTES);
  }

  complete(key: string, reader: ValueReader): void {
    if (key === "snapshot") {
      this.#layout = v8Layout((reader as JsonValueReader).value(), this.#ctx);
      this.#cols = new V8Columns(this.#layout, this.#ctx, { sharedEdges: this.#delegate?.sharedEdges === true });
    } else if (reader instanceof JsonValueReader) {
      this.#extraSections.set(key, reader.value());
    }
  }

  finish(): HeapSnapshot {
    const ctx = this.#ctx;
    const layout = this.#layout;
    const cols = this.#cols;
    if (!layout || !cols) throw ctx.error("NOT_A_HEAP_SNAPSHOT", 'no "snapshot" header', null, null);
    const missing = (name: string) => ctx.error("NOT_A_HEAP_SNAPSHOT", `no "${name}" section`, null, null);
    const nodes = this.#nodes, strings = this.#strings;
    const edges: EdgeSectionOutcome | null = this.#edgesElsewhere ? this.#delegate!.outcome : this.#edges;
    if (this.#edgesElsewhere && !edges) throw new Error("the edges section read elsewhere was not settled before finish()");
    if (!nodes) throw missing("nodes");
    if (!edges) throw missing("edges");
    if (!strings) throw missing("strings");
    const { nodeCount, edgeCount } = layout;
    if (nodes.records !== nodeCount || nodes.field !== 0) {
      throw ctx.error("COUNT_MISMATCH", "the nodes section disagrees with node_count", "nodes", null, {
        expected: `${nodeCount} nodes of ${layout.nodeFieldCount} fields`,
        found: `${nodes.records * layout.nodeFieldCount + nodes.field} values`,
      });
    }
    if (edges.records !== edgeCount || edges.field !== 0) {
      throw ctx.error("COUNT_MISMATCH", "the edges section disagrees with edge_count", "edges", null, {
        expected: `${edgeCount} edges of ${layout.edgeFieldCount} fields`,
        found: `${edges.records * layout.edgeFieldCount + edges.field} values`,
      });
    }
    // The node reader wrote the prefix sum of the records' edge counts as it read them.
    const total = nodes.edgeSum;
    if (total !== edgeCount) {
      throw ctx.error("COUNT_MISMATCH", "the nodes' edge_count values do not add up to the header's edge_count", "nodes", null, {
        expected: String(edgeCount),
        found: total > edgeCount ? `more than ${edgeCount}` : String(total),
      });
    }
    // The readers kept the largest string index they stored: the full scan runs only to name the culprit.
    if (nodes.maxName >= strings.length || edges.maxName >= strings.length) checkStringIndexes(ctx, layout, cols, strings.length);
    return {
      format: "v8",
      header: layout.header,
      nodeCount,
      edgeCount,
      rootOrdinal: layout.rootOrdinal,
      nodeTypeNames: layout.nodeTypeNames,
      edgeTypeNames: layout.edgeTypeNames,
      nodeType: cols.nodeType,
      nodeName: cols.nodeName,
      nodeId: cols.nodeId,
      nodeSelfSize: cols.nodeSelfSize,
      nodeTraceId: cols.nodeTraceId,
      nodeDetachedness: cols.nodeDetachedness,
      extraNodeFields: new Map(layout.extraNodeFieldNames.map((name, k) => [name, cols.extraNode[k]])),
      firstEdge: cols.firstEdge,
      edgeType: cols.edgeType,
      edgeNameOrIndex: cols.edgeNameOrIndex,
      edgeTarget: cols.edgeTarget,
      extraEdgeFields: new Map(layout.extraEdgeFieldNames.map((name, k) => [name, cols.extraEdge[k]])),
      strings,
      locations: this.#locations?.result() ?? null,
      traces: this.#traces(),
      extraSections: this.#extraSections,
    };
  }

  #traces(): AllocationTraces | null {
    const empty = new Float64Array(0);
    const functionInfos = this.#flat.get("trace_function_infos")?.result() ?? empty;
    const tree = this.#flat.get("trace_tree")?.result() ?? empty;
    const samples = this.#flat.get("samples")?.result() ?? empty;
    // No check against trace_function_count: V8 counts the functions before it writes them,
    // and real files (Node --track-heap-objects) have more infos than the header says.
    if (functionInfos.length === 0 && tree.length === 0 && samples.length === 0) return null;
    return { functionInfos, tree, samples };
  }
}

function checkStringIndexes(ctx: ParseContext, layout: V8Layout, cols: V8Columns, stringCount: number): void {
  const names = cols.nodeName;
  for (let i = 0; i < layout.nodeCount; i++) {
    if (names[i] >= stringCount) {
      throw ctx.error("BAD_STRING_INDEX", `node ${i} has a name past the string table`, "nodes", null, {
        expected: `an index below ${stringCount}`,
        found: String(names[i]),
      });
    }
  }
  const named = layout.edgeTypeIsNamed;
  const types = cols.edgeType;
  const edgeNames = cols.edgeNameOrIndex;
  for (let e = 0; e < layout.edgeCount; e++) {
    if (edgeNames[e] >= stringCount && named[types[e]] === 1) {
      throw ctx.error("BAD_STRING_INDEX", `edge ${e} (${layout.edgeTypeNames[types[e]]}) has a name past the string table`, "edges", null, {
        expected: `an index below ${stringCount}`,
        found: String(edgeNames[e]),
      });
    }
  }
}
