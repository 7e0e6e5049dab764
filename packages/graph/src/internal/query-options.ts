import type { HeapGraph, HeapNode } from "./heap-graph-types.ts";
import { QueryError } from "./query-error.ts";

/**
 * The kinds of option values the queries accept.
 *
 * @example
 * ```ts
 * const spec: Record<string, OptionKind> = { maxDepth: "count", filter: "function" };
 * ```
 */
export type OptionKind = "function" | "boolean" | "count" | "limit" | "fraction" | "nodes" | "ignore" | "iterable";

/**
 * Checks a query's options object at the edge, before any work: unknown keys (typos such as
 * `max_depth`) and values of the wrong kind throw a {@link QueryError} `INVALID_OPTIONS` naming
 * the query, the option and the value.
 *
 * Kinds: `count` a non-negative integer; `limit` a positive integer or `Infinity`; `fraction` a
 * number in [0, 1]; `nodes` an iterable of node handles; `ignore` an iterable of ids or handles.
 *
 * @example
 * ```ts
 * checkOptions("refs", options, { maxDepth: "count", filter: "function" });
 * ```
 */
export function checkOptions(query: string, options: unknown, spec: Readonly<Record<string, OptionKind>>): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new QueryError("INVALID_OPTIONS", `${query}: options must be an object, got ${describeValue(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    const kind = spec[key];
    if (kind === undefined) {
      const known = Object.keys(spec);
      throw new QueryError(
        "INVALID_OPTIONS",
        `${query}: unknown option "${key}"${known.length ? ` (known: ${known.join(", ")})` : ""}`,
      );
    }
    if (value === undefined) continue;
    if (!valueFits(kind, value)) {
      throw new QueryError("INVALID_OPTIONS", `${query}: option "${key}" must be ${KIND_TEXT[kind]}, got ${describeValue(value)}`);
    }
  }
}

const KIND_TEXT: Record<OptionKind, string> = {
  function: "a function (or null)",
  boolean: "true or false",
  count: "a non-negative integer",
  limit: "a positive integer or Infinity",
  fraction: "a number from 0 to 1",
  nodes: "an array (or other iterable) of nodes",
  ignore: "an array (or other iterable) of heap object ids or nodes",
  iterable: "an array (or other iterable)",
};

function valueFits(kind: OptionKind, value: unknown): boolean {
  switch (kind) {
    case "function":
      return typeof value === "function" || value === null;
    case "boolean":
      return typeof value === "boolean";
    case "count":
      return typeof value === "number" && Number.isInteger(value) && value >= 0;
    case "limit":
      return typeof value === "number" && (value === Infinity || (Number.isInteger(value) && value > 0));
    case "fraction":
      return typeof value === "number" && value >= 0 && value <= 1;
    case "nodes":
    case "ignore":
    case "iterable":
      return typeof value === "object" && value !== null && Symbol.iterator in value && typeof value !== "string";
  }
}

/**
 * A short, safe rendering of a bad value for an error message.
 *
 * @example
 * ```ts
 * describeValue("max_depth"); // "\"max_depth\""
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 60) + "…" : value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

/**
 * The ordinal of a node handle, after checking that it belongs to `graph`.
 *
 * @example
 * ```ts
 * const o = ordinalOf("pathToRoot", graph, node);
 * ```
 */
export function ordinalOf(query: string, graph: HeapGraph, node: HeapNode): number {
  if (typeof node !== "object" || node === null || typeof node.ordinal !== "number") {
    throw new QueryError("INVALID_OPTIONS", `${query}: expected a node handle (from graph.node(), byType(), nodeById(), ...), got ${describeValue(node)}`);
  }
  if (node.graph !== graph) {
    throw new QueryError("FOREIGN_NODE", `${query}: node @${node.id} belongs to another graph than the one queried`);
  }
  return node.ordinal;
}

/**
 * Ordinals of one node handle or an iterable of them, each checked with {@link ordinalOf}.
 *
 * @example
 * ```ts
 * const starts = ordinalsOf("refs", graph, nodes);
 * ```
 */
export function ordinalsOf(query: string, graph: HeapGraph, nodes: HeapNode | Iterable<HeapNode>): number[] {
  if (typeof nodes === "object" && nodes !== null && Symbol.iterator in nodes) {
    return [...(nodes as Iterable<HeapNode>)].map((n) => ordinalOf(query, graph, n));
  }
  return [ordinalOf(query, graph, nodes as HeapNode)];
}

/**
 * A membership mask over a graph's nodes for a `nodes` option, or null when the option is absent.
 *
 * @example
 * ```ts
 * const mask = nodeMask("typestats", graph, options.nodes);
 * ```
 */
export function nodeMask(query: string, graph: HeapGraph, nodes: Iterable<HeapNode> | undefined): Uint8Array | null {
  if (nodes === undefined) return null;
  const mask = new Uint8Array(graph.nodeCount);
  for (const node of nodes) mask[ordinalOf(query, graph, node)] = 1;
  return mask;
}

/**
 * Ordinals to leave out for an `extraIgnore` option: heap object ids (numbers) or node handles.
 * Ids no node has are ignored, as objgraph ignores ids of objects that are gone.
 *
 * @example
 * ```ts
 * const ignored = ignoredOrdinals("findBackrefChain", graph, [someId, someNode]);
 * ```
 */
export function ignoredOrdinals(query: string, graph: HeapGraph, extraIgnore: Iterable<number | HeapNode> | undefined): Set<number> {
  const ignored = new Set<number>();
  if (extraIgnore === undefined) return ignored;
  for (const item of extraIgnore) {
    if (typeof item === "number") {
      const o = graph.ordinalOfId(item);
      if (o >= 0) ignored.add(o);
    } else {
      ignored.add(ordinalOf(query, graph, item));
    }
  }
  return ignored;
}

/**
 * Calls a user predicate on a node, wrapping what it throws so the query's name shows up.
 *
 * @example
 * ```ts
 * if (callPredicate("refs", "filter", options.filter, graph.node(o))) keep(o);
 * ```
 */
export function callPredicate(query: string, option: string, predicate: (node: HeapNode) => unknown, node: HeapNode): boolean {
  try {
    return Boolean(predicate(node));
  } catch (error) {
    throw new QueryError("INVALID_OPTIONS", `${query}: the ${option} predicate threw on node @${node.id} (${node.className})`, {
      cause: error,
    });
  }
}
