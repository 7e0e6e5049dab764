/**
 * The zod pieces the tools' input schemas share: a snapshot reference, an object chosen by id or
 * class, paging.
 *
 * @module
 */
import { findTarget, type HeapGraph, type TargetChoice } from "@heapgraph/graph";
import { z } from "zod";
import { McpToolError } from "../mcp-error.ts";
import type { LoadedSnapshot, SnapshotStore } from "../snapshot-store.ts";
import type { ToolProgress } from "../tool-progress.ts";

/**
 * A loaded snapshot's handle (`s1`) or a snapshot file's path (loaded on first use).
 *
 * @example
 * ```ts
 * const input = { snapshot: snapshotRef };
 * ```
 */
export const snapshotRef = z.string().min(1).describe('a handle from load_snapshot or capture ("s1"), or a path to a .heapsnapshot file (loaded on first use)');

/**
 * `limit`: how many rows, 1 to `max`.
 *
 * @example
 * ```ts
 * const input = { limit: limitInput(20, 200) };
 * ```
 */
export function limitInput(fallback: number, max: number) {
  return z.number().int().min(1).max(max).default(fallback).describe(`how many rows (default ${fallback}, at most ${max})`);
}

/**
 * `offset`: where the page starts (the previous answer's `nextOffset`).
 *
 * @example
 * ```ts
 * const input = { offset: offsetInput };
 * ```
 */
export const offsetInput = z.number().int().min(0).default(0).describe("first row to return (the nextOffset of the previous answer)");

/**
 * `id` or `className`: which object a question is about.
 *
 * @example
 * ```ts
 * const input = { snapshot: snapshotRef, ...targetInput };
 * ```
 */
export const targetInput = {
  id: z.number().int().min(0).optional().describe("the object's heap id, as DevTools shows it (@12345 → 12345)"),
  className: z
    .string()
    .min(1)
    .optional()
    .describe("a class name, or a function's name for closures; an instance is picked from the retaining path most instances share"),
};

/**
 * The object chosen by `id` or `className`, with how it was chosen.
 *
 * @example
 * ```ts
 * const { node, candidates } = pickTarget(graph, { id: 12345 }, "s1");
 * ```
 */
export function pickTarget(graph: HeapGraph, target: { id?: number | undefined; className?: string | undefined }, label: string): TargetChoice {
  if ((target.id === undefined) === (target.className === undefined)) throw new McpToolError("INVALID_ARGUMENT", "give either id or className");
  const found = findTarget(graph, target.id !== undefined ? { id: target.id } : { className: target.className! });
  if (found) return found;
  throw new McpToolError("NOT_FOUND", target.id !== undefined ? `${label}: no object has id @${target.id}` : `${label}: no objects of class ${JSON.stringify(target.className)}`);
}

/**
 * Resolves several snapshot references, keeping the ones already resolved from eviction while the
 * next ones load.
 *
 * @example
 * ```ts
 * const [before, after] = await resolveAll(ctx.store, [args.before, args.after], toolProgress(extra));
 * ```
 */
export async function resolveAll(store: SnapshotStore, refs: readonly string[], progress?: ToolProgress): Promise<LoadedSnapshot[]> {
  const keep = new Set<string>();
  const out: LoadedSnapshot[] = [];
  for (const ref of refs) {
    const entry = await store.resolve(ref, keep, progress);
    keep.add(entry.handle);
    out.push(entry);
  }
  return out;
}
