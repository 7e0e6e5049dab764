import { z } from "zod";
import { NOISE_REASONS, type HeapGraph } from "../../engine/index.ts";
import { cmp } from "../shared/compare-strings.ts";
import { HIDDEN, noiseFilter, noiseFilterShape, reasonCounts, SHOWN } from "../shared/noise-filter.ts";
import { stableIdsOption } from "../shared/option-schemas.ts";
import { parseQueryOptions } from "../shared/query-options.ts";
import type { CompareRow, CompareRows } from "./growth-rows.ts";
import { withHidden } from "./growth.ts";
import { requireStableIds } from "./id-stability.ts";

/**
 * The schema of {@link compare}'s options.
 *
 * @example
 * ```ts
 * compareOptions.parse({ stableIds: true });
 * ```
 */
export const compareOptions = z.strictObject({ ...stableIdsOption, ...noiseFilterShape });

/**
 * Options of {@link compare}.
 *
 * @example
 * ```ts
 * compare(before, after, { stableIds: true, user: true });
 * ```
 */
export type CompareOptions = z.input<typeof compareOptions>;

/**
 * DevTools' Comparison view: per class, how many objects were allocated (ids in `after` only) and
 * freed (ids in `before` only), with their sizes. Objects are matched by id and classes by
 * qualified name; an object whose class changed counts as freed from the old class and added to
 * the new. Nodes of size 0 are left out on both sides, as DevTools does, so the count deltas add
 * up to the change in `typestats` counts. Only classes with a change are listed,
 * largest size delta first.
 *
 * Needs stable ids: Bun snapshots throw a `QueryError` `IDS_NOT_STABLE` (use `growth` there).
 *
 * Noise is hidden by default, as by `growth`: objects of heapgraph, of its dependencies, of the
 * snapshot machinery and engine internals are left out on both sides, and `rows.hidden` says how
 * many were added (`{ all: true }` shows them; `classes`, `types`, `user` narrow).
 *
 * @example
 * ```ts
 * for (const row of compare(before, after).slice(0, 5)) console.log(row.name, row.added, row.removed, row.sizeDelta);
 * ```
 */
export function compare(before: HeapGraph, after: HeapGraph, options: CompareOptions = {}): CompareRows {
  const { stableIds, ...noise } = parseQueryOptions("compare", compareOptions, options);
  requireStableIds("compare", [before, after], stableIds);
  const shownIn = new Map<HeapGraph, Uint8Array>([
    [before, noiseFilter(before, noise, "compare").mask],
    [after, noiseFilter(after, noise, "compare").mask],
  ]);
  const afterShown = shownIn.get(after)!;
  const afterNoise = after.noiseMask();
  const hiddenPerReason = new Float64Array(NOISE_REASONS.length);
  const hiddenClasses = new Set<string>();
  let hiddenObjects = 0, hiddenBytes = 0;
  const rows = new Map<string, { name: string; added: number; removed: number; addedSize: number; removedSize: number }>();
  const row = (qualifiedName: string, name: string) => {
    let r = rows.get(qualifiedName);
    if (!r) rows.set(qualifiedName, (r = { name, added: 0, removed: 0, addedSize: 0, removedSize: 0 }));
    return r;
  };
  const afterSizes = after.selfSizes();
  const afterClasses = after.classes();
  const afterQualified = after.qualifiedClassNames();
  for (const [graph, other, added] of [[after, before, true], [before, after, false]] as const) {
    const sameId = graph.idMatches(other);
    const sizes = graph.selfSizes();
    const otherSizes = other.selfSizes();
    const { classOf, names } = graph.classes();
    const qualified = graph.qualifiedClassNames();
    const shown = shownIn.get(graph)!;
    for (let o = 0; o < graph.nodeCount; o++) {
      if (sizes[o] === 0 || shown[o] === 0) continue;
      const q = qualified[classOf[o]];
      // The same object in the other snapshot: a node of that id, counted there too (non-zero size).
      const p = sameId[o];
      if (p >= 0 && otherSizes[p] > 0) {
        if (added) continue;
        // In both snapshots: counts only if its class changed (freed from the old, added to the new).
        const c = afterClasses.classOf[p];
        if (afterQualified[c] === q) continue;
        if (afterShown[p] === HIDDEN) {
          hiddenClasses.add(afterQualified[c]);
          hiddenObjects++;
          hiddenBytes += afterSizes[p];
          hiddenPerReason[afterNoise[p]]++;
        } else if (afterShown[p] === SHOWN) {
          const moved = row(afterQualified[c], afterClasses.names[c]);
          moved.added++;
          moved.addedSize += afterSizes[p];
        }
      }
      if (shown[o] !== SHOWN) {
        hiddenClasses.add(q);
        if (added) {
          hiddenObjects++;
          hiddenBytes += sizes[o];
          hiddenPerReason[afterNoise[o]]++;
        }
        continue;
      }
      const r = row(q, names[classOf[o]]);
      if (added) {
        r.added++;
        r.addedSize += sizes[o];
      } else {
        r.removed++;
        r.removedSize += sizes[o];
      }
    }
  }
  const out: CompareRow[] = [];
  for (const [qualifiedName, r] of rows) {
    out.push({
      name: r.name,
      qualifiedName,
      added: r.added,
      removed: r.removed,
      countDelta: r.added - r.removed,
      addedSize: r.addedSize,
      removedSize: r.removedSize,
      sizeDelta: r.addedSize - r.removedSize,
    });
  }
  for (const q of rows.keys()) hiddenClasses.delete(q);
  const hidden = { classes: hiddenClasses.size, objects: hiddenObjects, bytes: hiddenBytes, reasons: reasonCounts(hiddenPerReason) };
  return withHidden(
    out.sort((a, b) => b.sizeDelta - a.sizeDelta || b.countDelta - a.countDelta || cmp(a.qualifiedName, b.qualifiedName)),
    hidden,
  );
}
