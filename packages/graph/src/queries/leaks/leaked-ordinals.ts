import { NOISE_REASONS, type HeapGraph, type HeapNode } from "../../engine/index.ts";
import { HIDDEN, noiseFilter, SHOWN } from "../shared/noise-filter.ts";
import { callPredicate } from "../shared/user-callbacks.ts";
import { heldByEngineCaches } from "./engine-caches.ts";

/**
 * What the leak filters take: the noise filter's fields, `internals` and a predicate.
 *
 * @example
 * ```ts
 * const filters: LeakFilters = { user: true, internals: false };
 * ```
 */
export interface LeakFilters {
  readonly internals?: boolean;
  readonly filter?: (node: HeapNode) => unknown;
  readonly all?: boolean;
  readonly classes?: readonly (string | RegExp)[];
  readonly types?: readonly string[];
  readonly user?: boolean;
}

/**
 * Ordinals (in `final`) of the objects allocated between `baseline` and `target` (ids in `target`,
 * not in `baseline`) and alive in `final`, reachable, of the kinds a leak can be (objects,
 * closures, regexps, native objects; all kinds with `internals`), and neither noise (see
 * `noiseFilter`, and `heldByEngineCaches`: what V8 instantiates on first use) nor refused by `filter`. With two snapshots pass the second as `target` and
 * `final`. Also counts the noise left out, by reason.
 *
 * @example
 * ```ts
 * const { leaked, noise } = leakedOrdinals(baseline, target, final, {});
 * ```
 */
export function leakedOrdinals(
  baseline: HeapGraph,
  target: HeapGraph,
  final: HeapGraph,
  options: LeakFilters,
): { leaked: number[]; noise: Record<string, number> } {
  const { type: nodeType, name: nodeName, strings } = final.nodeColumns();
  const codes = final.typeCodes();
  const { parent } = final.retentionTree();
  const sizes = final.selfSizes();
  const plumbing = final.plumbingMask();
  // By type code (at most 255): 1 for the types a leak can be.
  const kept = new Uint8Array(256);
  for (const t of [codes.object, codes.closure, codes.regexp, codes.native]) if (t >= 0) kept[t] = 1;
  const { internals = false, filter, all, classes, types, user } = options;
  const shown = noiseFilter(final, { all, classes, types, user }, "findLeaks").mask;
  const reasonOf = final.noiseMask();
  const inEngineCache = heldByEngineCaches(final);
  const noise: Record<string, number> = {};
  const inTarget = final.idMatches(target), inBaseline = final.idMatches(baseline);
  const out: number[] = [];
  for (let o = 0; o < final.nodeCount; o++) {
    if (sizes[o] === 0 || parent[o] < 0) continue;
    if (inTarget[o] < 0 || inBaseline[o] >= 0) continue;
    if (!internals && (!kept[nodeType[o]] || plumbing[o] || (strings[nodeName[o]] ?? "").startsWith("system / "))) continue;
    if (shown[o] === HIDDEN || (shown[o] === SHOWN && !all && inEngineCache(o))) {
      const reason = `noise: ${shown[o] === HIDDEN ? NOISE_REASONS[reasonOf[o]] : "engine"}`;
      noise[reason] = (noise[reason] ?? 0) + 1;
      continue;
    }
    if (shown[o] !== SHOWN) continue;
    if (filter && !callPredicate("findLeaks", "filter", filter, final.node(o))) continue;
    out.push(o);
  }
  return { leaked: out, noise };
}
