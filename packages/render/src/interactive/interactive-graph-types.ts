/**
 * The contract of the interactive reference graph: the JSON the browser widget draws
 * ({@link InteractiveGraphData}) and the API the bundled script puts on `window.heapgraphGraph`
 * ({@link HeapgraphGraphApi}). Plain JSON-safe data, shared by the builder
 * (`interactiveGraphData`), the HTML fragment (`interactiveGraphHtml`), the browser widget and
 * the servers of `heapgraph explore` / `heapgraph watch` (whose `expand` answers with the same shape).
 *
 * @module
 */

/**
 * How a node stands out, as in the static drawing (objgraph's colours): a starting node, a GC
 * root, a global object, a module, a highlighted node, or none of these.
 *
 * @example
 * ```ts
 * const role: InteractiveNodeRole = node.isRoot ? "root" : "plain";
 * ```
 */
export type InteractiveNodeRole = "start" | "root" | "global" | "module" | "highlight" | "plain";

/**
 * One node of an {@link InteractiveGraphData}. Every string in it came from a heap and is
 * hostile: the widget puts it in the page only through `textContent` and cytoscape labels.
 *
 * @example
 * ```ts
 * const node: InteractiveNode = {
 *   id: 4711, label: "Foo @4711\n64 B self, 1.2 kB retained", className: "Foo", type: "object",
 *   selfSize: 64, retainedSize: 1200, distance: 5, expandable: { refs: 3, backrefs: 1 },
 * };
 * ```
 */
export interface InteractiveNode {
  /** The heap object id (unique within the data; the key `expand` receives). */
  id: number;
  /** The box text, lines joined by `\n`: the same words as the DOT drawing (class @id, preview, sizes, extra line). */
  label: string;
  className: string;
  /** V8 node type: `object`, `closure`, `string`, ... */
  type: string;
  selfSize: number;
  retainedSize: number;
  /** Shortest distance from the GC roots (DevTools' Distance); negative or huge when unreachable. */
  distance: number;
  /** Steps from the starting nodes in the drawing it came from (shading, as in DOT); 0 when unknown. */
  depth?: number;
  /** The colour role (default `plain`). */
  role?: InteractiveNodeRole;
  /** CSS colours (`#rrggbb`, `white`, ...) of the box as the static drawing colours it; absent: by `role`. */
  colors?: { fill: string; text: string; border: string };
  /** A longer description for the hover panel: the value preview, function location, extra info. */
  detail?: string;
  /** A DOM node no document holds (DevTools' detachedness). */
  detached?: boolean;
  /** A GC root (drawn as the static drawing draws roots). */
  isRoot?: boolean;
  /**
   * How many references (held objects) and referrers (holders) the node has in the heap, counted
   * as `refs`/`backrefs` walk them (no V8 plumbing). A click expands up to these; absent: nothing
   * more to expand.
   */
  expandable?: { refs: number; backrefs: number };
}

/**
 * One edge, always from holder to held whichever way it was found.
 *
 * @example
 * ```ts
 * const edge: InteractiveEdge = { from: 4711, to: 4713, label: ".cache", type: "property" };
 * ```
 */
export interface InteractiveEdge {
  /** Holder's heap id. */
  from: number;
  /** Held object's heap id. */
  to: number;
  /** The edge label as DOT draws it (`.prop`, `[3]`, `context x`, ...). */
  label: string;
  /** `property`, `element`, `context`, `internal`, `hidden`, `shortcut` or `weak`. */
  type: string;
  /** Does not keep its target alive (drawn dashed). */
  weak?: boolean;
}

/**
 * What the widget draws: the visible nodes and edges, the chain to highlight, the node to focus,
 * and (for pages without a server) a bounded neighbourhood that clicks reveal without asking
 * anyone. `expand` answers (from a server) use the same shape; their `nodes`/`edges` are added.
 *
 * @example
 * ```ts
 * const data: InteractiveGraphData = {
 *   version: 1, kind: "backrefs", rankDir: "TB",
 *   nodes: [{ id: 1, label: "Foo @1", className: "Foo", type: "object", selfSize: 16, retainedSize: 16, distance: 3 }],
 *   edges: [],
 *   highlight: [1],
 *   focus: 1,
 * };
 * ```
 */
