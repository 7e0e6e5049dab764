import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { rowLimit, wholeNumber } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import type { DuplicateStringRow } from "./duplicate-string-row.ts";

/**
 * The schema of {@link duplicateStrings}' options.
 *
 * @example
 * ```ts
 * duplicateStringsOptions.parse({ limit: 5, minCount: 10 });
 * ```
 */
export const duplicateStringsOptions = z.strictObject({
  /** How many rows, most wasted bytes first (default 20; `Infinity` for all). */
  limit: rowLimit.optional(),
  /** Only strings held in at least this many copies (default 2). */
  minCount: wholeNumber.optional(),
});

/**
 * Options of {@link duplicateStrings}.
 *
 * @example
 * ```ts
 * duplicateStrings(graph, { limit: 5, minCount: 10 });
 * ```
 */
export type DuplicateStringsOptions = z.input<typeof duplicateStringsOptions>;

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
  const parsed = parseQueryOptions("duplicateStrings", duplicateStringsOptions, options);
  const minCount = Math.max(2, parsed.minCount ?? 2);
  const { nodeCount } = graph;
  const { type: nodeType, name: nodeName, id: nodeId, strings } = graph.nodeColumns();
  const { string } = graph.typeCodes();
  const sizes = graph.selfSizes();
  // Group by (string index, size): V8 writes each distinct string once in the string table.
  const groups = new Map<string, number[]>();
  for (let o = 0; o < nodeCount; o++) {
    if (nodeType[o] !== string || sizes[o] === 0) continue;
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
  return rows.slice(0, parsed.limit ?? 20);
}
