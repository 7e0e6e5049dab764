/**
 * The two hot loops of the reader: V8's `nodes` and `edges` arrays, parsed from bytes
 * straight into the typed columns. Digits accumulate into a number, each number lands in
 * the column its record position maps to (from `meta`), and every value is checked
 * against its column as it is stored: type codes against the type lists, edge targets
 * against the node count, everything against the column's range.
 *
 * @module
 */
import { isJsonSpace, type ParseContext, type ValueReader } from "./parse-context.ts";
import type { V8Columns } from "./v8-columns.ts";
import type { V8Layout } from "./v8-layout.ts";

// The hot loops spell these as number literals (with the name in a comment): imported or
// module-level constants are loaded from memory in optimized code, literals fold into
// compares and jump tables (measured: ~10% of the whole parse).
// Array states:
const BEFORE = 0; // before "["
const OPEN = 1; // just after "["
const COMMA = 2; // just after ","
const AFTER = 3; // after a value
const NUMBER = 4; // inside a number (may span chunks)
// Roles: see NODE_* and EDGE_* in v8-layout.ts.
const EMPTY_U32 = new Uint32Array(0);
const EMPTY_U8 = new Uint8Array(0);
const SLICE = 1 << 16;
/** Bytes the slow scan reads at least before the fast path is tried again (at the next record boundary). */
const SLOW_WINDOW = 256;
const WARMUP_CALLS = 64;
const WARMUP_WINDOW = 256;

/** Shared state and error reporting of the two record readers. */
abstract class RecordReader implements ValueReader {
  done = false;
  /** Complete records read so far. */
  records = 0;
  /** Position inside the record being read. */
  field = 0;
  protected state = BEFORE;
  /** Calls of {@link fast} left with a short window. */
  protected warmup = WARMUP_CALLS;
  protected value = 0;
  protected readonly ctx: ParseContext;
  protected readonly cols: V8Columns;
  protected readonly layout: V8Layout;
  protected readonly section: string;

  constructor(ctx: ParseContext, cols: V8Columns, layout: V8Layout, section: string) {
    this.ctx = ctx;
    this.cols = cols;
    this.layout = layout;
    this.section = section;
  }

  /**
   * Feeds the hot loop in slices: a loop function that returns often is optimized with
   * feedback for its whole body, instead of being entered mid-loop (OSR) and deoptimized
   * at every exit, which costs several times the parse itself.
   */
  feed(bytes: Uint8Array, start: number, end: number): number {
    let i = start;
    while (i < end && !this.done) {
      const stop = Math.min(end, i + SLICE);
      if (this.fastOk && this.field === 0 && (this.state === 1 /* OPEN */ || this.state === 2 /* COMMA */)) {
        // The first calls get short windows, so that every line of the function has run (has type
        // feedback) before the loop is optimized; else the optimized code deoptimizes at its first exit.
        const next = this.fast(bytes, i, this.warmup > 0 && this.warmup-- > 0 ? Math.min(stop, i + WARMUP_WINDOW) : stop);
        if (next !== i) {
          this.state = 2; // COMMA
          i = next;
          continue;
        }
      }
      // The record the fast path left (a chunk boundary, "]", whitespace, a bad value) and a few after it.
      i = this.scan(bytes, i, stop, i + SLOW_WINDOW);
    }
    return i;
  }

  /** True when {@link fast} can read this layout (no extra fields). */
  protected abstract readonly fastOk: boolean;

  /**
   * Reads whole records of the usual shape (numbers, separated by "," or by a line feed and
   * "," after a record) from a record boundary, and returns the position after the last
   * whole record's comma. It stops at, and leaves to {@link scan}, the first record it
   * cannot read whole or that holds a value {@link scan} would reject, so errors and their
   * offsets come from one place.
   */
  protected abstract fast(bytes: Uint8Array, start: number, end: number): number;

  /** The general reader: from `start` to `end`, or to the first record boundary (after its ",") at or past `resume`. */
  protected abstract scan(bytes: Uint8Array, start: number, end: number, resume: number): number;

  /** A byte other than a digit, comma, "]", newline or space: "[" opening the array, other whitespace, or an error. */
  protected other(bytes: Uint8Array, i: number, state: number): number {
    const c = bytes[i];
    if (c === 0x5b && state === BEFORE) return OPEN;
    if (!isJsonSpace(c)) throw this.unexpected(bytes, i, state);
    return state;
  }

