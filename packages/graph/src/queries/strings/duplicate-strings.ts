import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { rowLimit, wholeNumber } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { ConcatenatedStrings, SNAPSHOT_STRING_LIMIT } from "./concatenated-strings.ts";
import type { DuplicateStringRow, DuplicateStrings } from "./duplicate-string-row.ts";

/**
 * The default of `textBudget`: 64 MiB of concatenated-string text (2 bytes a character).
 *
 * @example
 * ```ts
 * duplicateStrings(graph, { textBudget: DEFAULT_TEXT_BUDGET * 4 });
 * ```
 */
export const DEFAULT_TEXT_BUDGET = 64 * 1024 * 1024;

/**
 * The schema of {@link duplicateStrings}' options.
 *
 * @example
 * ```ts
 * duplicateStringsOptions.parse({ limit: 5, minCount: 10, textBudget: 1 << 20 });
 * ```
 */
export const duplicateStringsOptions = z.strictObject({
  /** How many rows, most wasted bytes first (default 20; `Infinity` for all). */
  limit: rowLimit.optional(),
  /** Only strings held in at least this many copies (default 2). */
  minCount: wholeNumber.optional(),
  /**
   * Most bytes of concatenated-string text to build (2 bytes a character; default 64 MiB; 0:
   * flat strings only). Strings beyond it are counted in the result's `notMaterialized`.
   */
  textBudget: wholeNumber.optional(),
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

interface Group {
  readonly text: string;
  readonly length: number;
  readonly members: number[];
  readonly sizes: number[];
  concatenated: number;
}

/**
 * Strings the heap holds in several copies, with the bytes the copies waste — Eclipse MAT's
 * duplicate strings, and memlab's, which count concatenated strings too.
 *
 * - Flat strings (V8's `string` nodes) are copies when their text is the same; a text V8 cut at
 *   1024 characters in the snapshot only matches copies of the same size.
 * - Concatenated strings (what `a + b` builds, the usual way duplicates pile up in a loop) count
 *   by their full text, put together from their parts, when the program holds them (a string
 *   that is only a part of a longer one is not a copy of anything). A copy's size is its own
 *   cell plus the parts only it holds. Their text is built only for strings that have another
 *   string of the same length, within `textBudget` bytes; the rest are counted in
 *   `notMaterialized`, and strings with a sliced part (whose offset V8 does not write) in
 *   `unknownText`. A concatenated copy and a flat copy of one text are one row.
 * - Sliced strings are not counted: they share their parent's characters.
 *
 * A row's `size` is its largest copy and `wastedBytes` what keeping only that one would save.
 *
 * @example
 * ```ts
 * const rows = duplicateStrings(graph, { limit: 5 });
 * for (const row of rows) console.log(row.count, "×", JSON.stringify(row.value), row.wastedBytes);
 * if (rows.notMaterialized > 0) console.log(rows.notMaterialized, "concatenated strings over the text budget");
 * ```
 */
export function duplicateStrings(graph: HeapGraph, options: DuplicateStringsOptions = {}): DuplicateStrings {
  const parsed = parseQueryOptions("duplicateStrings", duplicateStringsOptions, options);
  const minCount = Math.max(2, parsed.minCount ?? 2);
  const textBudget = parsed.textBudget ?? DEFAULT_TEXT_BUDGET;
  const { nodeCount } = graph;
  const { type: nodeType, name: nodeName, id: nodeId, strings } = graph.nodeColumns();
  const { string, consString } = graph.typeCodes();
  const sizes = graph.selfSizes();
  const groups = new Map<string, Group>();
  const add = (key: string, text: string, length: number, o: number, size: number, concatenated: boolean): void => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { text, length, members: [], sizes: [], concatenated: 0 }));
    group.members.push(o);
    group.sizes.push(size);
    if (concatenated) group.concatenated++;
  };
  // Flat strings; the lengths of those whose text is whole, to find concatenated candidates.
  const lengths = new Map<number, number>();
  let consCount = 0;
  for (let o = 0; o < nodeCount; o++) {
    if (nodeType[o] === consString) consCount++;
    if (nodeType[o] !== string || sizes[o] === 0) continue;
    const text = strings[nodeName[o]] ?? "";
    if (text.length < SNAPSHOT_STRING_LIMIT) {
      add(`=${text}`, text, text.length, o, sizes[o], false);
      lengths.set(text.length, (lengths.get(text.length) ?? 0) + 1);
    } else add(`~${nodeName[o]}:${sizes[o]}`, text, text.length, o, sizes[o], false);
  }
  let notMaterialized = 0, unknownText = 0;
  if (consCount > 0) {
    const cons = new ConcatenatedStrings(graph);
    for (let i = 0; i < cons.count; i++) {
      if (!cons.isTop(i)) continue;
      const length = cons.length(i);
      if (Number.isNaN(length)) unknownText++;
      else lengths.set(length, (lengths.get(length) ?? 0) + 1);
    }
    let budget = textBudget;
    let partsSize = 0;
    const setPartsSize = (bytes: number): void => {
      partsSize = bytes;
    };
    for (let i = 0; i < cons.count; i++) {
      if (!cons.isTop(i)) continue;
      const length = cons.length(i);
      if (Number.isNaN(length) || (lengths.get(length) ?? 0) < 2) continue;
      if (length * 2 > budget) {
        notMaterialized++;
        continue;
      }
      budget -= length * 2;
      const text = cons.text(i, setPartsSize);
      const o = cons.ordinals[i];
      const key = cons.possiblyCut(i) ? `~${text}\u0000${partsSize}` : `=${text}`;
      add(key, text, length, o, cons.ownSize(i), true);
    }
  }
  const rows: DuplicateStringRow[] = [];
  for (const group of groups.values()) {
    const { members, sizes: memberSizes } = group;
    if (members.length < minCount) continue;
    let size = 0, totalSize = 0;
    for (const s of memberSizes) {
      totalSize += s;
      if (s > size) size = s;
    }
    rows.push({
      value: group.text.length > MAX_VALUE ? group.text.slice(0, MAX_VALUE) : group.text,
      length: group.length,
      count: members.length,
      size,
      totalSize,
      wastedBytes: totalSize - size,
      ids: members.map((o) => nodeId[o]).sort((a, b) => a - b).slice(0, MAX_IDS),
      concatenated: group.concatenated,
    });
  }
  rows.sort((a, b) => b.wastedBytes - a.wastedBytes || b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return Object.assign(rows.slice(0, parsed.limit ?? 20), { textBudget, notMaterialized, unknownText });
}
