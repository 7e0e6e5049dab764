/**
 * What `allocationSites` returns: one row per place objects were allocated, with a summary of
 * the objects that had no allocation stack.
 *
 * @module
 */
import type { AllocationFrame } from "../../engine/index.ts";

/**
 * One allocation site: the objects allocated with the same top frames of the stack.
 *
 * @example
 * ```ts
 * const [site] = allocationSites(graph, leaked);
 * console.log(site.count, "objects allocated at", site.frames.map((f) => `${f.functionName} ${f.scriptName}:${f.line}`).join(" ← "));
 * ```
 */
export interface AllocationSiteRow {
  /** The top frames of the allocation stack (at most `depth`), top frame first; 1-based lines. */
  readonly frames: readonly AllocationFrame[];
  /** How many of the given objects were allocated there. */
  readonly count: number;
  /** Their shallow sizes together, in bytes (DevTools' shallow size). */
  readonly selfSize: number;
  /** Their classes, most objects first (at most 5). */
  readonly classes: readonly { readonly className: string; readonly count: number }[];
  /** Heap object ids of up to 20 of them, in the order given. */
  readonly ids: readonly number[];
}

/**
 * What `allocationSites` says besides the rows.
 *
 * @example
 * ```ts
 * const sites = allocationSites(graph, leaked);
 * if (!sites.hasTraces) console.log("take the snapshots with allocation tracking on to see where objects were allocated");
 * else if (sites.untracked > 0) console.log(sites.untracked, "objects were allocated before tracking started");
 * ```
 */
export interface AllocationSitesSummary {
  /** Whether the snapshot carries allocation traces at all (taken with allocation tracking on). */
  readonly hasTraces: boolean;
  /** How many objects were looked at (ids no node has are not counted). */
  readonly objects: number;
  /** Of those, how many have no allocation stack (allocated before tracking started). */
  readonly untracked: number;
  /** Ids given that no node of the graph has. */
  readonly notFound: number;
  /** Sites beyond `limit`, not listed. */
  readonly moreSites: number;
}

/**
 * The rows of `allocationSites`, most objects first, with the summary as properties.
 *
 * @example
 * ```ts
 * const sites: AllocationSites = allocationSites(graph, { ids: [101, 103] });
 * console.log(sites.length, "sites;", sites.untracked, "without a stack");
 * ```
 */
export type AllocationSites = AllocationSiteRow[] & AllocationSitesSummary;
