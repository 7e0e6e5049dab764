/**
 * The typed arrays a V8 snapshot is read into, sized from the header's counts. When
 * the input size is unknown (a stream), they start small and grow in steps up to the
 * announced counts, so that a lying header cannot make the reader allocate gigabytes
 * before the data proves them.
 *
 * @module
 */
import type { ParseContext } from "../json/parse-context.ts";
import type { V8Layout } from "./v8-layout.ts";

type Column = Uint8Array | Uint32Array | Float64Array;
type ColumnCtor<T extends Column> = { new (length: number): T; new (buffer: ArrayBufferLike): T; readonly BYTES_PER_ELEMENT: number };

/**
 * A zeroed column of `length` elements: on a `SharedArrayBuffer` when `shared` (for workers), else an ordinary one.
 *
 * @example
 * ```ts
 * const targets = allocateColumn(Uint32Array, edgeCount, ctx.sharedMemory);
 * ```
 */
export function allocateColumn<T extends Column>(Ctor: ColumnCtor<T>, length: number, shared: boolean): T {
  return shared ? new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT)) : new Ctor(length);
}

/** A copy of `typed` with `length` elements (cut or zero-padded), shared if `typed` was. */
function grown<T extends Column>(typed: T, length: number): T {
  const next = allocateColumn(typed.constructor as ColumnCtor<T>, length, typed.buffer instanceof (globalThis.SharedArrayBuffer ?? class {}));
  next.set(typed.subarray(0, Math.min(typed.length, length)) as never);
  return next;
}

/**
 * Edge columns made elsewhere (by the thread that hands over the `edges` section), `edgeCount` long.
 *
 * @example
 * ```ts
 * const given: EdgeColumns = { edgeType: job.edgeType, edgeNameOrIndex: job.edgeNameOrIndex, edgeTarget: job.edgeTarget };
 * ```
 */
export interface EdgeColumns {
  readonly edgeType: Uint8Array;
  readonly edgeNameOrIndex: Uint32Array;
  readonly edgeTarget: Uint32Array;
}

/**
 * Options of {@link V8Columns}: `sharedEdges` puts the edge columns on `SharedArrayBuffer` even
 * without `ctx.sharedMemory` (another thread reads the edges into them); `edges` uses given edge
 * columns and allocates no node columns (the other thread's side: it reads only the edges).
 */
export interface V8ColumnsOptions {
  readonly sharedEdges?: boolean;
  readonly edges?: EdgeColumns;
}

/** Records allocated up front when the input size is unknown. */
const INITIAL_RECORDS = 1 << 18;

/**
 * Node and edge columns with their current capacity (in records).
 *
 * @example
 * ```ts
 * const cols = new V8Columns(layout, ctx);
 * cols.growNodes(ctx, 0); // make room for node 0
 * cols.nodeType[0] = 9;
 * ```
 */
export class V8Columns {
  nodeCapacity: number;
  edgeCapacity: number;
  nodeType: Uint8Array;
  nodeName: Uint32Array;
  nodeId: Uint32Array;
  nodeSelfSize: Float64Array;
  /** Prefix sum of the records' edge counts, `nodeCapacity + 1` long: the model's `firstEdge`. */
  firstEdge: Uint32Array;
  nodeTraceId: Uint32Array | null;
  nodeDetachedness: Uint8Array | null;
  extraNode: Float64Array[];
  edgeType: Uint8Array;
  edgeNameOrIndex: Uint32Array;
  edgeTarget: Uint32Array;
  extraEdge: Float64Array[];
  readonly #layout: V8Layout;

