import type { ChainStep } from "./chain-rows.ts";

/** Longest block of steps `collapseRepeats` looks for (Promise → PromiseReaction → Promise is 2). */
const MAX_PERIOD = 4;
/** A block is collapsed when it repeats at least this many times in a row. */
const MIN_TIMES = 3;
const NUMERIC = /^\d+$/;

/**
 * The key two steps share when they read the same: edge type and name (element indices count as
 * one), node type and class.
 *
 * @example
 * ```ts
 * stepKey(steps[3]) === stepKey(steps[4]); // Timeout -_idlePrev-> Timeout, twice
 * ```
 */
export function stepKey(step: ChainStep): string {
  const edge = step.edge ? `${step.edge.type}:${NUMERIC.test(step.edge.name) ? "#" : step.edge.name}` : "";
  return `${edge}\u0001${step.type}:${step.className}`;
}

/**
 * Collapses runs of a repeated block of steps in a retaining path — a linked list of 170 timers
 * (`Timeout -_idlePrev-> Timeout …`), a 5,000-deep promise chain (`Promise -reactions-> PromiseReaction
 * -promise-> Promise …`) — into one block marked with {@link ChainStep.repeat} (`×170`). Blocks of
 * 1 to 4 steps repeated at least 3 times in a row are collapsed, the longest run first; the last
 * repetition is kept, so the path still ends at the real object. Linear in the path's length.
 *
 * @example
 * ```ts
 * const steps = collapseRepeats(pathToRoot(graph, id).steps);
 * for (const s of steps) console.log(s.className, s.repeat ? `×${s.repeat.times}` : "");
 * ```
 */
export function collapseRepeats(steps: readonly ChainStep[]): ChainStep[] {
  const keys = steps.map(stepKey);
  const out: ChainStep[] = [];
  let i = 0;
  while (i < steps.length) {
    let bestPeriod = 0, bestTimes = 0;
    for (let period = 1; period <= MAX_PERIOD; period++) {
      let times = 1;
      while (i + (times + 1) * period <= steps.length && sameBlock(keys, i, i + times * period, period)) times++;
      if (times >= MIN_TIMES && times * period > bestTimes * bestPeriod) {
        bestPeriod = period;
        bestTimes = times;
      }
    }
    if (bestPeriod === 0) {
      out.push(steps[i++]);
      continue;
    }
    const last = i + (bestTimes - 1) * bestPeriod;
    out.push({ ...steps[last], repeat: { times: bestTimes, period: bestPeriod } });
    for (let k = 1; k < bestPeriod; k++) out.push(steps[last + k]);
    i += bestTimes * bestPeriod;
  }
  return out;
}

function sameBlock(keys: readonly string[], a: number, b: number, period: number): boolean {
  for (let k = 0; k < period; k++) if (keys[a + k] !== keys[b + k]) return false;
  return true;
}
