/**
 * V8 writes a WeakMap entry's value as held by two `internal` edges, one from the table and
 * one from the key, named alike: `<index> / part of key (<Key> @<id>) -> value (<Value> @<id>)
 * pair in WeakMap (table @<tableId>)`. Both edges share everything after the index. This is
 * DevTools' pattern for them; {@link matchEphemeronName} matches the same names faster.
 *
 * @example
 * ```ts
 * EPHEMERON_EDGE_NAME.exec(name)?.groups?.tableId;
 * ```
 */
export const EPHEMERON_EDGE_NAME =
  /^\d+(?<pair> \/ part of key \(.*? @\d+\) -> value \(.*? @\d+\) pair in WeakMap \(table @(?<tableId>\d+)\))$/;

/**
 * Every WeakMap edge name of a snapshot, classified once: the engine's one WeakMap-pair index (see {@link ephemeronPairTable}).
 *
 * @example
 * ```ts
 * const { pairOfName, pairCount } = ephemeronPairTable(snapshot.strings);
 * console.log(pairCount, "WeakMap entries");
 * ```
 */
export interface EphemeronPairTable {
  /** Pair id per string index; -1 when no internal edge uses the string as a WeakMap edge name. */
  readonly pairOfName: Int32Array;
  /** Heap object id of the WeakMap table, per pair id. */
  readonly tableId: readonly number[];
  readonly pairCount: number;
}

/**
 * Classifies every string of a snapshot's string table that is a WeakMap edge name, at once, so
 * that whole-graph passes (distances, dominators, retaining paths) read one typed array per
 * internal edge instead of calling a method. The engine builds it once per graph.
 *
 * @example
 * ```ts
 * const { pairOfName, tableId } = ephemeronPairTable(snapshot.strings);
 * const pair = pairOfName[snapshot.edgeNameOrIndex[e]];
 * if (pair >= 0 && snapshot.nodeId[holder] === tableId[pair]) console.log("edge from the table");
 * ```
 */
export function ephemeronPairTable(strings: readonly string[]): EphemeronPairTable {
  // Scanning the string table (once per string) is cheaper than scanning the edges (once per
  // edge); a string that looks like a WeakMap edge name but names no internal edge is never consulted.
  const pairs = new PairRegistry();
  const pairOfName = new Int32Array(strings.length);
  for (let i = 0; i < strings.length; i++) {
    const name = strings[i];
    const first = name.charCodeAt(0);
    pairOfName[i] = first >= 48 && first <= 57 ? pairs.classify(name) : -1;
  }
  return { pairOfName, tableId: pairs.tableId, pairCount: pairs.tableId.length };
}

/**
 * Pair ids by the shared part of the names (DevTools' `duplicatedPart`), without building a
 * string per name: names hash by table id, value id and length, and a hit is confirmed by
 * comparing the shared parts character by character.
 */
class PairRegistry {
  readonly tableId: number[] = [];
  /** A name of each pair, where its shared part starts, and the hash of that part. */
  readonly #name: string[] = [];
  readonly #start: number[] = [];
  readonly #hash: number[] = [];
  /** Open addressing (linear probing) by hash: pair id + 1 per slot, 0 when empty. */
  #slots = new Int32Array(1024);

