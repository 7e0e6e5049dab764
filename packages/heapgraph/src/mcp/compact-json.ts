/**
 * Sizing the shared JSON shapes (`../json/`) for a model's context: long chains keep their ends,
 * id lists keep a sample and a count.
 *
 * @module
 */
import type { ChainStep, LeakCluster, LeakHolder } from "@heapgraph/graph";
import { stepJson, type StepJson } from "../json/chain-json.ts";
import { clusterJson, holderJson } from "../json/leak-report.ts";

/** Ids listed per cluster; the rest are counted. */
const ID_SAMPLE = 10;

/**
 * At most `max` steps of a chain as JSON: the first two (the root side) and the last ones (the
 * object's side), with how many were left out between.
 *
 * @example
 * ```ts
 * const { steps, omittedSteps } = trimmedSteps(path.steps, 40);
 * ```
 */
export function trimmedSteps(steps: readonly ChainStep[], max: number): { steps: StepJson[]; omittedSteps: number } {
  if (steps.length <= max) return { steps: steps.map(stepJson), omittedSteps: 0 };
  const head = Math.min(2, max - 1);
  const tail = max - head;
  return { steps: [...steps.slice(0, head), ...steps.slice(steps.length - tail)].map(stepJson), omittedSteps: steps.length - max };
}

/**
 * A growing holder as JSON, its path trimmed to `maxSteps`.
 *
 * @example
 * ```ts
 * const holders = growingHolders(before, after).map((h) => compactHolder(h, 12));
 * ```
 */
export function compactHolder(holder: LeakHolder, maxSteps: number) {
  const { path, ...rest } = holderJson(holder);
  const trimmed = trimmedSteps(holder.path, maxSteps);
  void path;
  return { ...rest, path: trimmed.steps, ...(trimmed.omittedSteps > 0 ? { omittedPathSteps: trimmed.omittedSteps } : {}) };
}

/**
 * A leak cluster as JSON for a model: its ids sampled (`ids`, `idCount`), its trace and its
 * holder's path trimmed to `maxSteps`.
 *
 * @example
 * ```ts
 * const clusters = leakReport(b, t, f).clusters.slice(0, 5).map((c) => compactCluster(c, 12));
 * ```
 */
export function compactCluster(cluster: LeakCluster, maxSteps: number) {
  const full = clusterJson(cluster);
  const trace = trimmedSteps(cluster.trace, maxSteps);
  return {
    ...full,
    holder: cluster.holder && compactHolder(cluster.holder, maxSteps),
    classes: full.classes.slice(0, 5),
    ids: full.ids.slice(0, ID_SAMPLE),
    idCount: full.ids.length,
    trace: trace.steps,
    ...(trace.omittedSteps > 0 ? { omittedTraceSteps: trace.omittedSteps } : {}),
  };
}