export interface InteractiveGraphData {
  /** The format version, 1. */
  version: 1;
  /** What the drawing shows: `refs` (what it holds), `backrefs` (what holds it), `chain`, or a server's own view. */
  kind: "refs" | "backrefs" | "chain" | "graph";
  /** The layout direction, as Graphviz's `rankdir` of the static drawing (default `TB`: holders above). */
  rankDir?: "TB" | "LR" | "BT" | "RL";
  /** A title shown above the drawing. */
  title?: string;
  /** Nodes drawn at first. */
  nodes: InteractiveNode[];
  /** Edges drawn at first (both ends among `nodes`). */
  edges: InteractiveEdge[];
  /** Heap ids drawn highlighted: the chain to the root, in order (root first) when it is one. */
  highlight?: number[];
  /** The node of interest (centred, selected at first). */
  focus?: number;
  /**
   * Nodes and edges beyond the drawn ones, shown when a click expands a node and no `expand`
   * callback is given (the embedded bounded neighbourhood of a static page).
   */
  neighbourhood?: { nodes: InteractiveNode[]; edges: InteractiveEdge[] };
  /** Nodes whose edges `tooMany` cut at build time; the widget draws a "+N more" box for each. */
  truncated?: { id: number; direction: "refs" | "backrefs"; count: number }[];
}

/**
 * Which way a click expands a node: what it holds (`refs`) or what holds it (`backrefs`).
 *
 * @example
 * ```ts
 * const direction: ExpandDirection = event.shiftKey ? "backrefs" : "refs";
 * ```
 */
export type ExpandDirection = "refs" | "backrefs";

/**
 * Options of {@link HeapgraphGraphApi.mount}.
 *
 * @example
 * ```ts
 * const options: MountOptions = {
 *   tooMany: 10,
 *   expand: async (id, direction) => (await fetch(`expand?id=${id}&dir=${direction}&token=${token}`)).json(),
 *   onSelect: (node) => showRetainers(node.id),
 * };
 * ```
 */
export interface MountOptions {
  /**
   * Where clicks get more nodes: a server's answer with the node's new neighbours (only
   * `nodes`/`edges` are read; nodes already drawn are kept). Without it, clicks reveal the
   * embedded `neighbourhood`.
   */
  expand?: (id: number, direction: ExpandDirection) => Promise<InteractiveGraphData>;
  /** At most this many new neighbours per click; the rest become a "+N more" box that shows the next batch (default 10). */
  tooMany?: number;
  /** Called when the user selects a node (click, or the initial focus). */
  onSelect?: (node: InteractiveNode) => void;
}

/**
 * A drawn widget.
 *
 * @example
 * ```ts
 * const graph = window.heapgraphGraph.mount(element, data);
 * await graph.expand(data.focus!, "backrefs");
 * console.log(graph.nodeCount());
 * ```
 */
export interface MountedGraph {
  /** Expands a node as a click does; resolves when the new nodes are laid out. */
  expand(id: number, direction: ExpandDirection): Promise<void>;
  /** Adds nodes and edges (e.g. a server's push) and lays out again. */
  add(data: Pick<InteractiveGraphData, "nodes" | "edges">): void;
  /** Fits the drawing to the container. */
  fit(): void;
  /** How many object nodes are drawn (without "+N more" boxes). */
  nodeCount(): number;
  /** Where node `id` is drawn, in viewport (client) pixels — where a click on it lands — or null when it is not drawn. */
  clientPosition(id: number): { x: number; y: number } | null;
  /** Removes the widget and its listeners. */
  destroy(): void;
}

/**
 * What the bundled script (`INTERACTIVE_GRAPH_SCRIPT`) puts on `window.heapgraphGraph`
 * (`Element` is the DOM's `HTMLElement` in a page; this package compiles without the DOM types).
 *
 * @example
 * ```ts
 * const graph = window.heapgraphGraph.mount(document.getElementById("g")!, data, { tooMany: 5 });
 * window.heapgraphGraph.mountAll(); // mounts every fragment of interactiveGraphHtml not yet mounted
 * ```
 */
export interface HeapgraphGraphApi<Element = unknown> {
  /** Draws `data` into `element` (an `HTMLElement`; emptied first). */
  mount(element: Element, data: InteractiveGraphData, options?: MountOptions): MountedGraph;
  /** Mounts every `interactiveGraphHtml` fragment of the page not mounted yet; returns the new ones. */
  mountAll(): MountedGraph[];
  /** The widget mounted in `element`, if any. */
  get(element: Element): MountedGraph | undefined;
  /** The data format version this script draws (1). */
  readonly version: 1;
}

/**
 * The data attribute that marks an `interactiveGraphHtml` container; its value is the id of the
 * `<script type="application/json">` element holding the data.
 *
 * @example
 * ```ts
 * document.querySelectorAll(`[${INTERACTIVE_GRAPH_ATTRIBUTE}]`);
 * ```
 */
export const INTERACTIVE_GRAPH_ATTRIBUTE = "data-heapgraph-graph";
