import { isJsonSpace, type ParseContext } from "../json/parse-context.ts";
import type { V8Columns } from "./v8-columns.ts";
import type { V8Layout } from "./v8-layout.ts";
import { EMPTY_U32, EMPTY_U8, positions, RecordReader } from "./v8-record-reader.ts";

/**
 * Reads the `nodes` array into {@link V8Columns}.
 *
 * @example
 * ```ts
 * const r = new NodeRecordReader(ctx, cols, layout);
 * r.feed(bytes, 0, bytes.length);
 * ```
 */
export class NodeRecordReader extends RecordReader {
  /** Largest node name read so far (string indexes are checked once the strings are known). */
  maxName = 0;
  /** Sum of the edge counts read so far (checked against the header's edge_count at the end). */
  edgeSum = 0;
  protected readonly fastOk: boolean;
  readonly #values: Float64Array;
  readonly #at: Int32Array;

  constructor(ctx: ParseContext, cols: V8Columns, layout: V8Layout) {
    super(ctx, cols, layout, "nodes");
    this.#values = new Float64Array(layout.nodeFieldCount);
    this.#at = positions(layout.nodeRoles, 7);
    this.fastOk = this.#at[7 /* NODE_EXTRA */] === -1;
  }

  protected fast(bytes: Uint8Array, start: number, end: number): number {
    const cols = this.cols;
    const layout = this.layout;
    const values = this.#values;
    const at = this.#at;
    const last = layout.nodeFieldCount - 1;
    const typeCount = layout.nodeTypeNames.length;
    const pType = at[0], pName = at[1], pId = at[2], pSize = at[3], pEdges = at[4], pTrace = at[5], pDetached = at[6];
    const type = cols.nodeType, name = cols.nodeName, id = cols.nodeId, size = cols.nodeSelfSize, firstEdge = cols.firstEdge;
    const trace = cols.nodeTraceId, detached = cols.nodeDetachedness ?? EMPTY_U8;
    const capacity = cols.nodeCapacity;
    let maxName = this.maxName;
    let edgeSum = this.edgeSum;
    let r = this.records;
    let i = start;
    let next = start;
    records: while (r < capacity) {
      for (let f = 0; ; f++) {
        if (i >= end) break records;
        let c = bytes[i];
        let d = c - 0x30;
        if (d < 0 || d > 9) break records;
        let v = d;
        while (++i < end) {
          c = bytes[i];
          d = c - 0x30;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
        }
        if (i >= end) break records;
        values[f] = v;
        if (c === 0x2c) i++;
        else if (f === last && c === 0x0a && i + 1 < end && bytes[i + 1] === 0x2c) i += 2;
        else break records;
        if (f === last) break;
      }
      const t = values[pType], nm = values[pName], ident = values[pId], sz = values[pSize], ec = values[pEdges];
      if (t >= typeCount || nm > 0xffffffff || ident > 0xffffffff || sz > 9007199254740991 || ec > 0xffffffff) break;
      if (pTrace >= 0) {
        const tr = values[pTrace];
        if (tr !== 0) {
          if (trace === null || tr > 0xffffffff) break;
          trace[r] = tr;
        }
      }
      if (pDetached >= 0) {
        const dt = values[pDetached];
        if (dt > 255) break;
        detached[r] = dt;
      }
      type[r] = t;
      name[r] = nm;
      id[r] = ident;
      size[r] = sz;
      edgeSum += ec;
      firstEdge[r + 1] = edgeSum;
      if (nm > maxName) maxName = nm;
      r++;
      next = i;
    }
    this.maxName = maxName;
    this.edgeSum = edgeSum;
    this.records = r;
    return next;
  }

