/**
 * Reads V8's `locations` section straight into location columns. Its records are
 * `meta.location_fields` wide (4 in Node, 5 in Chrome, which adds `script_object_index`);
 * `object_index` is a flat offset into the nodes array and becomes a node ordinal here.
 * A record whose `object_index` points at no node is skipped, as Chrome DevTools does, and
 * reported once through the parse context's warning listener (`LOCATION_WITHOUT_NODE`);
 * other damage to the section (a record cut short, a number out of range) is `BAD_LOCATION`.
 * The section has no announced count, so the columns grow in steps.
 *
 * @module
 */
import type { SnapshotLocations } from "../../model/heap-snapshot.ts";
import { grown, isJsonSpace, type ParseContext } from "../json/parse-context.ts";
import type { ValueReader } from "../json/value-reader.ts";

// Roles (the scan loop spells them as literals, see v8-record-reader.ts).
const OBJECT = 0, SCRIPT = 1, LINE = 2, COLUMN = 3, EXTRA = 4;
const BEFORE = 0, OPEN = 1, COMMA = 2, AFTER = 3, NUMBER = 4;
const SLICE = 1 << 16;
/** Bytes the general scan reads at least before the fast path is tried again (at the next record boundary). */
const SLOW_WINDOW = 256;

/**
 * Reader for `locations`.
 *
 * @example
 * ```ts
 * const r = new LocationReader(ctx, ["object_index", "script_id", "line", "column"], 7, 1000);
 * r.feed(new TextEncoder().encode("[14,3,10,2]"), 0, 11);
 * r.result().objectOrdinal[0]; // 2
 * ```
 */
export class LocationReader implements ValueReader {
  done = false;
  readonly #ctx: ParseContext;
  readonly #fields: readonly string[];
  readonly #roles: Int32Array;
  readonly #extraIndex: Int32Array;
  readonly #extraNames: string[] = [];
  readonly #nodeFieldCount: number;
  readonly #nodeCount: number;
  #capacity = 1024;
  #objectOrdinal = new Uint32Array(this.#capacity);
  #scriptId = new Uint32Array(this.#capacity);
  #line = new Uint32Array(this.#capacity);
  #column = new Uint32Array(this.#capacity);
  #extras: Float64Array[];
  #records = 0;
  /** Records skipped because they point at no node; the first one's offset and value. */
  #skipped = 0;
  #firstSkippedAt: number | null = null;
  #firstSkippedValue = 0;
  /** The record being read points at no node. */
  #skipRecord = false;
  #field = 0;
  #state = BEFORE;
  #value = 0;
  /** The layout every V8 writes (`object_index,script_id,line,column`): read by {@link #fast}. */
  readonly #usual: boolean;

  constructor(ctx: ParseContext, fields: readonly string[], nodeFieldCount: number, nodeCount: number) {
    this.#ctx = ctx;
    this.#fields = fields;
    this.#nodeFieldCount = nodeFieldCount;
    this.#nodeCount = nodeCount;
    const known: Record<string, number> = { object_index: OBJECT, script_id: SCRIPT, line: LINE, column: COLUMN };
    for (const name of Object.keys(known)) {
      if (!fields.includes(name)) throw ctx.error("UNSUPPORTED_META", `meta.location_fields lacks "${name}": ${JSON.stringify(fields)}`, "snapshot", null);
    }
    this.#roles = new Int32Array(fields.length);
    this.#extraIndex = new Int32Array(fields.length).fill(-1);
    fields.forEach((name, k) => {
      if (Object.hasOwn(known, name)) this.#roles[k] = known[name];
      else {
        this.#roles[k] = EXTRA;
        this.#extraIndex[k] = this.#extraNames.length;
        this.#extraNames.push(name);
      }
    });
    this.#extras = this.#extraNames.map(() => new Float64Array(this.#capacity));
    this.#usual = fields.length === 4 && fields[0] === "object_index" && fields[1] === "script_id" && fields[2] === "line" && fields[3] === "column";
  }