  protected unexpected(bytes: Uint8Array, index: number, state: number): Error {
    const c = bytes[index];
    if (state === BEFORE) return this.ctx.unexpected(this.section, bytes, index, '"["');
    if (c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b) {
      return this.ctx.error("BAD_NUMBER", "only non-negative integers belong in this section", this.section, index, { found: `"${String.fromCharCode(c)}"` });
    }
    const expected = state === AFTER ? '"," or "]"' : state === COMMA ? "a number" : 'a number or "]"';
    const syntax = this.ctx.unexpected(this.section, bytes, index, expected);
    return this.ctx.error("BAD_NUMBER", "not a number", this.section, index, { expected, found: syntax.found ?? undefined });
  }

  protected badValue(what: string, value: number, limit: string, index: number): Error {
    return this.ctx.error("BAD_NUMBER", `${what} out of range`, this.section, index, { expected: limit, found: String(value) });
  }
}

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
    const type = cols.nodeType, name = cols.nodeName, id = cols.nodeId, size = cols.nodeSelfSize, edges = cols.nodeEdgeCount;
    const trace = cols.nodeTraceId, detached = cols.nodeDetachedness ?? EMPTY_U8;
    const capacity = cols.nodeCapacity;
    let maxName = this.maxName;
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
      edges[r] = ec;
      if (nm > maxName) maxName = nm;
      r++;
      next = i;
    }
    this.maxName = maxName;
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
    let type = cols.nodeType, name = cols.nodeName, id = cols.nodeId, size = cols.nodeSelfSize, edges = cols.nodeEdgeCount;
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
          type = cols.nodeType; name = cols.nodeName; id = cols.nodeId; size = cols.nodeSelfSize; edges = cols.nodeEdgeCount;
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
            edges[r] = v;
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

/**
 * Reads the `edges` array into {@link V8Columns}; `to_node` becomes the target ordinal.
 *
 * @example
 * ```ts
 * const r = new EdgeRecordReader(ctx, cols, layout);
 * r.feed(bytes, 0, bytes.length);
 * ```
 */
export class EdgeRecordReader extends RecordReader {
  /** Largest name of an edge whose type is named (not `element` or `hidden`) read so far. */
  maxName = 0;
  protected readonly fastOk: boolean;
  readonly #values: Float64Array;
  readonly #at: Int32Array;
  readonly #usual: boolean;

  constructor(ctx: ParseContext, cols: V8Columns, layout: V8Layout) {
    super(ctx, cols, layout, "edges");
    this.#values = new Float64Array(layout.edgeFieldCount);
    this.#at = positions(layout.edgeRoles, 3);
    this.fastOk = this.#at[3 /* EDGE_EXTRA */] === -1;
    this.#usual = layout.edgeFieldCount === 3 && this.#at[0] === 0 && this.#at[1] === 1 && this.#at[2] === 2;
  }

  protected fast(bytes: Uint8Array, start: number, end: number): number {
    return this.#usual ? this.#fastUsual(bytes, start, end) : this.#fastAny(bytes, start, end);
  }

