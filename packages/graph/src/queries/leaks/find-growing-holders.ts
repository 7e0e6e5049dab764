import { z } from "zod";
import type { HeapGraph } from "../../engine/index.ts";
import { requireStableIds } from "../growth/id-stability.ts";
import { noiseFilterShape } from "../shared/noise-filter.ts";
import { rowLimit, stableIdsOption } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import { describeHolder, groupByHolder, growingCollection, oldHolders } from "./growing-holders.ts";
import type { LeakHolder } from "./leak-rows.ts";
import { leakedDominatorAncestors } from "./leaked-dominators.ts";
import { leakedOrdinals } from "./leaked-ordinals.ts";

/**
 * The schema of {@link growingHolders}' options.
 *
 * @example
 * ```ts
 * growingHoldersOptions.parse({ limit: 5, user: true });
 * ```
 */
export const growingHoldersOptions = z.strictObject({
  ...stableIdsOption,
  ...noiseFilterShape,
  /** How many holders to return, most retained first (default all). */
  limit: rowLimit.optional(),
});

/**
 * Options of {@link growingHolders}.
 *
 * @example
 * ```ts
 * growingHolders(before, after, { limit: 5 });
 * ```
 */
export type GrowingHoldersOptions = z.input<typeof growingHoldersOptions>;

/**
 * The objects of `before` that new objects of `after` were added to, and that grew: arrays and
 * their backing stores, Maps and Sets, objects used as dictionaries, listener lists, scopes (see
 * `oldHolders`). Each comes with its entries in both snapshots, what it holds that is new (count,
 * retained size, each byte counted once) and its path; only holders whose entries grew (or that
 * were created since and hold most of the new objects under an old one) are listed, the most
 * retained first. heapgraph's own objects and the runtime's are left out, as `leakReport` does.
 *
 * The two-snapshot companion of `leakReport`: what `compare` and `growth` say grew, by holder.
 * Needs stable ids (a `QueryError` `IDS_NOT_STABLE` on Bun).
 *
 * @example
 * ```ts
 * for (const h of growingHolders(before, after, { limit: 3 })) {
 *   console.log(h.className, h.label, h.entries.join(" → "), h.unit, "holding", h.holds, "new objects");
 * }
 * ```
 */
export function growingHolders(before: HeapGraph, after: HeapGraph, options: GrowingHoldersOptions = {}): LeakHolder[] {
  const parsed = parseQueryOptions("growingHolders", growingHoldersOptions, options);
  requireStableIds("growingHolders", [before, after], parsed.stableIds);
  const { leaked } = leakedOrdinals(before, after, after, parsed);
  const inLeak = new Uint8Array(after.nodeCount);
  for (const o of leaked) inLeak[o] = 1;
  const underLeak = leakedDominatorAncestors(after, inLeak);
  const retained = after.retainedSizes();
  const held = groupByHolder(leaked, oldHolders(after, after.idMatches(before)), (o) => (underLeak(o) ? 0 : retained[o]));
  const rows: LeakHolder[] = [];
  for (const [h, row] of held) {
    if (row.holds < 2 && !parsed.all) continue;
    const holder = describeHolder(after, growingCollection(after, h, row), [before, after], row);
    const [was, is] = holder.entries;
    if (was === null || is === null || is > was) rows.push(holder);
  }
  rows.sort((a, b) => b.retainedSize - a.retainedSize || b.holds - a.holds || a.id - b.id);
  return rows.slice(0, parsed.limit ?? Infinity);
}
