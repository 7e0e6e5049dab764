// The interactive reference graph in the browser: cytoscape draws, dagre lays out in layers, this
// file wires clicks, hover details, the "+N more" boxes and the fit button. Bundled by bundle.mjs
// into src/interactive/generated/graph-bundle.ts. Heap strings reach the page only through
// textContent and cytoscape's canvas labels — never innerHTML.
import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import type {
  ExpandDirection,
  HeapgraphGraphApi,
  InteractiveEdge,
  InteractiveGraphData,
  InteractiveNode,
  MountedGraph,
  MountOptions,
} from "../src/interactive/interactive-graph-types.ts";

const ATTRIBUTE = "data-heapgraph-graph";
const FONT = "10px Helvetica, Arial, sans-serif";
const LINE_HEIGHT = 13;

cytoscape.use(dagre);

const mounted = new WeakMap<Element, MountedGraph>();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration>, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  Object.assign(element.style, style);
  if (text !== undefined) element.textContent = text;
  return element;
}

let measureContext: CanvasRenderingContext2D | null | undefined;
function textWidth(line: string): number {
  if (measureContext === undefined) {
    measureContext = document.createElement("canvas").getContext("2d");
    if (measureContext) measureContext.font = FONT;
  }
  return measureContext ? measureContext.measureText(line).width : line.length * 6;
}

function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = n, u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

const ROLE_FILL: Record<string, string> = { root: "#ffe6e6", module: "#33ff00", global: "#33ff00", highlight: "#7a9ccc" };

function nodeId(id: number): string {
  return `n${id}`;
}

