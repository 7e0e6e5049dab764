/**
 * objgraph's `find_backref_chain`, `find_ref_chain` and `show_chain` over live objects.
 *
 * @module
 */
import { chainSelection, findBackrefChain as backrefChainIn, findRefChain as refChainIn, type ChainOptions, type ChainSelectionOptions, type HeapNode } from "@heapgraph/graph";
import { LiveError } from "./live-error.ts";
import { checkLiveOptions, describeValue } from "./live-options.ts";
import { SNAPSHOT_OPTIONS, type LiveSnapshotOptions } from "./live-snapshot.ts";
import { isHeapNode, locate, resolveTargets } from "./locate.ts";
import { GRAPH_OUTPUT_OPTIONS, graphFormat, showSelection, type GraphOutputOptions } from "./show-graph.ts";

/**
 * Options of {@link findBackrefChain} and {@link findRefChain}.
 *
 * @example
 * ```ts
 * await findBackrefChain(leaked, isGlobal, { maxDepth: 30, extraIgnore: [myList] });
 * ```
 */
export interface LiveChainOptions extends Omit<ChainOptions, "extraIgnore">, LiveSnapshotOptions {
  /** Objects the chain must not pass through: live objects, heap ids or node handles (objgraph's `extra_ignore`). */
  extraIgnore?: Iterable<unknown>;
}

/**
 * Options of {@link showChain}.
 *
 * @example
 * ```ts
 * await showChain(chain, { filename: "chain.svg", title: "Why is it alive?" });
 * ```
 */
export interface ShowChainOptions extends ChainSelectionOptions, GraphOutputOptions {}

const CHAIN_OPTIONS = { ...SNAPSHOT_OPTIONS, maxDepth: "count", extraIgnore: "iterable", internals: "boolean", weak: "boolean" } as const;

/**
 * A shortest chain of references that keeps `obj` alive, from an object `predicate` accepts —
 * objgraph's `find_backref_chain`. Typical predicates: `isGlobal` (the global object), `isModule`,
 * `isGCRoot`, or your own test on a node (`(n) => n.className === "Cache"`). Breadth-first over
 * edges that retain (no weak ones, no V8 plumbing, unless `weak` / `internals`).
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
  checkLiveOptions("showChain", options, { ...GRAPH_OUTPUT_OPTIONS, backrefs: "boolean", highlight: "function", extraInfo: "function" });
  graphFormat("showChain", options.filename);
  if (!Array.isArray(chain) || chain.length === 0 || !chain.every((n) => isHeapNode(n) && n.graph === chain[0].graph)) {
    throw new LiveError("INVALID_ARGUMENT", `showChain: expected a chain from findBackrefChain or findRefChain (node handles of one graph), got ${describeValue(chain)}`);
  }
  const { filename, title, extraNodeAttrs, file, ...selection } = options;
  const output: GraphOutputOptions = { ...(filename !== undefined ? { filename } : {}), ...(title !== undefined ? { title } : {}), ...(extraNodeAttrs ? { extraNodeAttrs } : {}), ...(file ? { file } : {}) };
  await showSelection("showChain", chainSelection(chain[0].graph, chain, selection), output);
}

async function liveChain(
  call: string,
  obj: unknown,
  predicate: (node: HeapNode) => boolean,
  options: LiveChainOptions,
  backwards: boolean,
): Promise<HeapNode[]> {
  if (typeof predicate !== "function") throw new LiveError("INVALID_ARGUMENT", `${call}: predicate must be a function of a node, got ${describeValue(predicate)}`);
  checkLiveOptions(call, options, CHAIN_OPTIONS);
  const resolved = await resolveTargets(call, [obj], options.extraIgnore, false);
  const { gc, extraIgnore, ...chainOptions } = options;
  void extraIgnore;
  // Let go of the caller's objects before the snapshot, so this call's own frames do not hold them.
  obj = undefined;
  options = {};
  const { graph, nodes, ignore } = await locate(call, resolved, gc === undefined ? {} : { gc });
  const find = backwards ? backrefChainIn : refChainIn;
  return find(graph, nodes[0], predicate, { ...chainOptions, extraIgnore: ignore });
}