  /** {@link fast} for the layout every V8 writes: `type,name_or_index,to_node`, unrolled. */
  #fastUsual(bytes: Uint8Array, start: number, end: number): number {
    const cols = this.cols;
    const layout = this.layout;
    const typeCount = layout.edgeTypeNames.length;
    const named = layout.edgeTypeIsNamed;
    const nodeFieldCount = layout.nodeFieldCount;
    const nodeCount = layout.nodeCount;
    const type = cols.edgeType, name = cols.edgeNameOrIndex, target = cols.edgeTarget;
    const capacity = cols.edgeCapacity;
    let maxName = this.maxName;
    let r = this.records;
    let i = start;
    let next = start;
    while (r < capacity && i < end) {
      let c = bytes[i];
      let d = c - 0x30;
      if (d < 0 || d > 9) break;
      let t = d;
      while (++i < end) {
        c = bytes[i];
        d = c - 0x30;
        if (d < 0 || d > 9) break;
        t = t * 10 + d;
      }
      if (c !== 0x2c || ++i >= end) break;
      c = bytes[i];
      d = c - 0x30;
      if (d < 0 || d > 9) break;
      let nm = d;
      while (++i < end) {
        c = bytes[i];
        d = c - 0x30;
        if (d < 0 || d > 9) break;
        nm = nm * 10 + d;
      }
      if (c !== 0x2c || ++i >= end) break;
      c = bytes[i];
      d = c - 0x30;
      if (d < 0 || d > 9) break;
      let to = d;
      while (++i < end) {
        c = bytes[i];
        d = c - 0x30;
        if (d < 0 || d > 9) break;
        to = to * 10 + d;
      }
      if (i >= end) break;
      if (c === 0x2c) i++;
      else if (c === 0x0a && i + 1 < end && bytes[i + 1] === 0x2c) i += 2;
      else break;
      const ordinal = to / nodeFieldCount;
      if (t >= typeCount || nm > 0xffffffff || ordinal >= nodeCount || ordinal !== Math.floor(ordinal)) break;
      type[r] = t;
      name[r] = nm;
      target[r] = ordinal;
      if (nm > maxName && named[t] === 1) maxName = nm;
      r++;
      next = i;
    }
    this.maxName = maxName;
    this.records = r;
    return next;
  }

  #fastAny(bytes: Uint8Array, start: number, end: number): number {
    const cols = this.cols;
    const layout = this.layout;
    const values = this.#values;
    const at = this.#at;
    const last = layout.edgeFieldCount - 1;
    const typeCount = layout.edgeTypeNames.length;
    const named = layout.edgeTypeIsNamed;
    const nodeFieldCount = layout.nodeFieldCount;
    const nodeCount = layout.nodeCount;
    const pType = at[0], pName = at[1], pTo = at[2];
    const type = cols.edgeType, name = cols.edgeNameOrIndex, target = cols.edgeTarget;
    const capacity = cols.edgeCapacity;
    let maxName = this.maxName;
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
      const t = values[pType], nm = values[pName];
      const ordinal = values[pTo] / nodeFieldCount;
      if (t >= typeCount || nm > 0xffffffff || ordinal >= nodeCount || ordinal !== Math.floor(ordinal)) break;
      type[r] = t;
      name[r] = nm;
      target[r] = ordinal;
      if (nm > maxName && named[t] === 1) maxName = nm;
      r++;
      next = i;
    }
    this.maxName = maxName;
    this.records = r;
    return next;
  }

  protected scan(bytes: Uint8Array, start: number, end: number, resume: number): number {
    const cols = this.cols;
    const layout = this.layout;
    const roles = layout.edgeRoles;
    const extraIndex = layout.edgeExtraIndex;
    const fieldCount = layout.edgeFieldCount;
    const typeCount = layout.edgeTypeNames.length;
    const nodeFieldCount = layout.nodeFieldCount;
    const nodeCount = layout.nodeCount;
    let type = cols.edgeType, name = cols.edgeNameOrIndex, target = cols.edgeTarget;
    let capacity = cols.edgeCapacity;
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
          cols.growEdges(this.ctx, r, i);
          type = cols.edgeType; name = cols.edgeNameOrIndex; target = cols.edgeTarget;
          capacity = cols.edgeCapacity;
        }
        switch (roles[f]) {
          case 0: // EDGE_TYPE
            if (v >= typeCount) throw this.badValue("edge type", v, `a code below ${typeCount} (meta.edge_types)`, i);
            type[r] = v;
            break;
          case 1: // EDGE_NAME
            if (v > 0xffffffff) throw this.badValue("name_or_index", v, "a 32-bit index", i);
            name[r] = v;
            break;
          case 2: { // EDGE_TO
            const ordinal = v / nodeFieldCount;
            if (ordinal >= nodeCount || ordinal !== Math.floor(ordinal)) {
              throw this.ctx.error("BAD_EDGE_TARGET", `edge ${r} points at no node`, "edges", i, {
                expected: `a multiple of ${nodeFieldCount} below ${nodeCount * nodeFieldCount}`,
                found: String(v),
              });
            }
            target[r] = ordinal;
            break;
          }
          case 3: // EDGE_EXTRA
            if (v > 9007199254740991) throw this.badValue(`edge field ${f}`, v, "a safe integer", i);
            cols.extraEdge[extraIndex[f]][r] = v;
            break;
        }
        if (++f === fieldCount) {
          if (name[r] > this.maxName && layout.edgeTypeIsNamed[type[r]] === 1) this.maxName = name[r];
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

/** Where each role sits in a record (-1 when absent), for roles 0..`maxRole`. */
function positions(roles: Int32Array, maxRole: number): Int32Array {
  const at = new Int32Array(maxRole + 1).fill(-1);
  for (let f = roles.length - 1; f >= 0; f--) at[roles[f]] = f;
  return at;
}
