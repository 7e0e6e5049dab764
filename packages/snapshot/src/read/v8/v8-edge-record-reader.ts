import { isJsonSpace, type ParseContext } from "../json/parse-context.ts";
import type { V8Columns } from "./v8-columns.ts";
import type { V8Layout } from "./v8-layout.ts";
import { positions, RecordReader } from "./v8-record-reader.ts";

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