  protected scan(bytes: Uint8Array, start: number, end: number, resume: number): number {
    const cols = this.cols;
    const layout = this.layout;
    const roles = layout.nodeRoles;
    const extraIndex = layout.nodeExtraIndex;
    const fieldCount = layout.nodeFieldCount;
    const typeCount = layout.nodeTypeNames.length;
    let type = cols.nodeType, name = cols.nodeName, id = cols.nodeId, size = cols.nodeSelfSize, firstEdge = cols.firstEdge;
    let trace = cols.nodeTraceId ?? EMPTY_U32, detached = cols.nodeDetachedness ?? EMPTY_U8;
    let capacity = cols.nodeCapacity;
    let state = this.state, v = this.value, f = this.field, r = this.records;
    let i = start;
    while (i < end) {
      let c = bytes[i];
      if (c >= 0x30 && c <= 0x39) {
        if (state !== 4 /* NUMBER */) {
          if (state !== 1 /* OPEN */ && state !== 2 /* COMMA */) throw this.unexpected(bytes, i, state);
          v = 0;
          state = 4; // NUMBER
        }
        do {
          v = v * 10 + (c - 0x30);
          if (++i === end) break;
          c = bytes[i];
        } while (c >= 0x30 && c <= 0x39);
        if (i === end) break;
      }
      if (state === 4 /* NUMBER */) {
        // What ends a number must be a separator, checked before the value is.
        if (c !== 0x2c && c !== 0x5d && c !== 0x0a && c !== 0x20 && !isJsonSpace(c)) throw this.unexpected(bytes, i, 3 /* AFTER */);
        if (f === 0 && r === capacity) {
          cols.growNodes(this.ctx, r, i);
          type = cols.nodeType; name = cols.nodeName; id = cols.nodeId; size = cols.nodeSelfSize; firstEdge = cols.firstEdge;
          trace = cols.nodeTraceId ?? EMPTY_U32; detached = cols.nodeDetachedness ?? EMPTY_U8;
          capacity = cols.nodeCapacity;
        }
        switch (roles[f]) {
          case 0: // NODE_TYPE
            if (v >= typeCount) throw this.badValue("node type", v, `a code below ${typeCount} (meta.node_types)`, i);
            type[r] = v;
            break;
          case 1: // NODE_NAME
            if (v > 0xffffffff) throw this.badValue("node name", v, "a string index", i);
            name[r] = v;
            break;
          case 2: // NODE_ID
            if (v > 0xffffffff) throw this.badValue("node id", v, "a 32-bit id", i);
            id[r] = v;
            break;
          case 3: // NODE_SIZE
            if (v > 9007199254740991) throw this.badValue("self_size", v, "a safe integer", i);
            size[r] = v;
            break;
          case 4: // NODE_EDGES
            if (v > 0xffffffff) throw this.badValue("edge_count", v, "a 32-bit count", i);
            this.edgeSum += v;
            firstEdge[r + 1] = this.edgeSum;
            break;
          case 5: // NODE_TRACE
            if (v !== 0) {
              if (v > 0xffffffff) throw this.badValue("trace_node_id", v, "a 32-bit id", i);
              if (trace.length === 0) trace = cols.allocateTraceIds(this.ctx, i);
              trace[r] = v;
            }
            break;
          case 6: // NODE_DETACHED
            if (v > 255) throw this.badValue("detachedness", v, "0, 1 or 2", i);
            detached[r] = v;
            break;
          case 7: // NODE_EXTRA
            if (v > 9007199254740991) throw this.badValue(`node field ${f}`, v, "a safe integer", i);
            cols.extraNode[extraIndex[f]][r] = v;
            break;
        }
        if (++f === fieldCount) {
          if (name[r] > this.maxName) this.maxName = name[r];
          f = 0;
          r++;
        }
        state = 3; // AFTER
      }
      if (c === 0x2c) {
        if (state !== 3 /* AFTER */) throw this.unexpected(bytes, i, state);
        state = 2; // COMMA
        if (f === 0 && i >= resume) {
          i++;
          break;
        }
      } else if (c === 0x5d) {
        if (state === 2 /* COMMA */ || state === 0 /* BEFORE */) throw this.unexpected(bytes, i, state);
        this.done = true;
        i++;
        break;
      } else if (c !== 0x0a && c !== 0x20) state = this.other(bytes, i, state);
      i++;
    }
    this.state = state;
    this.value = v;
    this.field = f;
    this.records = r;
    return i;
  }
}
