/**
 * From what a user hands a live call — live objects of this process, or node handles from a
 * graph — to nodes of one graph. Live objects are located by heap id (`heapIdOf`), which works
 * on Node and Deno; Bun throws `NotSupportedError`.
 *
 * The two steps are separate on purpose: a live call first turns its arguments into ids
 * ({@link resolveTargets}), then drops its own references to them, then takes the snapshot
 * ({@link locate}), so that the call's own frames are not among the holders it draws.
 *
 * @module
 */
import { idsAreStable, type HeapGraph, type HeapNode } from "@heapgraph/graph";
import { heapIdOf } from "@heapgraph/snapshot";
import { LiveError } from "./live-error.ts";
import { describeValue } from "./live-options.ts";
import { liveGraph, type LiveSnapshotOptions } from "./live-snapshot.ts";

/**
 * Whether `value` is a node handle (`HeapNode`) of a graph, as `byType`, `nodeById`,
 * `getLeakingObjects` and the chain functions return, rather than a live object.
 *
 * @example
 * ```ts
 * isHeapNode(graph.node(0)); // true
 * isHeapNode({ ordinal: 1 }); // false
 * ```
 */
export function isHeapNode(value: unknown): value is HeapNode {
  if (typeof value !== "object" || value === null) return false;
  const node = value as { ordinal?: unknown; graph?: { node?: unknown; nodeById?: unknown; snapshot?: unknown } | null };
  return typeof node.ordinal === "number" && typeof node.graph === "object" && node.graph !== null &&
    typeof node.graph.node === "function" && typeof node.graph.nodeById === "function" && typeof node.graph.snapshot === "object";
}

/**
 * Targets resolved: node handles of one graph (no snapshot needed), or heap ids to find in a fresh snapshot.
 *
 * @example
 * ```ts
 * const resolved: ResolvedTargets = await resolveTargets("showRefs", [y], undefined, true);
 * if (resolved.graph === null) console.log(resolved.ids);
 * ```
 */
export type ResolvedTargets =
  | { readonly graph: HeapGraph; readonly nodes: readonly HeapNode[]; readonly ignore: readonly HeapNode[] }
  | { readonly graph: null; readonly ids: readonly number[]; readonly ignore: readonly number[] };

/**
 * Nodes of one graph: the targets, and the nodes to leave out.
 *
 * @example
 * ```ts
 * const { graph, nodes, ignore }: Located = await locate("showRefs", resolved, {});
 * ```
 */
export interface Located {
  readonly graph: HeapGraph;
  readonly nodes: readonly HeapNode[];
  readonly ignore: readonly HeapNode[];
}

/**
 * Resolves the targets of a live call. When every target and every `extraIgnore` entry is a node
 * handle of one graph (or a heap id, for `extraIgnore`), that graph is used as it is. Otherwise
 * live objects become heap ids (`heapIdOf`), node handles their ids (refused when the runtime
 * renumbers objects per snapshot), and `ignoreList` adds the targets' own array to the ignored
 * ids, as objgraph ignores the list passed to `show_refs`.
 *
 * @example
 * ```ts
 * const resolved = await resolveTargets("showRefs", [y], undefined, true);
 * ```
 */
export async function resolveTargets(
  call: string,
  targets: Iterable<unknown>,
  extraIgnore: Iterable<unknown> | undefined,
  ignoreList: boolean,
): Promise<ResolvedTargets> {
  if (typeof targets !== "object" || targets === null || !(Symbol.iterator in targets)) {
    throw new LiveError("INVALID_ARGUMENT", `${call}: expected an array of objects, got ${describeValue(targets)}`);
  }
  const items = [...targets];
  if (items.length === 0) throw new LiveError("INVALID_ARGUMENT", `${call}: no objects given`);
  for (const item of items) checkTarget(call, item, false);
  const ignored = extraIgnore === undefined ? [] : [...extraIgnore];
  for (const item of ignored) checkTarget(call, item, true);

  const graph = isHeapNode(items[0]) ? items[0].graph : null;
  if (graph && [...items, ...ignored].every((x) => typeof x === "number" || (isHeapNode(x) && x.graph === graph))) {
    const ignore = ignored.map((x) => (typeof x === "number" ? graph.nodeById(x) : (x as HeapNode))).filter((n): n is HeapNode => n !== undefined);
    return { graph, nodes: items as HeapNode[], ignore };
  }
  const ids: number[] = [];
  for (const item of items) ids.push(await idOf(call, item));
  const ignore: number[] = [];
  for (const item of ignored) ignore.push(typeof item === "number" ? item : await idOf(call, item));
  if (ignoreList && Array.isArray(targets) && items.some((x) => !isHeapNode(x))) ignore.push(await heapIdOf(targets));
  items.length = 0;
  ignored.length = 0;
  return { graph: null, ids, ignore };
}

/**
 * The nodes of resolved targets: in their own graph, or in a snapshot taken now.
 *
 * @throws {LiveError} `NOT_IN_SNAPSHOT` when a target's id is not in the new snapshot.
 *
 * @example
 * ```ts
 * const { graph, nodes, ignore } = await locate("showRefs", resolved, { gc: false });
 * ```
 */
export async function locate(call: string, resolved: ResolvedTargets, options: LiveSnapshotOptions): Promise<Located> {
  if (resolved.graph !== null) return resolved;
  const graph = await liveGraph(options);
  const nodes = resolved.ids.map((id) => {
    const node = graph.nodeById(id);
    if (!node) throw new LiveError("NOT_IN_SNAPSHOT", `${call}: the snapshot has no object with heap id ${id}`);
    return node;
  });
  const ignore = resolved.ignore.map((id) => graph.nodeById(id)).filter((n): n is HeapNode => n !== undefined);
  return { graph, nodes, ignore };
}

function checkTarget(call: string, item: unknown, ignoreEntry: boolean): void {
  if (ignoreEntry && typeof item === "number") {
    if (!Number.isSafeInteger(item) || item <= 0) throw new LiveError("INVALID_ARGUMENT", `${call}: extraIgnore ids must be positive integers, got ${item}`);
    return;
  }
  if ((typeof item !== "object" || item === null) && typeof item !== "function") {
    throw new LiveError(
      "INVALID_ARGUMENT",
      `${call}: ${describeValue(item)} is not an object; only objects and functions (or node handles${ignoreEntry ? ", or heap ids" : ""}) can be found in the heap`,
    );
  }
}

async function idOf(call: string, item: unknown): Promise<number> {
  if (!isHeapNode(item)) return heapIdOf(item as object);
  if (!idsAreStable(item.graph)) {
    throw new LiveError(
      "IDS_NOT_STABLE",
      `${call}: node @${item.id} comes from a snapshot whose ids do not survive into the next one (Bun renumbers objects); pass nodes of one graph only`,
    );
  }
  return item.id;
}
