import type { HeapGraph } from "./heap-graph-types.ts";
import { checkOptions } from "./query-options.ts";
import { snapshotCodes } from "./snapshot-codes.ts";

/**
 * One duplicated string (a row of {@link duplicateStrings}). Plain data.
 *
 * @example
 * ```ts
 * const [worst]: DuplicateStringRow[] = duplicateStrings(graph);
 * console.log(worst.count, worst.value, worst.wastedBytes);
 * ```
 */
export interface DuplicateStringRow {
  /** The string's contents, cut at 200 characters. */
  readonly value: string;
  /** Its full length in characters, as the snapshot names it (V8 cuts very long names). */
  readonly length: number;
  /** How many separate copies the heap holds. */
  readonly count: number;
  /** Shallow size of one copy, in bytes. */
  readonly size: number;
  /** All copies together. */
  readonly totalSize: number;
  /** What keeping one copy would save: `totalSize - size`. */
  readonly wastedBytes: number;
  /** Heap object ids of up to 20 copies, ascending. */
  readonly ids: readonly number[];
}

/**
 * Options of {@link duplicateStrings}.
 *
 * @example
 * ```ts
 * duplicateStrings(graph, { limit: 5, minCount: 10 });
 * ```
 */
export interface DuplicateStringsOptions {
  /** How many rows, most wasted bytes first (default 20; `Infinity` for all). */
  limit?: number;
  /** Only strings held in at least this many copies (default 2). */
  minCount?: number;
}

const MAX_VALUE = 200;
const MAX_IDS = 20;

/**
 * Strings the heap holds in several copies, with the bytes the copies waste — Eclipse MAT's
 * duplicate strings. Only flat strings count (V8's `string` nodes; concatenated and sliced
 * strings share their parts). Copies are grouped by contents and size, so strings that differ
 * beyond the part V8 writes into the snapshot are not taken for copies of each other.
 *
 * @example
 * ```ts
 * for (const row of duplicateStrings(graph, { limit: 5 })) console.log(row.count, "×", JSON.stringify(row.value), row.wastedBytes);
 * ```
 */
export function duplicateStrings(graph: HeapGraph, options: DuplicateStringsOptions = {}): DuplicateStringRow[] {
  checkOptions("duplicateStrings", options, { limit: "limit", minCount: "count" });
  const minCount = Math.max(2, options.minCount ?? 2);
  const { nodeCount, nodeType, nodeName, nodeId, strings } = graph.snapshot;
  const codes = snapshotCodes(graph.snapshot);
  const sizes = graph.selfSizes();
  // Group by (string index, size): V8 writes each distinct string once in the string table.
  const groups = new Map<string, number[]>();
  for (let o = 0; o < nodeCount; o++) {
    if (nodeType[o] !== codes.string || sizes[o] === 0) continue;
    const key = `${nodeName[o]}:${sizes[o]}`;
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  const rows: DuplicateStringRow[] = [];
  for (const members of groups.values()) {
    if (members.length < minCount) continue;
    const first = members[0];
    const text = strings[nodeName[first]] ?? "";
    const size = sizes[first];
    rows.push({
      value: text.length > MAX_VALUE ? text.slice(0, MAX_VALUE) : text,
      length: text.length,
      count: members.length,
      size,
      totalSize: size * members.length,
      wastedBytes: size * (members.length - 1),
      ids: members.map((o) => nodeId[o]).sort((a, b) => a - b).slice(0, MAX_IDS),
    });
  }
  rows.sort((a, b) => b.wastedBytes - a.wastedBytes || b.count - a.count || (a.value < b.value ? -1 : 1));
  return rows.slice(0, options.limit ?? 20);
}
