/**
 * objgraph's `find_backref_chain`, `find_ref_chain` and `show_chain` over live objects.
 *
 * @module
 */
import { chainSelection, findBackrefChain as backrefChainIn, findRefChain as refChainIn, type HeapNode } from "@heapgraph/graph";
import type { z } from "zod";
import { LiveError } from "./live-error.ts";
import { callbackOption, countOption, describeValue, flagOption, iterableOption, liveOptions, parseLiveOptions, SNAPSHOT_SHAPE } from "./live-options.ts";
import { isHeapNode, locate, resolveTargets } from "./locate.ts";
import { GRAPH_OUTPUT_SHAPE, graphFormat, showSelection } from "./show-graph.ts";

/**
 * The schema of {@link LiveChainOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("findBackrefChain", liveChainOptions, { maxDepth: 30 });
 * ```
 */
export const liveChainOptions = liveOptions({
  ...SNAPSHOT_SHAPE,
  /** How many edges the chain may have at most (default 20). */
  maxDepth: countOption,
  /** Objects the chain must not pass through: live objects, heap ids or node handles (objgraph's `extra_ignore`). */
  extraIgnore: iterableOption,
  /** Also pass through V8 plumbing (maps, feedback, code) and `__proto__` links (default false). */
  internals: flagOption,
  /** Also follow edges that do not keep their target alive: weak edges, WeakRef targets (default false). */
  weak: flagOption,
});

/**
 * Options of {@link findBackrefChain} and {@link findRefChain}: `maxDepth` (default 20),
 * `extraIgnore`, `internals`, `weak` and `gc`.
 *
 * @example
 * ```ts
 * const options: LiveChainOptions = { maxDepth: 30, extraIgnore: [myList] };
 * await findBackrefChain(leaked, isGlobal, options);
 * ```
 */
export type LiveChainOptions = z.input<typeof liveChainOptions>;

/**
 * The schema of {@link ShowChainOptions}.
 *
 * @example
 * ```ts
 * parseLiveOptions("showChain", showChainOptions, { backrefs: false });
 * ```
 */
export const showChainOptions = liveOptions({
  ...GRAPH_OUTPUT_SHAPE,
  /** The chain leads *to* its last node (a backref chain, the default) or *from* its first (a ref chain). */
  backrefs: flagOption,
  /** Mark nodes for which this returns true. */
  highlight: callbackOption<(node: HeapNode) => boolean>(),
  /** An extra label line per node. */
  extraInfo: callbackOption<(node: HeapNode) => string | undefined | null>(),
});

/**
 * Options of {@link showChain}: `backrefs` (default true), `highlight`, `extraInfo`, and the
 * drawing's `filename`, `title`, `extraNodeAttrs` and `file`.
 *
 * @example
 * ```ts
 * const options: ShowChainOptions = { filename: "chain.svg", title: "Why is it alive?" };
 * await showChain(chain, options);
 * ```
 */
export type ShowChainOptions = z.input<typeof showChainOptions>;

/**
 * A shortest chain of references that keeps `obj` alive, from an object `predicate` accepts —
 * objgraph's `find_backref_chain`. Typical predicates: `isGlobal` (the global object), `isModule`,
 * `isGCRoot`, or your own test on a node (`(n) => n.className === "Cache"`). Breadth-first over
 * edges that retain (no weak ones, no V8 plumbing, unless `weak` / `internals`). Durable holders
 * first: through the running code's stack (which holds what this call was given while the
 * snapshot is taken) only when no other chain within `maxDepth` exists.
 *
 * Returns node handles of a fresh snapshot, holder first: `[match, ..., obj]`, or `[obj]` when no
 * chain of at most `maxDepth` (20) edges exists, so `showChain` always has something to draw.
 * Handles, not live objects: the links are often closures' contexts and other things JavaScript
 * cannot hold. `obj` is a live object (Node, Deno; Bun throws `NotSupportedError`) or a node handle.
 *
 * @example
 * ```ts
 * import { byType, findBackrefChain, isGlobal, showChain } from "heapgraph";
 * const [fat] = await byType("MyBigFatObject");
 * const chain = await findBackrefChain(fat, isGlobal);
 * console.log(chain.map((n) => n.className).join(" -> "));
 * await showChain(chain);
 * ```
 */
export async function findBackrefChain(obj: unknown, predicate: (node: HeapNode) => boolean, options: LiveChainOptions = {}): Promise<HeapNode[]> {
  return liveChain("findBackrefChain", obj, predicate, options, true);
}

/**
 * A shortest chain of references from `obj` to an object `predicate` accepts — objgraph's
 * `find_ref_chain`: `[obj, ..., match]`, or `[obj]`. As {@link findBackrefChain}, forwards.
 *
 * @example
 * ```ts
 * import { findRefChain, showChain } from "heapgraph";
 * const chain = await findRefChain(cache, (n) => n.className === "MyBigFatObject");
 * await showChain(chain, { backrefs: false });
 * ```
 */
export async function findRefChain(obj: unknown, predicate: (node: HeapNode) => boolean, options: LiveChainOptions = {}): Promise<HeapNode[]> {
  return liveChain("findRefChain", obj, predicate, options, false);
}

/**
 * Draws a chain from {@link findBackrefChain} or {@link findRefChain} — objgraph's `show_chain`:
 * inline in a Jupyter kernel, else into an SVG file whose path is printed. The object of interest
 * (last node of a backref chain, first of a ref chain with `backrefs: false`) is drawn as the
 * start; no new snapshot is taken.
 *
 * @example
 * ```ts
 * import { findBackrefChain, isGlobal, showChain } from "heapgraph";
 * await showChain(await findBackrefChain(leaked, isGlobal), { filename: "chain.svg" });
 * ```
 */
export async function showChain(chain: readonly HeapNode[], options: ShowChainOptions = {}): Promise<void> {
  const { filename, title, extraNodeAttrs, file, interactive, ...selection } = parseLiveOptions("showChain", showChainOptions, options);
  graphFormat("showChain", filename);
  if (!Array.isArray(chain) || chain.length === 0 || !chain.every((n) => isHeapNode(n) && n.graph === chain[0].graph)) {
    throw new LiveError("INVALID_ARGUMENT", `showChain: expected a chain from findBackrefChain or findRefChain (node handles of one graph), got ${describeValue(chain)}`);
  }
  await showSelection("showChain", chainSelection(chain[0].graph, chain, selection), { filename, title, extraNodeAttrs, file, interactive }, chain[0].graph);
}

async function liveChain(
  call: string,
  obj: unknown,
  predicate: (node: HeapNode) => boolean,
  options: LiveChainOptions,
  backwards: boolean,
): Promise<HeapNode[]> {
  if (typeof predicate !== "function") throw new LiveError("INVALID_ARGUMENT", `${call}: predicate must be a function of a node, got ${describeValue(predicate)}`);
  const { gc, extraIgnore, ...chainOptions } = parseLiveOptions(call, liveChainOptions, options);
  const resolved = await resolveTargets(call, [obj], extraIgnore, false);
  // Let go of the caller's objects before the snapshot, so this call's own frames do not hold them.
  obj = undefined;
  options = {};
  const { graph, nodes, ignore } = await locate(call, resolved, { gc });
  const find = backwards ? backrefChainIn : refChainIn;
  return find(graph, nodes[0], predicate, { ...chainOptions, extraIgnore: ignore });
}
