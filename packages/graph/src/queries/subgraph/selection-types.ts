/**
 * A bounded piece of the heap graph, chosen for drawing: what `refs`, `backrefs`
 * and chains return and what `@heapgraph/render` draws. Plain data (no handles),
 * so it can be serialized, stored in a notebook, or drawn in another process.
 *
 * @module
 */

/**
 * Why a node stands out in a drawing: a starting node, a GC root, a global object, a module, a
 * node the caller's `highlight` matched, or none of these.
 *
 * @example
 * ```ts
 * const roots = selection.nodes.filter((n) => n.role === ("root" satisfies SelectionNodeRole));
 * ```
 */
export type SelectionNodeRole = "start" | "root" | "global" | "module" | "highlight" | "plain";

/**
 * One node of a {@link Selection}, as plain data.
 *
 * @example
 * ```ts
 * for (const n of refs(graph, [y]).nodes) console.log("  ".repeat(n.depth) + n.className, n.preview);
 * ```
 */
export interface SelectionNode {
  /** Stable key within the selection: the node's ordinal in its graph. */
  readonly ordinal: number;
  readonly id: number;
  /** V8 node type: `object`, `closure`, `string`, ... */
  readonly type: string;
  readonly className: string;
  /** A short value preview: string contents, function name, array length. */
  readonly preview: string;
  readonly selfSize: number;
  readonly retainedSize: number;
  /** Steps from the starting nodes (0 for the starting nodes themselves). */
  readonly depth: number;
  /** How the renderer should mark the node (objgraph's colours). */
  readonly role: SelectionNodeRole;
  /** Whether a `highlight` predicate matched. */
  readonly highlighted: boolean;
  /** An extra line from the caller's `extraInfo`. */
  readonly extraInfo?: string;
  /** Edges of this node that `tooMany` cut off (0 when none). */
  readonly truncated: number;
}

/**
 * One edge of a {@link Selection}, from holder to held whichever way the query walked.
 *
 * @example
 * ```ts
 * for (const e of backrefs(graph, [x]).edges) console.log(e.from, `-${e.name}->`, e.to);
 * ```
 */
export interface SelectionEdge {
  /** Holder ordinal: edges always point from holder to held. */
  readonly from: number;
  /** Held ordinal. */
  readonly to: number;
  /** `context`, `element`, `property`, `internal`, `hidden`, `shortcut` or `weak`. */
  readonly type: string;
  /** Property or variable name, or element index, as a string. */
  readonly name: string;
}

/**
 * A selection: nodes, the edges between them, and what was cut.
 *
 * @example
 * ```ts
 * const sel = backrefs(graph, [leaky], { maxDepth: 3 });
 * console.log(sel.nodes.length, "nodes,", sel.edges.length, "edges");
 * ```
 */
export interface Selection {
  /** `refs` follows edges forwards, `backrefs` and `chain` backwards (drawn holder to held all the same). */
  readonly kind: "refs" | "backrefs" | "chain";
  readonly nodes: readonly SelectionNode[];
  readonly edges: readonly SelectionEdge[];
  /** Nodes not expanded because `maxDepth` was reached while they still had edges. */
  readonly depthLimited: number;
  /** The `maxDepth` the query used (objgraph's max_depth): the renderer shades this depth darkest. */
  readonly maxDepth?: number;
}