  /** The columns, trimmed to the records read. */
  result(): SnapshotLocations {
    const count = this.#records;
    if (this.#field !== 0) {
      throw this.#ctx.error("BAD_LOCATION", `the locations section is not a whole number of ${this.#fields.length}-field records`, "locations", null);
    }
    if (this.#skipped > 0) {
      this.#ctx.warn(
        "LOCATION_WITHOUT_NODE",
        `${this.#skipped} location record${this.#skipped === 1 ? "" : "s"} point${this.#skipped === 1 ? "s" : ""} at no node (expected a multiple of ${this.#nodeFieldCount} below ${this.#nodeCount * this.#nodeFieldCount})`,
        "locations",
        this.#skipped,
        this.#firstSkippedAt,
        String(this.#firstSkippedValue),
      );
    }
    const trim = <T extends Uint32Array | Float64Array>(a: T): T => (a.length === count ? a : (a.slice(0, count) as T));
    const base = { count, objectOrdinal: trim(this.#objectOrdinal), scriptId: trim(this.#scriptId), line: trim(this.#line), column: trim(this.#column) };
    if (this.#extraNames.length === 0) return base;
    return { ...base, extraFields: new Map(this.#extraNames.map((name, k) => [name, trim(this.#extras[k])])) };
  }

  feed(bytes: Uint8Array, start: number, end: number): number {
    let i = start;
    while (i < end && !this.done) {
      const stop = Math.min(end, i + SLICE);
      if (this.#usual && this.#field === 0 && (this.#state === OPEN || this.#state === COMMA)) {
        const next = this.#fast(bytes, i, stop);
        if (next !== i) {
          this.#state = COMMA;
          i = next;
          continue;
        }
      }
      // The record the fast path left (a chunk boundary, "]", a record to skip or refuse) and a few after it.
      i = this.#scan(bytes, i, stop, i + SLOW_WINDOW);
    }
    return i;
  }

  /**
   * Whole records of the usual layout from a record boundary, as V8 writes them (`a,b,c,d` then
   * "," or a line feed and ","): returns the position after the last whole record's comma. Stops
   * at, and leaves to {@link #scan}, the first record it cannot read whole or that holds a value
   * the scan would skip or reject, so warnings, errors and their offsets come from one place.
   */
  #fast(bytes: Uint8Array, start: number, end: number): number {
    const nodeFieldCount = this.#nodeFieldCount;
    const nodeCount = this.#nodeCount;
    const objectOrdinal = this.#objectOrdinal, scriptId = this.#scriptId, line = this.#line, column = this.#column;
    const capacity = this.#capacity;
    let r = this.#records;
    let i = start;
    let next = start;
    while (r < capacity && i < end) {
      let c = bytes[i];
      let d = c - 0x30;
      if (d < 0 || d > 9) break;
      let o = d;
      while (++i < end) {
        c = bytes[i];
        d = c - 0x30;
        if (d < 0 || d > 9) break;
        o = o * 10 + d;
      }
      if (c !== 0x2c || ++i >= end) break;
      c = bytes[i];
      d = c - 0x30;
      if (d < 0 || d > 9) break;
      let sc = d;
      while (++i < end) {
        c = bytes[i];
        d = c - 0x30;
        if (d < 0 || d > 9) break;
        sc = sc * 10 + d;
      }
      if (c !== 0x2c || ++i >= end) break;
      c = bytes[i];
      d = c - 0x30;
      if (d < 0 || d > 9) break;
      let ln = d;
      while (++i < end) {
        c = bytes[i];
        d = c - 0x30;
        if (d < 0 || d > 9) break;
        ln = ln * 10 + d;
      }
      if (c !== 0x2c || ++i >= end) break;
      c = bytes[i];
      d = c - 0x30;
      if (d < 0 || d > 9) break;
      let col = d;
      while (++i < end) {
        c = bytes[i];
        d = c - 0x30;
        if (d < 0 || d > 9) break;
        col = col * 10 + d;
      }
      if (i >= end) break;
      if (c === 0x2c) i++;
      else if (c === 0x0a && i + 1 < end && bytes[i + 1] === 0x2c) i += 2;
      else break;
      const ordinal = o / nodeFieldCount;
      if (ordinal >= nodeCount || ordinal !== Math.floor(ordinal) || sc > 0xffffffff || ln > 0xffffffff || col > 0xffffffff) break;
      objectOrdinal[r] = ordinal;
      scriptId[r] = sc;
      line[r] = ln;
      column[r] = col;
      r++;
      next = i;
    }
    this.#records = r;
    return next;
  }

  /** The general reader: from `start` to `end`, or to the first record boundary (after its ",") at or past `resume`. */
  #scan(bytes: Uint8Array, start: number, end: number, resume: number): number {
    const roles = this.#roles;
    const fieldCount = this.#fields.length;
    const nodeFieldCount = this.#nodeFieldCount;
    const nodeCount = this.#nodeCount;
    let objectOrdinal = this.#objectOrdinal, scriptId = this.#scriptId, line = this.#line, column = this.#column;
    let capacity = this.#capacity;
    let state = this.#state, v = this.#value, f = this.#field, r = this.#records;
    let i = start;
    while (i < end) {
      let c = bytes[i];
      if (c >= 0x30 && c <= 0x39) {
        if (state !== NUMBER) {
          if (state !== OPEN && state !== COMMA) throw this.#unexpected(bytes, i, state);
          v = 0;
          state = NUMBER;
        }
        do {
          v = v * 10 + (c - 0x30);
          if (++i === end) break;
          c = bytes[i];
        } while (c >= 0x30 && c <= 0x39);
        if (i === end) break;
      }
      if (state === NUMBER) {
        if (c !== 0x2c && c !== 0x5d && !isJsonSpace(c)) throw this.#unexpected(bytes, i, AFTER);
        if (f === 0 && r === capacity) {
          this.#grow(i);
          objectOrdinal = this.#objectOrdinal; scriptId = this.#scriptId; line = this.#line; column = this.#column;
          capacity = this.#capacity;
        }
        switch (roles[f]) {
          case 0: { // OBJECT
            const ordinal = v / nodeFieldCount;
            if (ordinal >= nodeCount || ordinal !== Math.floor(ordinal)) {
              if (this.#skipped++ === 0) {
                // Where the number starts (its digits are contiguous, even across chunks).
                this.#firstSkippedAt = this.#ctx.base + i - String(v).length;
                this.#firstSkippedValue = v;
              }
              this.#skipRecord = true;
            } else objectOrdinal[r] = ordinal;
            break;
          }
          case 1: // SCRIPT
            scriptId[r] = this.#u32(v, "script_id", i);
            break;
          case 2: // LINE
            line[r] = this.#u32(v, "line", i);
            break;
          case 3: // COLUMN
            column[r] = this.#u32(v, "column", i);
            break;
          default:
            if (v > Number.MAX_SAFE_INTEGER) throw this.#ctx.error("BAD_LOCATION", `${this.#fields[f]} is too large to hold exactly`, "locations", i, { found: String(v) });
            this.#extras[this.#extraIndex[f]][r] = v;
        }
        if (++f === fieldCount) {
          f = 0;
          if (this.#skipRecord) this.#skipRecord = false;
          else r++;
        }
        state = AFTER;
      }
      if (c === 0x2c) {
        if (state !== AFTER) throw this.#unexpected(bytes, i, state);
        state = COMMA;
        if (f === 0 && i >= resume) {
          i++;
          break;
        }
      } else if (c === 0x5d) {
        if (state !== AFTER && state !== OPEN) throw this.#unexpected(bytes, i, state);
        this.done = true;
        i++;
        break;
      } else if (c === 0x5b && state === BEFORE) state = OPEN;
      else if (!isJsonSpace(c)) throw this.#unexpected(bytes, i, state);
      i++;
    }
    this.#state = state;
    this.#value = v;
    this.#field = f;
    this.#records = r;
    return i;
  }

  #u32(v: number, what: string, index: number): number {
    if (v > 0xffffffff) throw this.#ctx.error("BAD_LOCATION", `${what} out of range`, "locations", index, { expected: "a 32-bit number", found: String(v) });
    return v;
  }

  #grow(index: number): void {
    const n = this.#capacity * 2;
    try {
      this.#objectOrdinal = grown(this.#objectOrdinal, n);
      this.#scriptId = grown(this.#scriptId, n);
      this.#line = grown(this.#line, n);
      this.#column = grown(this.#column, n);
      this.#extras = this.#extras.map((col) => grown(col, n));
    } catch (cause) {
      throw this.#ctx.error("TOO_LARGE", `more than ${this.#capacity} locations`, "locations", index, { cause });
    }
    this.#capacity = n;
  }

  #unexpected(bytes: Uint8Array, index: number, state: number) {
    if (state === BEFORE) return this.#ctx.unexpected("locations", bytes, index, '"["');
    const expected = state === AFTER ? '"," or "]"' : "a number";
    const syntax = this.#ctx.unexpected("locations", bytes, index, expected);
    return this.#ctx.error("BAD_NUMBER", "not a non-negative integer", "locations", index, { expected, found: syntax.found ?? undefined });
  }
}
