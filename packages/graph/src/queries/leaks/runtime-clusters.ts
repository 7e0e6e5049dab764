import { isRuntimeScript, NOISE_REASONS, type HeapGraph } from "../../engine/index.ts";
import type { CodeLocation } from "./leak-rows.ts";

const RUNTIME = NOISE_REASONS.indexOf("runtime");

/**
 * Whether a leak cluster is the runtime's own business: some of its objects are the runtime's
 * (classes and functions of `node:…`, `ext:…` scripts, embedder objects), none is defined in the
 * program's or its packages' scripts, and the holder's code, if any, is the runtime's too — Node's
 * HTTP date-header timer, the `Buffer` pool replaced when it ran out. `leakReport` hides such
 * clusters by default (as `noise: runtime`); `all: true` shows them. A cluster that holds even
 * one of the program's functions or class instances is never hidden.
 *
 * @example
 * ```ts
 * if (isRuntimeCluster(final, members, holder?.code ?? null)) hidden++;
 * ```
 */
export function isRuntimeCluster(graph: HeapGraph, members: readonly number[], holderCode: CodeLocation | null): boolean {
  if (holderCode && !isRuntimeScript(holderCode.script)) return false;
  const reasons = graph.noiseMask();
  let runtime = false;
  for (const o of members) {
    if (reasons[o] === RUNTIME) {
      runtime = true;
      continue;
    }
    const where = graph.location(o);
    const script = where ? graph.scriptName(where.scriptId) : undefined;
    if (script !== undefined && !isRuntimeScript(script)) return false;
  }
  return runtime;
}