  /** The pair id of one edge name (registering a new pair), or -1 when it is not a WeakMap edge name. */
  classify(name: string | undefined): number {
    const match = name === undefined ? null : matchEphemeronName(name);
    if (!match) return -1;
    const text = name!;
    const length = text.length - match.pairStart;
    const hash = Math.imul(Math.imul(match.tableId | 0, 0x9e3779b1) ^ Math.imul(match.valueId | 0, 0x85ebca77) ^ length, 0x27d4eb2f);
    let slots = this.#slots;
    let mask = slots.length - 1;
    let at = (hash ^ (hash >>> 16)) & mask;
    for (let slot = slots[at]; slot !== 0; slot = slots[at]) {
      const pair = slot - 1;
      if (this.#hash[pair] === hash && samePart(this.#name[pair], this.#start[pair], text, match.pairStart, length)) return pair;
      at = (at + 1) & mask;
    }
    const pair = this.tableId.length;
    this.tableId.push(match.tableId);
    this.#name.push(text);
    this.#start.push(match.pairStart);
    this.#hash.push(hash);
    if (2 * (pair + 1) > slots.length) {
      // At most half full: rehash every pair (this one included) into twice the slots.
      slots = this.#slots = new Int32Array(2 * slots.length);
      mask = slots.length - 1;
      for (let p = 0; p <= pair; p++) {
        let k = (this.#hash[p] ^ (this.#hash[p] >>> 16)) & mask;
        while (slots[k] !== 0) k = (k + 1) & mask;
        slots[k] = p + 1;
      }
    } else {
      slots[at] = pair + 1;
    }
    return pair;
  }
}

/** Whether a[aStart, aStart + length) equals b[bStart, bStart + length) and both strings end there. */
function samePart(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  // Comparing two substrings runs in the engine's native string compare, far faster than a charCodeAt loop.
  return a.length - aStart === length && a.slice(aStart) === b.slice(bStart);
}

const KEY_PART = " / part of key (";
const VALUE_PART = ") -> value (";
const TABLE_PART = " pair in WeakMap (table @";
/** What "." does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * Matches a WeakMap edge name exactly as {@link EPHEMERON_EDGE_NAME} does, without backtracking:
 * `<digits> / part of key (<any> @<digits>) -> value (<any> @<digits>) pair in WeakMap (table @<digits>)`.
 * Returns where the shared pair part starts and the table id, or null.
 *
 * @example
 * ```ts
 * matchEphemeronName("3 / part of key (Key @7) -> value (Value @9) pair in WeakMap (table @11)");
 * // { pairStart: 1, tableId: 11, valueId: 9 }
 * ```
 */
export function matchEphemeronName(name: string): { pairStart: number; tableId: number; valueId: number } | null {
  const length = name.length;
  let i = 0;
  while (i < length && isDigit(name.charCodeAt(i))) i++;
  if (i === 0 || !name.startsWith(KEY_PART, i)) return null;
  // The end is fixed: "... pair in WeakMap (table @<digits>)".
  if (name.charCodeAt(length - 1) !== 41 /* ) */) return null;
  let j = length - 1;
  while (j > 0 && isDigit(name.charCodeAt(j - 1))) j--;
  if (j === length - 1) return null;
  const tableStart = j;
  const middleEnd = tableStart - TABLE_PART.length;
  const middleStart = i + KEY_PART.length;
  if (middleEnd < middleStart || !name.startsWith(TABLE_PART, middleEnd)) return null;
  // The middle is "<any> @<digits>) -> value (<any> @<digits>)": its end is fixed too.
  if (!endsWithIdAndParen(name, middleStart, middleEnd)) return null;
  const valueIdStart = idStart(name, middleStart, middleEnd - 1);
  const valueEnd = valueIdStart - 2;
  // Some ") -> value (" must follow "<any> @<digits>".
  let found = false;
  for (let at = name.indexOf(VALUE_PART, middleStart); at !== -1 && at + VALUE_PART.length <= valueEnd; at = name.indexOf(VALUE_PART, at + 1)) {
    if (endsWithId(name, middleStart, at)) {
      found = true;
      break;
    }
  }
  // "." does not match line terminators.
  if (!found || LINE_TERMINATOR.test(name)) return null;
  return { pairStart: i, tableId: digitsValue(name, tableStart, length - 1), valueId: digitsValue(name, valueIdStart, middleEnd - 1) };
}

/** The number written in s[from, end) (digits only), as parseInt would read it. */
function digitsValue(s: string, from: number, end: number): number {
  let value = 0;
  for (let k = from; k < end; k++) value = value * 10 + (s.charCodeAt(k) - 48);
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Start of the run of digits that ends at `end` (exclusive), not before `from`; `end` when there is none. */
function idStart(s: string, from: number, end: number): number {
  let k = end;
  while (k > from && isDigit(s.charCodeAt(k - 1))) k--;
  return k;
}

/** Whether s[from, end) ends with " @<digits>". */
function endsWithId(s: string, from: number, end: number): boolean {
  const k = idStart(s, from, end);
  return k < end && k - 2 >= from && s.charCodeAt(k - 1) === 64 /* @ */ && s.charCodeAt(k - 2) === 32;
}

/** Whether s[from, end) ends with " @<digits>)". */
function endsWithIdAndParen(s: string, from: number, end: number): boolean {
  return end - 1 >= from && s.charCodeAt(end - 1) === 41 && endsWithId(s, from, end - 1);
}