function mount(element: HTMLElement, data: InteractiveGraphData, options: MountOptions = {}): MountedGraph {
  mounted.get(element)?.destroy();
  const tooMany = options.tooMany ?? 10;
  const known = new Map<number, InteractiveNode>();
  const knownEdges = new Map<string, InteractiveEdge>();
  const edgeKey = (e: InteractiveEdge) => `${e.from}>${e.to}>${e.label}`;
  const learn = (d: Pick<InteractiveGraphData, "nodes" | "edges">) => {
    for (const n of d.nodes) if (!known.has(n.id)) known.set(n.id, n);
    for (const e of d.edges) if (!knownEdges.has(edgeKey(e))) knownEdges.set(edgeKey(e), e);
  };
  learn(data);
  if (data.neighbourhood) learn(data.neighbourhood);
  const highlight = new Set(data.highlight ?? []);
  const defaultDirection: ExpandDirection = data.kind === "refs" ? "refs" : "backrefs";

  element.replaceChildren();
  element.dataset.heapgraphMounted = "true";
  if (!element.style.position) element.style.position = "relative";
  const bar = el("div", { display: "flex", gap: "8px", alignItems: "center", padding: "4px 6px", font: "12px sans-serif", background: "#f6f6f6", borderBottom: "1px solid #ddd", height: "22px", boxSizing: "content-box" });
  const title = el("span", { fontWeight: "bold", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }, data.title ?? "");
  const fitButton = el("button", { font: "12px sans-serif" }, "fit");
  fitButton.type = "button";
  fitButton.className = "heapgraph-fit";
  const hint = el("span", { color: "#666", marginLeft: "auto", whiteSpace: "nowrap" }, `click: ${defaultDirection === "refs" ? "references" : "referrers"} · shift+click: ${defaultDirection === "refs" ? "referrers" : "references"}`);
  bar.append(title, fitButton, hint);
  const canvas = el("div", { position: "absolute", left: "0", right: "0", top: "31px", bottom: "0" });
  canvas.className = "heapgraph-canvas";
  const panel = el("div", { position: "absolute", right: "6px", top: "36px", maxWidth: "45%", background: "rgba(255,255,255,0.95)", border: "1px solid #bbb", padding: "4px 6px", font: "11px sans-serif", whiteSpace: "pre-wrap", overflowWrap: "anywhere", display: "none", pointerEvents: "none", zIndex: "1" });
  panel.className = "heapgraph-details";
  element.append(bar, canvas, panel);

  const cy = cytoscape({
    container: canvas,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    style: [
      {
        selector: "node",
        style: {
          shape: "rectangle",
          label: "data(label)",
          "text-wrap": "wrap",
          "text-valign": "center",
          "text-halign": "center",
          "font-family": "Helvetica, Arial, sans-serif",
          "font-size": 10,
          "line-height": LINE_HEIGHT / 10,
          width: "data(w)",
          height: "data(h)",
          "background-color": "data(fill)",
          color: "data(text)",
          "border-width": 1,
          "border-color": "data(border)",
        },
      },
      { selector: "node.highlight", style: { "border-width": 3, "border-color": "#1f5fbf" } },
      { selector: "node:selected", style: { "overlay-color": "#1f5fbf", "overlay-opacity": 0.15, "overlay-padding": 4 } },
      { selector: "node.more", style: { "background-color": "#d00000", color: "white", "border-color": "red", "font-size": 9 } },
      {
        selector: "edge",
        style: {
          width: 1,
          "curve-style": "bezier",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          "line-color": "#333",
          "target-arrow-color": "#333",
          label: "data(label)",
          "font-size": 9,
          "text-background-color": "#fff",
          "text-background-opacity": 0.8,
          "text-background-padding": "1px",
        },
      },
      // A node holding itself: a loop on its right side, wide enough to leave the box.
      { selector: "edge:loop", style: { "loop-direction": "90deg", "loop-sweep": "-40deg", "control-point-step-size": 70 } },
      { selector: "edge.weak", style: { "line-style": "dashed" } },
      { selector: "edge.more", style: { "line-color": "red", "target-arrow-color": "red", "line-style": "dotted" } },
      { selector: "edge.highlight", style: { width: 2.5, "line-color": "#1f5fbf", "target-arrow-color": "#1f5fbf" } },
    ],
  });

  const nodeElement = (n: InteractiveNode) => {
    const lines = n.label.split("\n");
    const w = Math.max(30, ...lines.map(textWidth)) + 16;
    const colors = n.colors ?? { fill: ROLE_FILL[n.role ?? "plain"] ?? "#ffffff", text: n.role === "root" ? "#b00000" : "black", border: n.role === "root" ? "red" : "black" };
    return {
      group: "nodes" as const,
      data: { id: nodeId(n.id), heapId: n.id, label: n.label, w, h: lines.length * LINE_HEIGHT + 10, ...colors },
      classes: highlight.has(n.id) ? "highlight" : "",
    };
  };
  const edgeElement = (e: InteractiveEdge) => {
    const chain = data.highlight ?? [];
    const i = chain.indexOf(e.from), j = chain.indexOf(e.to);
    const onChain = i >= 0 && j >= 0 && Math.abs(i - j) === 1;
    return {
      group: "edges" as const,
      data: { id: `e:${edgeKey(e)}`, source: nodeId(e.from), target: nodeId(e.to), label: e.label },
      classes: [e.weak ? "weak" : "", onChain ? "highlight" : ""].join(" ").trim(),
    };
  };

  const shown = new Set<number>();
  const shownEdges = new Set<string>();
  const show = (ids: Iterable<number>) => {
    const add: cytoscape.ElementDefinition[] = [];
    for (const id of ids) {
      const n = known.get(id);
      if (!n || shown.has(id)) continue;
      shown.add(id);
      add.push(nodeElement(n));
    }
    for (const e of knownEdges.values()) {
      const k = edgeKey(e);
      if (!shownEdges.has(k) && shown.has(e.from) && shown.has(e.to)) {
        shownEdges.add(k);
        add.push(edgeElement(e));
      }
    }
    cy.add(add);
  };

  // "+N more" boxes: one per node and direction, holding the neighbours not shown yet.
  const moreId = (id: number, dir: ExpandDirection) => `more-${dir}-${id}`;
  /** The known neighbours of `id` one way (each once), and how many known edges lead to them. */
  const neighbours = (id: number, dir: ExpandDirection) => {
    const out: number[] = [];
    const seen = new Set<number>();
    let edges = 0;
    for (const e of knownEdges.values()) {
      const other = dir === "refs" ? (e.from === id ? e.to : -1) : e.to === id ? e.from : -1;
      if (other < 0) continue;
      edges++;
      if (!seen.has(other)) {
        seen.add(other);
        out.push(other);
      }
    }
    return { nodes: out, edges };
  };
  const setMore = (id: number, dir: ExpandDirection, count: number) => {
    cy.getElementById(moreId(id, dir)).remove();
    if (count <= 0) return;
    const what = dir === "refs" ? "reference" : "referrer";
    const label = `+${count} more ${what}${count === 1 ? "" : "s"}`;
    const more = moreId(id, dir);
    cy.add([
      { group: "nodes", data: { id: more, label, w: textWidth(label) + 14, h: 20, fill: "#d00000", text: "white", border: "red", moreOf: id, moreDir: dir }, classes: "more" },
      { group: "edges", data: { id: `e:${more}`, source: dir === "refs" ? nodeId(id) : more, target: dir === "refs" ? more : nodeId(id), label: "" }, classes: "more" },
    ]);
  };
  const reveal = (id: number, dir: ExpandDirection) => {
    const all = neighbours(id, dir);
    const hidden = all.nodes.filter((n) => !shown.has(n));
    const batch = hidden.slice(0, tooMany);
    show([id, ...batch]);
    // Edges the page does not know (beyond the embedded neighbourhood) are counted, not drawn.
    const total = known.get(id)?.expandable?.[dir] ?? all.edges;
    const unknown = options.expand ? 0 : Math.max(0, total - all.edges);
    setMore(id, dir, hidden.length - batch.length + unknown);
    return batch.length;
  };

  const fitView = () => {
    cy.fit(undefined, 20);
    // A small graph is not blown up past its natural size.
    if (cy.zoom() > 1) {
      cy.zoom(1);
      cy.center();
    }
  };
  const layout = (fit: boolean) => {
    cy.layout({ name: "dagre", rankDir: data.rankDir ?? "TB", nodeSep: 24, rankSep: 48, edgeSep: 8, animate: false, fit: false, padding: 20 } as cytoscape.LayoutOptions).run();
    if (fit) fitView();
    element.dataset.heapgraphNodes = String(shown.size);
  };

  const pending = new Map<string, Promise<void>>();
  const expand = (id: number, dir: ExpandDirection): Promise<void> => {
    const key = `${dir}:${id}`;
    const running = pending.get(key);
    if (running) return running;
    const work = (async () => {
      if (options.expand) {
        const answer = await options.expand(id, dir);
        learn(answer);
      }
      reveal(id, dir);
      layout(true);
    })().finally(() => pending.delete(key));
    pending.set(key, work);
    return work;
  };

  const details = (n: InteractiveNode) => {
    const lines = [
      `${n.className} @${n.id} (${n.type})`,
      `self ${formatBytes(n.selfSize)}, retained ${formatBytes(n.retainedSize)}`,
      `distance ${n.distance >= 0 && n.distance < 100_000_000 ? n.distance : "unreachable"}`,
    ];
    if (n.isRoot) lines.push("GC root");
    if (n.detached) lines.push("detached DOM node");
    const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
    if (n.expandable) lines.push(`${plural(n.expandable.refs, "reference")}, ${plural(n.expandable.backrefs, "referrer")}`);
    if (n.detail) lines.push("", n.detail.length > 600 ? `${n.detail.slice(0, 600)}…` : n.detail);
    return lines.join("\n");
  };

  const showError = (error: unknown) => {
    panel.style.display = "block";
    panel.textContent = `could not expand: ${error instanceof Error ? error.message : String(error)}`;
  };
  cy.on("tap", "node", (event) => {
    const target = event.target as cytoscape.NodeSingular;
    const moreOf = target.data("moreOf") as number | undefined;
    if (moreOf !== undefined) {
      expand(moreOf, target.data("moreDir") as ExpandDirection).catch(showError);
      return;
    }
    const id = target.data("heapId") as number;
    const shift = (event.originalEvent as MouseEvent | undefined)?.shiftKey === true;
    const dir: ExpandDirection = shift ? (defaultDirection === "refs" ? "backrefs" : "refs") : defaultDirection;
    const node = known.get(id);
    if (node) options.onSelect?.(node);
    expand(id, dir).catch(showError);
  });
  cy.on("mouseover", "node", (event) => {
    const node = known.get((event.target as cytoscape.NodeSingular).data("heapId") as number);
    if (!node) return;
    panel.textContent = details(node);
    panel.style.display = "block";
  });
  cy.on("mouseout", "node", () => {
    panel.style.display = "none";
  });
  fitButton.addEventListener("click", fitView);

  show(data.nodes.map((n) => n.id));
  for (const t of data.truncated ?? []) setMore(t.id, t.direction, t.count);
  layout(true);
  if (data.focus !== undefined) {
    cy.getElementById(nodeId(data.focus)).select();
    const node = known.get(data.focus);
    if (node) options.onSelect?.(node);
  }

  const graph: MountedGraph = {
    expand,
    add(more) {
      learn(more);
      show(more.nodes.map((n) => n.id));
      layout(true);
    },
    fit: fitView,
    nodeCount: () => shown.size,
    clientPosition(id) {
      const node = cy.getElementById(nodeId(id));
      if (node.empty()) return null;
      const p = node.renderedPosition();
      const box = canvas.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    destroy() {
      cy.destroy();
      mounted.delete(element);
      element.replaceChildren();
      delete element.dataset.heapgraphMounted;
    },
  };
  mounted.set(element, graph);
  return graph;
}

function mountAll(): MountedGraph[] {
  const out: MountedGraph[] = [];
  for (const element of Array.from(document.querySelectorAll<HTMLElement>(`[${ATTRIBUTE}]`))) {
    if (element.dataset.heapgraphMounted) continue;
    const source = document.getElementById(element.getAttribute(ATTRIBUTE) ?? "");
    try {
      const data = JSON.parse(source?.textContent ?? "null") as InteractiveGraphData | null;
      if (!data || data.version !== 1) throw new Error("no heapgraph graph data (version 1) next to the drawing");
      out.push(mount(element, data));
    } catch (error) {
      // Keep the static fallback; say why the interactive view is missing.
      const note = el("div", { color: "#b00000", font: "12px sans-serif" }, `interactive graph unavailable: ${error instanceof Error ? error.message : String(error)}`);
      element.dataset.heapgraphMounted = "failed";
      element.prepend(note);
    }
  }
  return out;
}

declare global {
  interface Window {
    heapgraphGraph?: HeapgraphGraphApi<HTMLElement>;
  }
}

if (!window.heapgraphGraph) {
  const api: HeapgraphGraphApi<HTMLElement> = { mount, mountAll, get: (element) => mounted.get(element), version: 1 };
  window.heapgraphGraph = api;
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => window.heapgraphGraph!.mountAll());
else window.heapgraphGraph.mountAll();
