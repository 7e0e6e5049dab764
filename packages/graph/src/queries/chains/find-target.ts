import type { HeapGraph, HeapNode } from "../../engine/index.ts";
import { instancesOf } from "./instances-of.ts";
import { representativeInstance, type Representative } from "./representative.ts";

/**
 * The object a question is about, and how it was chosen (see {@link findTarget}).
 *
 * @example
 * ```ts
 * const { node, candidates }: TargetChoice = findTarget(graph, { className: "RequestContext" })!;
 * ```
 */
export interface TargetChoice {
  readonly node: HeapNode;
  /** Instances of the class when chosen by class name, else 1. */
  readonly candidates: number;
  /** For a class name: how the instance was chosen (the paths instances share); null for an id. */
  readonly choice: Representative | null;
}

/**
 * The object named by a heap id, or the instance that stands for a class's objects (or the
 * closures of a function name; see `instancesOf`): from the retaining path most of them share,
 * the one that retains most (`representativeInstance`). Null when nothing matches, so that each
 * caller says so in its own words (the CLI's `--id`/`--type`, the MCP tools' `id`/`className`).
 *
 * @example
 * ```ts
 * const target = findTarget(graph, { id: 12345 }) ?? findTarget(graph, { className: "RequestContext" });
 * if (target) console.log(`@${target.node.id} of ${target.candidates}`);
 * ```
 */
export function findTarget(graph: HeapGraph, target: { readonly id: number } | { readonly className: string }): TargetChoice | null {
  if ("id" in target) {
    const node = graph.nodeById(target.id);
    return node ? { node, candidates: 1, choice: null } : null;
  }
  const nodes = instancesOf(graph, target.className);
  if (nodes.length === 0) return null;
  const choice = representativeInstance(graph, nodes);
  return { node: choice.node, candidates: nodes.length, choice };
}