  constructor(layout: V8Layout, ctx: ParseContext, options: V8ColumnsOptions = {}) {
    this.#layout = layout;
    const exact = ctx.exactSize;
    const given = options.edges;
    const n = given ? 0 : exact ? layout.nodeCount : Math.min(layout.nodeCount, INITIAL_RECORDS);
    const e = given ? layout.edgeCount : exact ? layout.edgeCount : Math.min(layout.edgeCount, INITIAL_RECORDS);
    try {
      this.nodeCapacity = n;
      this.edgeCapacity = e;
      const shared = ctx.sharedMemory;
      this.nodeType = allocateColumn(Uint8Array, n, shared);
      this.nodeName = allocateColumn(Uint32Array, n, shared);
      this.nodeId = allocateColumn(Uint32Array, n, shared);
      this.nodeSelfSize = allocateColumn(Float64Array, n, shared);
      this.firstEdge = allocateColumn(Uint32Array, n + 1, shared);
      // Allocated at the first non-zero trace id: without allocation tracking they are all 0.
      this.nodeTraceId = null;
      this.nodeDetachedness = layout.hasDetachedness ? allocateColumn(Uint8Array, n, shared) : null;
      this.extraNode = layout.extraNodeFieldNames.map(() => new Float64Array(n));
      const sharedEdges = shared || options.sharedEdges === true;
      if (given && (given.edgeType.length < e || given.edgeNameOrIndex.length < e || given.edgeTarget.length < e)) throw new RangeError("given edge columns are shorter than edge_count");
      this.edgeType = given?.edgeType ?? allocateColumn(Uint8Array, e, sharedEdges);
      this.edgeNameOrIndex = given?.edgeNameOrIndex ?? allocateColumn(Uint32Array, e, sharedEdges);
      this.edgeTarget = given?.edgeTarget ?? allocateColumn(Uint32Array, e, sharedEdges);
      this.extraEdge = layout.extraEdgeFieldNames.map(() => new Float64Array(e));
    } catch (cause) {
      throw ctx.error("TOO_LARGE", `cannot allocate columns for ${layout.nodeCount} nodes and ${layout.edgeCount} edges`, "snapshot", null, { cause });
    }
  }

  /** Allocates the trace id column (all 0 so far), on the first non-zero trace id. */
  allocateTraceIds(ctx: ParseContext, index: number): Uint32Array {
    try {
      return (this.nodeTraceId = new Uint32Array(this.nodeCapacity));
    } catch (cause) {
      throw ctx.error("TOO_LARGE", `cannot allocate trace ids for ${this.nodeCapacity} nodes`, "nodes", index, { cause });
    }
  }

  /** Makes room for node record `ordinal`, or throws COUNT_MISMATCH past the header's count. */
  growNodes(ctx: ParseContext, ordinal: number, index: number): void {
    const count = this.#layout.nodeCount;
    if (ordinal >= count) {
      throw ctx.error("COUNT_MISMATCH", "more nodes than the header's node_count", "nodes", index, { expected: `${count} nodes` });
    }
    const n = Math.min(count, Math.max(ordinal + 1, this.nodeCapacity * 2));
    try {
      this.nodeType = grown(this.nodeType, n);
      this.nodeName = grown(this.nodeName, n);
      this.nodeId = grown(this.nodeId, n);
      this.nodeSelfSize = grown(this.nodeSelfSize, n);
      this.firstEdge = grown(this.firstEdge, n + 1);
      if (this.nodeTraceId) this.nodeTraceId = grown(this.nodeTraceId, n);
      if (this.nodeDetachedness) this.nodeDetachedness = grown(this.nodeDetachedness, n);
      this.extraNode = this.extraNode.map((col) => grown(col, n));
    } catch (cause) {
      throw ctx.error("TOO_LARGE", `cannot grow node columns to ${n} nodes`, "nodes", index, { cause });
    }
    this.nodeCapacity = n;
  }

  /** Makes room for edge record `index`, or throws COUNT_MISMATCH past the header's count. */
  growEdges(ctx: ParseContext, edge: number, index: number): void {
    const count = this.#layout.edgeCount;
    if (edge >= count) {
      throw ctx.error("COUNT_MISMATCH", "more edges than the header's edge_count", "edges", index, { expected: `${count} edges` });
    }
    const e = Math.min(count, Math.max(edge + 1, this.edgeCapacity * 2));
    try {
      this.edgeType = grown(this.edgeType, e);
      this.edgeNameOrIndex = grown(this.edgeNameOrIndex, e);
      this.edgeTarget = grown(this.edgeTarget, e);
      this.extraEdge = this.extraEdge.map((col) => grown(col, e));
    } catch (cause) {
      throw ctx.error("TOO_LARGE", `cannot grow edge columns to ${e} edges`, "edges", index, { cause });
    }
    this.edgeCapacity = e;
  }
}
